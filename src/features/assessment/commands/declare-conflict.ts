import { and, eq } from 'drizzle-orm'
import { assessorConflicts, bids, calls } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { invalid, notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { assessorIdsOf } from '../queries.ts'
import { declarationProblem } from '../rules/conflicts.ts'

/** An assessor declares a conflict of interest with a bid of their call: from then on they do not score it. */
export async function declareConflict(
  tx: Transaction,
  actor: AuditActor,
  input: { bidId: number; userId: number; reason: string; now: Date },
): Promise<Result<{ bidId: number }>> {
  const [bid] = await tx.select().from(bids).where(eq(bids.id, input.bidId))
  if (!bid || bid.status !== 'submitted') return notFound()
  const [call] = await tx.select().from(calls).where(eq(calls.id, bid.callId))
  if (!call || !(await assessorIdsOf(tx, call.id)).includes(input.userId)) return notFound()
  if (call.status === 'decided') return refused('assessment.phase.decided')
  const problem = declarationProblem(input.reason)
  if (problem) return invalid([{ field: 'reason', message: problem, values: { max: 2000 } }])
  const reason = input.reason.trim()
  await tx
    .insert(assessorConflicts)
    .values({ bidId: bid.id, userId: input.userId, reason, declaredAt: input.now })
    .onConflictDoUpdate({ target: [assessorConflicts.bidId, assessorConflicts.userId], set: { reason, declaredAt: input.now } })
  await recordAudit(tx, actor, {
    action: 'conflict-declared',
    subjectType: 'bid',
    subjectId: bid.id,
    summary: `Declared a conflict of interest with the bid ${bid.title}`,
  })
  return ok({ bidId: bid.id })
}

/**
 * An assessor takes back a conflict they declared (by mistake, or the reason has passed). A conflict
 * that follows from the data — their organisation leads the bid or is in its working group — stays.
 */
export async function withdrawConflict(tx: Transaction, actor: AuditActor, input: { bidId: number; userId: number }): Promise<Result<{ bidId: number }>> {
  const [bid] = await tx.select().from(bids).where(eq(bids.id, input.bidId))
  if (!bid || bid.status !== 'submitted') return notFound()
  const [call] = await tx.select().from(calls).where(eq(calls.id, bid.callId))
  if (!call || !(await assessorIdsOf(tx, call.id)).includes(input.userId)) return notFound()
  if (call.status === 'decided') return refused('assessment.phase.decided')
  const removed = await tx
    .delete(assessorConflicts)
    .where(and(eq(assessorConflicts.bidId, bid.id), eq(assessorConflicts.userId, input.userId)))
    .returning()
  if (removed.length === 0) return notFound()
  await recordAudit(tx, actor, {
    action: 'conflict-withdrawn',
    subjectType: 'bid',
    subjectId: bid.id,
    summary: `Withdrew a declared conflict of interest with the bid ${bid.title}`,
  })
  return ok({ bidId: bid.id })
}
