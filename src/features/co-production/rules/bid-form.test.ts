import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checkBidForm, type BidForm } from './bid-form.ts'

const call = { principleIds: [1, 2], themes: ['Housing', 'Energy'] }

const form: BidForm = {
  title: ' Tenant-led retrofit ',
  summary: 'Four councils.',
  problem: 'Cold homes.',
  theme: 'Energy',
  sharing: 'A toolkit.',
  differences: { 1: ' Tenants decide. ', 2: '', 3: 'Not a principle of this call.' },
  milestones: [
    { title: 'Launch', day: '1', month: '6', year: '2027' },
    { title: '', day: '', month: '', year: '' },
    { title: 'Report', day: '', month: '', year: '' },
  ],
  lines: [
    { description: 'Facilitation', amount: '£12,000' },
    { description: '', amount: '' },
    { description: 'Venues', amount: '800.50' },
  ],
}

describe('the bid form', () => {
  it('reads a draft: trimmed text, pence, real dates, blank rows dropped, only the call’s principles', () => {
    assert.deepEqual(checkBidForm(form, call), {
      ok: true,
      value: {
        title: 'Tenant-led retrofit',
        summary: 'Four councils.',
        problem: 'Cold homes.',
        theme: 'Energy',
        sharing: 'A toolkit.',
        differences: [{ principleId: 1, difference: 'Tenants decide.' }],
        milestones: [
          { title: 'Launch', dueOn: '2027-06-01' },
          { title: 'Report', dueOn: null },
        ],
        budgetLines: [
          { description: 'Facilitation', amountPence: 1_200_000 },
          { description: 'Venues', amountPence: 80_050 },
        ],
      },
    })
  })

  it('keeps an incomplete draft: only a title is needed to save', () => {
    const result = checkBidForm({ title: 'Idea', summary: '', problem: '', theme: '', sharing: '', differences: {}, milestones: [], lines: [] }, call)
    assert.equal(result.ok, true)
  })

  const cases: Array<[string, Partial<BidForm>, Array<[string, string]>]> = [
    ['no title', { title: ' ' }, [['title', 'bids.errors.titleRequired']]],
    ['a theme not of the round', { theme: 'Transport' }, [['theme', 'bids.errors.theme']]],
    ['a milestone without a title', { milestones: [{ title: '', day: '1', month: '6', year: '2027' }] }, [['milestoneTitle-0', 'bids.errors.milestoneTitle']]],
    [
      'a milestone date that does not exist',
      { milestones: [{ title: 'Launch', day: '31', month: '6', year: '2027' }] },
      [['milestoneDue-0-day', 'bids.errors.milestoneDue']],
    ],
    ['a line with no description', { lines: [{ description: '', amount: '100' }] }, [['lineDescription-0', 'bids.errors.lineDescription']]],
    ['a line with no amount', { lines: [{ description: 'Venues', amount: '' }] }, [['lineAmount-0', 'bids.errors.lineAmountRequired']]],
    ['a line in words', { lines: [{ description: 'Venues', amount: 'a few hundred' }] }, [['lineAmount-0', 'bids.errors.lineAmount']]],
    ['a negative line', { lines: [{ description: 'Refund', amount: '-100' }] }, [['lineAmount-0', 'bids.errors.lineAmount']]],
    ['fractions of a penny', { lines: [{ description: 'Venues', amount: '10.005' }] }, [['lineAmount-0', 'bids.errors.lineAmount']]],
    ['a summary too long', { summary: 'x'.repeat(20_001) }, [['summary', 'bids.errors.tooLong']]],
  ]
  for (const [name, change, expected] of cases) {
    it(name, () => {
      const result = checkBidForm({ ...form, ...change }, call)
      assert.equal(result.ok, false)
      if (!result.ok)
        assert.deepEqual(
          result.errors.map((e) => [e.field, e.message]),
          expected,
        )
    })
  }

  it('names the row of a problem', () => {
    const result = checkBidForm({ ...form, lines: [form.lines[0]!, { description: 'Venues', amount: 'x' }] }, call)
    assert.ok(!result.ok)
    assert.deepEqual(result.errors, [{ field: 'lineAmount-1', message: 'bids.errors.lineAmount', values: { row: 2 } }])
  })
})
