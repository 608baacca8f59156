import { eq } from 'drizzle-orm'
import { bidDecisions, bids, calls, votes } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { conflicted, invalid, notFound, refused, type Result } from '../../../lib/result.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import { recordDecision } from '../../co-production/commands/record-decision.ts'
import type { DecisionInput } from '../../co-production/rules/decision.ts'
import { assessmentRefusal, outcomesFor } from '../rules/phase.ts'

/**
 * The panel's decision on one bid of a call, recorded (and emailed) by recordDecision. The panel
 * decides only in the assessment window, and only with the outcomes the call's way of deciding
 * allows: a call that goes on to a member vote shortlists or declines; it does not fund.
 */
export async function decideBid(
  tx: Transaction,
  actor: AuditActor,
  input: Omit<DecisionInput, 'outcome'> & {
    outcome: string
    callId: number
    bidId: number
    /** When the decision the form was opened on was made (ISO), or '' when there was none: a newer one is a conflict. */
    seen: string
    now: Date
  },
  context: { baseUrl: string; network: string },
): Promise<Result<{ projectId: number | null; emailIds: number[] }>> {
  const [call] = await tx.select().from(calls).where(eq(calls.id, input.callId)).for('update')
  const [bid] = await tx.select({ callId: bids.callId }).from(bids).where(eq(bids.id, input.bidId))
  if (!call || !bid || bid.callId !== call.id) return notFound()
  const phase = assessmentRefusal(call, input.now)
  if (phase) return refused(phase)
  const allowed = outcomesFor(call.decisionMethod) as string[]
  if (allowed.length === 0) return refused('assessment.decision.byVoteOnly')
  // A shortlist is final once the members' vote has opened on it: the ballot must not change under voters.
  const [vote] = await tx.select({ status: votes.status }).from(votes).where(eq(votes.callId, call.id))
  if (vote && vote.status !== 'draft') return refused('assessment.decision.voteOpened')
  const [current] = await tx.select({ decidedAt: bidDecisions.decidedAt }).from(bidDecisions).where(eq(bidDecisions.bidId, input.bidId))
  if ((current?.decidedAt.toISOString() ?? '') !== input.seen.trim()) return conflicted('decision')
  const outcome = allowed.find((o) => o === input.outcome)
  if (!outcome) return invalid([{ field: 'outcome', message: 'assessment.decision.outcomeMissing' }])
  return recordDecision(
    tx,
    actor,
    {
      bidId: input.bidId,
      outcome: outcome as DecisionInput['outcome'],
      awardedPence: input.awardedPence,
      conditions: input.conditions,
      feedback: input.feedback,
      now: input.now,
    },
    context,
  )
}
