// What the panel view shows of each bid: only submitted assessments count, by the call's current
// assessors, and never by one with a conflict with the bid. The bids are then ranked (ranking.ts).
import type { Conflict } from './conflicts.ts'
import { meanOf, rankBids, spreadOf, type Mean } from './ranking.ts'

export interface PanelInput {
  criteria: ReadonlyArray<{ id: number; maxScore: number }>
  assessors: ReadonlyArray<{ userId: number }>
  bids: ReadonlyArray<{ id: number; costPence: number; submittedAt: Date | null }>
  assessments: ReadonlyArray<{ bidId: number; assessorUserId: number; submittedAt: Date | null; scores: ReadonlyArray<{ criterionId: number; score: number }> }>
  /** The conflict of an assessor with a bid, or null. */
  conflict: (assessorUserId: number, bidId: number) => Conflict | null
}

export interface PanelBid {
  bidId: number
  rank: number
  totals: number[]
  mean: Mean
  spread: { min: number; max: number } | null
  /** Submitted assessments that count, of the assessors who may score the bid. */
  counted: number
  eligible: number
  conflicted: number[]
  criterionMeans: Array<{ criterionId: number; mean: Mean }>
}

export function panelOf(input: PanelInput): PanelBid[] {
  const current = new Set(input.assessors.map((a) => a.userId))
  const rows = input.bids.map((bid) => {
    const conflicted = input.assessors.filter((a) => input.conflict(a.userId, bid.id) !== null).map((a) => a.userId)
    const counting = input.assessments.filter(
      (a) => a.bidId === bid.id && a.submittedAt !== null && current.has(a.assessorUserId) && !conflicted.includes(a.assessorUserId),
    )
    const totals = counting.map((a) => a.scores.reduce((sum, s) => sum + s.score, 0))
    return {
      bidId: bid.id,
      costPence: bid.costPence,
      submittedAt: bid.submittedAt,
      totals,
      mean: meanOf(totals),
      spread: spreadOf(totals),
      counted: counting.length,
      eligible: input.assessors.length - conflicted.length,
      conflicted,
      criterionMeans: input.criteria.map((c) => ({
        criterionId: c.id,
        mean: meanOf(counting.flatMap((a) => a.scores.filter((s) => s.criterionId === c.id).map((s) => s.score))),
      })),
    }
  })
  return rankBids(rows).map(({ costPence: _c, submittedAt: _s, ...row }) => row)
}
