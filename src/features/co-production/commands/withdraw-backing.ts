import { and, eq } from 'drizzle-orm'
import { bidBackings, bids, calls } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { notFound, ok, refused, type Result } from '../../../lib/result.ts'
import type { Actor } from '../../accounts/actor.ts'
import { auditActor } from '../../accounts/actor.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { unbackingRefusal } from '../rules/backing.ts'
import { isTakingBids } from '../rules/deadlines.ts'

/**
 * The officer's organisation withdraws its backing while the bid can still change. A request to
 * join made with it is its own matter: the member withdraws it, or the lead answers it, separately.
 */
export async function withdrawBacking(tx: Transaction, actor: Actor, input: { bidId: number; now: Date }): Promise<Result<{ id: number }>> {
  const [bid] = await tx.select().from(bids).where(eq(bids.id, input.bidId)).for('update')
  if (!bid) return notFound()
  const [call] = await tx.select().from(calls).where(eq(calls.id, bid.callId)).for('share')
  const [backing] =
    actor.organisationId === null
      ? []
      : await tx
          .select({ id: bidBackings.id })
          .from(bidBackings)
          .where(and(eq(bidBackings.bidId, bid.id), eq(bidBackings.organisationId, actor.organisationId)))
  const refusal = unbackingRefusal({ bidStatus: bid.status, callOpen: isTakingBids(call!, input.now), alreadyBacked: backing !== undefined })
  if (refusal) return refused(refusal)
  await tx.delete(bidBackings).where(eq(bidBackings.id, backing!.id))
  await recordAudit(tx, auditActor(actor), {
    action: 'bid-unbacked',
    subjectType: 'bid',
    subjectId: bid.id,
    summary: `Withdrew a backing of the bid ${bid.title}`,
  })
  return ok({ id: bid.id })
}
