import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { panelOf, type PanelInput } from './panel.ts'
import { meanText } from './ranking.ts'

const at = new Date('2027-03-25T10:00:00Z')
const scored = (bidId: number, assessorUserId: number, a: number, b: number, submitted = true) => ({
  bidId,
  assessorUserId,
  submittedAt: submitted ? at : null,
  scores: [
    { criterionId: 1, score: a },
    { criterionId: 2, score: b },
  ],
})

describe('the panel view', () => {
  const input: PanelInput = {
    criteria: [
      { id: 1, maxScore: 10 },
      { id: 2, maxScore: 5 },
    ],
    assessors: [{ userId: 1 }, { userId: 2 }, { userId: 3 }],
    bids: [
      { id: 100, costPence: 2_000_000, submittedAt: new Date('2027-03-01') },
      { id: 200, costPence: 1_000_000, submittedAt: new Date('2027-03-02') },
    ],
    assessments: [
      scored(100, 1, 8, 4),
      scored(100, 2, 6, 3),
      scored(100, 3, 10, 5, false), // a draft does not count
      scored(200, 1, 9, 5),
      scored(200, 3, 1, 1), // assessor 3 leads bid 200: a conflict, so not counted
      scored(200, 9, 0, 0), // no longer an assessor
    ],
    conflict: (assessor, bid) => (assessor === 3 && bid === 200 ? { kind: 'lead' } : null),
  }

  it('counts only submitted assessments by current assessors without a conflict, and ranks by mean', () => {
    const panel = panelOf(input)
    assert.deepEqual(
      panel.map((p) => [p.rank, p.bidId, p.totals, meanText(p.mean), p.spread, `${p.counted} of ${p.eligible}`, p.conflicted]),
      [
        [1, 200, [14], '14.0', { min: 14, max: 14 }, '1 of 2', [3]],
        [2, 100, [12, 9], '10.5', { min: 9, max: 12 }, '2 of 3', []],
      ],
    )
    assert.deepEqual(
      panel[1]!.criterionMeans.map((c) => meanText(c.mean)),
      ['7.0', '3.5'],
    )
  })

  it('ties on the mean go to the lower cost', () => {
    const tied = panelOf({ ...input, assessments: [scored(100, 1, 5, 5), scored(200, 1, 5, 5)] })
    assert.deepEqual(
      tied.map((p) => p.bidId),
      [200, 100],
    )
  })
})
