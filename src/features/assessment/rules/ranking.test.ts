import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { compareMeans, meanInTenths, meanOf, meanText, rankBids, spreadOf, type RankedBid } from './ranking.ts'

describe('the panel’s ranking', () => {
  const means: Array<[number[], string]> = [
    [[], ''],
    [[10], '10.0'],
    [[7, 7, 8], '7.3'],
    [[7, 8], '7.5'],
    [[3, 2, 2, 3], '2.5'],
    [[0, 0], '0.0'],
    [[1, 2, 2], '1.7'],
  ]
  for (const [values, text] of means) it(`writes the mean of [${values.join(', ')}] as "${text}"`, () => assert.equal(meanText(meanOf(values)), text))

  it('rounds a mean half up in tenths, exactly', () => {
    assert.equal(meanInTenths({ sum: 47, count: 20 }), 24) // 2.35
    assert.equal(meanInTenths({ sum: 49, count: 20 }), 25) // 2.45
    assert.equal(meanInTenths({ sum: 7, count: 3 }), 23) // 2.333…
    assert.equal(meanInTenths({ sum: 0, count: 0 }), null)
  })

  it('compares means exactly, by cross-multiplying', () => {
    assert.equal(compareMeans({ sum: 1, count: 3 }, { sum: 2, count: 6 }), 0)
    assert.equal(compareMeans({ sum: 2, count: 3 }, { sum: 1, count: 2 }), -1)
    assert.equal(compareMeans({ sum: 0, count: 0 }, { sum: 0, count: 1 }), 1)
    assert.equal(compareMeans({ sum: 0, count: 0 }, { sum: 0, count: 0 }), 0)
  })

  const day = (d: number) => new Date(Date.UTC(2027, 2, d))
  const bid = (bidId: number, totals: number[], costPence: number, submitted: number | null): RankedBid => ({
    bidId,
    totals,
    costPence,
    submittedAt: submitted === null ? null : day(submitted),
  })
  const cases: Array<[string, RankedBid[], number[]]> = [
    ['by mean, highest first', [bid(1, [10, 12], 100, 1), bid(2, [20], 100, 2), bid(3, [15, 16], 100, 3)], [2, 3, 1]],
    ['equal means (7/3 and 14/6): the lower cost first', [bid(1, [2, 2, 3], 500, 1), bid(2, [2, 2, 3, 2, 2, 3], 400, 2)], [2, 1]],
    ['equal means and cost: the earlier submission first', [bid(1, [9], 400, 5), bid(2, [9], 400, 3)], [2, 1]],
    ['everything equal: the lower id', [bid(7, [9], 400, 3), bid(4, [9], 400, 3)], [4, 7]],
    ['a bid nobody has assessed comes last', [bid(1, [], 100, 1), bid(2, [0], 900, 2)], [2, 1]],
    ['a bid with no submission time comes after one with', [bid(1, [5], 100, null), bid(2, [5], 100, 9)], [2, 1]],
  ]
  for (const [name, bids, order] of cases) {
    it(`ranks ${name}`, () => {
      const ranked = rankBids(bids)
      assert.deepEqual(
        ranked.map((b) => b.bidId),
        order,
      )
      assert.deepEqual(
        ranked.map((b) => b.rank),
        order.map((_, i) => i + 1),
      )
    })
  }

  it('gives the spread of totals', () => {
    assert.deepEqual(spreadOf([12, 7, 9]), { min: 7, max: 12 })
    assert.equal(spreadOf([]), null)
  })
})
