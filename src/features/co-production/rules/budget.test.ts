import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { budgetTotal, isWithinCap } from './budget.ts'

describe('bid budget', () => {
  const totals: Array<[string, number[], number]> = [
    ['no lines', [], 0],
    ['one line', [150_000], 150_000],
    ['pence add exactly', [10, 20, 1], 31],
    ['a policy lab', [1_200_000, 500_000, 300_000], 2_000_000],
    ['zero lines count', [0, 0], 0],
  ]
  for (const [name, amounts, expected] of totals) {
    it(`totals ${name}`, () => assert.equal(budgetTotal(amounts.map((amountPence) => ({ amountPence }))), expected))
  }

  it('refuses amounts that are not whole pence', () => {
    for (const bad of [0.5, -1, Number.NaN, Number.MAX_SAFE_INTEGER + 2]) assert.throws(() => budgetTotal([{ amountPence: bad }]), RangeError, String(bad))
    assert.throws(() => budgetTotal([{ amountPence: Number.MAX_SAFE_INTEGER }, { amountPence: 1 }]), /too large/)
  })

  const caps: Array<[number, number, boolean]> = [
    [2_000_000, 2_000_000, true],
    [1_999_999, 2_000_000, true],
    [2_000_001, 2_000_000, false],
    [0, 200_000, true],
  ]
  for (const [total, cap, expected] of caps) {
    it(`£${total / 100} against a cap of £${cap / 100}: ${expected ? 'within' : 'over'}`, () => assert.equal(isWithinCap(total, cap), expected))
  }
})
