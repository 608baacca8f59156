import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checkReport, isOverBudget, type ReportFormValues } from './report-form.ts'

const values = (over: Partial<ReportFormValues> = {}): ReportFormValues => ({
  revision: '1',
  whatHappened: 'Workshops with tenants.',
  outcomes: '',
  spend: '1,250.50',
  milestones: { '7': 'on-track', '8': 'done' },
  ...over,
})
const progress = { kind: 'progress' as const, milestoneIds: [7, 8] }
const final = { kind: 'final' as const, milestoneIds: [7, 8] }

const fields = (r: ReturnType<typeof checkReport>) => (r.ok ? [] : r.errors.map((e) => `${e.field}: ${e.message}`))

describe('a project report as written', () => {
  it('turns pounds into pence and keeps each milestone’s status', () => {
    const result = checkReport(values(), progress, true)
    assert.ok(result.ok)
    assert.equal(result.value.spendToDatePence, 125_050)
    assert.deepEqual(result.value.milestoneStatuses, [
      { milestoneId: 7, status: 'on-track' },
      { milestoneId: 8, status: 'done' },
    ])
  })

  it('asks a submitted report for every part, a draft for none', () => {
    const table: Array<[string, Partial<ReportFormValues>, typeof progress | typeof final, boolean, string[]]> = [
      ['complete progress report', {}, progress, true, []],
      ['nothing, as a draft', { whatHappened: ' ', spend: '', milestones: {} }, progress, false, []],
      [
        'nothing, submitted',
        { whatHappened: ' ', spend: '', milestones: {} },
        progress,
        true,
        [
          'whatHappened: projects.report.whatHappenedRequired',
          'spend: projects.report.spendRequired',
          'milestone-7: projects.report.milestoneStatus',
          'milestone-8: projects.report.milestoneStatus',
        ],
      ],
      ['a final report without outcomes', {}, final, true, ['outcomes: projects.report.outcomesRequired']],
      ['a final report with outcomes', { outcomes: 'Tenants now sit on the board.' }, final, true, []],
      ['not an amount, even in a draft', { spend: 'lots' }, progress, false, ['spend: projects.report.spend.notAmount']],
      ['a negative amount', { spend: '-5' }, progress, true, ['spend: projects.report.spend.negative']],
      ['three decimals', { spend: '1.005' }, progress, true, ['spend: projects.report.spend.tooManyDecimals']],
      ['£ and commas', { spend: '£12,000' }, progress, true, []],
      ['zero spent', { spend: '0' }, progress, true, []],
      ['a status that does not exist', { milestones: { '7': 'finished', '8': 'done' } }, progress, false, ['milestone-7: projects.report.milestoneStatus']],
      ['a status for a milestone of another project is ignored', { milestones: { '7': 'done', '8': 'done', '99': 'done' } }, progress, true, []],
      ['text too long', { whatHappened: 'x'.repeat(20_001) }, progress, false, ['whatHappened: projects.report.tooLong']],
    ]
    for (const [name, over, report, submitting, expected] of table) {
      assert.deepEqual(fields(checkReport(values(over), report, submitting)), expected, name)
    }
  })

  it('says when the spend is more than the budget, without refusing it', () => {
    assert.equal(isOverBudget(100_001, 100_000), true)
    assert.equal(isOverBudget(100_000, 100_000), false)
    assert.equal(isOverBudget(null, 100_000), false)
  })
})
