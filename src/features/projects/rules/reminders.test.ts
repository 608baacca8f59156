import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { ProjectReminderKind } from '../../../db/schema/enums.ts'
import { remindersDue } from './reminders.ts'

const report = (over: { dueOn?: string; submitted?: boolean; sent?: ProjectReminderKind[] } = {}) => ({
  id: 1,
  dueOn: over.dueOn ?? '2027-03-31',
  submitted: over.submitted ?? false,
  sent: over.sent ?? [],
})

describe('which project reminders are due', () => {
  it('sends "due soon" from 14 days before, "overdue" from the day after, each once', () => {
    const table: Array<[string, ReturnType<typeof report>, string[]]> = [
      ['2027-03-16', report(), []],
      ['2027-03-17', report(), ['report-due-soon']],
      ['2027-03-31', report(), ['report-due-soon']],
      ['2027-03-31', report({ sent: ['report-due-soon'] }), []],
      ['2027-04-01', report({ sent: ['report-due-soon'] }), ['report-overdue']],
      ['2027-04-20', report({ sent: ['report-due-soon', 'report-overdue'] }), []],
      // Missed the window: only what is still true.
      ['2027-04-02', report(), ['report-overdue']],
      // Submitted: nothing, early or late.
      ['2027-03-20', report({ submitted: true }), []],
      ['2027-05-01', report({ submitted: true }), []],
      // Across the clocks going forward (28 March 2027): London days, not hours.
      ['2027-03-28', report({ dueOn: '2027-04-11' }), ['report-due-soon']],
      ['2027-03-27', report({ dueOn: '2027-04-11' }), []],
      // Across a year's end and a leap day.
      ['2027-12-18', report({ dueOn: '2028-01-01' }), ['report-due-soon']],
      ['2028-02-15', report({ dueOn: '2028-02-29' }), ['report-due-soon']],
      ['2028-02-14', report({ dueOn: '2028-02-29' }), []],
    ]
    for (const [today, r, expected] of table) {
      assert.deepEqual(
        remindersDue(today, [r]).map((d) => d.kind),
        expected,
        `${today}, due ${r.dueOn}, sent ${r.sent.join() || 'none'}${r.submitted ? ', submitted' : ''}`,
      )
    }
  })

  it('names the report of each reminder and takes another lead time', () => {
    assert.deepEqual(remindersDue('2027-03-25', [report(), { ...report({ dueOn: '2027-09-30' }), id: 2 }], 7), [{ reportId: 1, kind: 'report-due-soon' }])
  })
})
