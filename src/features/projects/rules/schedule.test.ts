import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { addMonths, projectPeriod, reportSchedule } from './schedule.ts'

describe('project schedule', () => {
  it('adds whole months, keeping to the last day of a shorter month', () => {
    for (const [from, months, expected] of [
      ['2026-01-31', 1, '2026-02-28'],
      ['2028-01-31', 1, '2028-02-29'],
      ['2026-08-15', 6, '2027-02-15'],
      ['2026-12-01', 24, '2028-12-01'],
    ] as const) {
      assert.equal(addMonths(from, months), expected, `${from} + ${months}`)
    }
  })

  it('runs a lab two years and a prototype one, unless the plan runs later', () => {
    assert.deepEqual(projectPeriod({ startsOn: '2026-05-01', kind: 'policy-lab', milestoneDates: ['2027-01-01', null] }), {
      startsOn: '2026-05-01',
      endsOn: '2028-05-01',
    })
    assert.deepEqual(projectPeriod({ startsOn: '2026-05-01', kind: 'policy-prototype', milestoneDates: [] }), { startsOn: '2026-05-01', endsOn: '2027-05-01' })
    assert.deepEqual(projectPeriod({ startsOn: '2026-05-01', kind: 'policy-prototype', milestoneDates: ['2027-09-30', '2026-12-01'] }), {
      startsOn: '2026-05-01',
      endsOn: '2027-09-30',
    })
  })

  it('asks for a progress report every six months and a final one a month after the end', () => {
    assert.deepEqual(reportSchedule('2026-05-01', '2027-05-01'), [
      { kind: 'progress', dueOn: '2026-11-01' },
      { kind: 'final', dueOn: '2027-05-31' },
    ])
    assert.deepEqual(reportSchedule('2026-05-01', '2026-08-01'), [{ kind: 'final', dueOn: '2026-08-31' }])
    assert.equal(reportSchedule('2026-05-01', '2028-05-01').filter((r) => r.kind === 'progress').length, 3)
  })
})
