import { eq, sql } from 'drizzle-orm'
import { bidDecisions, bids, calls } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { nextUpdatedAt } from '../../../lib/row-version.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { assessmentRefusal, markDecidedRefusal } from '../rules/phase.ts'

/** Marks a call decided by its panel once every submitted bid has a decision; scoring and decisions stop. */
export async function markCallDecided(tx: Transaction, actor: AuditActor, input: { callId: number; now: Date }): Promise<Result<{ id: number }>> {
  const [call] = await tx.select().from(calls).where(eq(calls.id, input.callId)).for('update')
  if (!call) return notFound()
  const [counts] = await tx
    .select({
      submitted: sql<number>`count(*)::int`,
      decided: sql<number>`count(${bidDecisions.bidId})::int`,
    })
    .from(bids)
    .leftJoin(bidDecisions, eq(bidDecisions.bidId, bids.id))
    .where(sql`${bids.callId} = ${call.id} AND ${bids.status} = 'submitted'`)
  const refusal = markDecidedRefusal(call, counts?.submitted ?? 0, counts?.decided ?? 0, assessmentRefusal(call, input.now))
  if (refusal) return refused(refusal)
  await tx
    .update(calls)
    .set({ status: 'decided', revision: call.revision + 1, updatedAt: nextUpdatedAt(call.updatedAt, input.now) })
    .where(eq(calls.id, call.id))
  await recordAudit(tx, actor, { action: 'call-decided', subjectType: 'call', subjectId: call.id, summary: `Marked the call ${call.title} decided` })
  return ok({ id: call.id })
}
