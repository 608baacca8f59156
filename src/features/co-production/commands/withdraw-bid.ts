import { eq } from 'drizzle-orm'
import { bids, calls } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { nextUpdatedAt } from '../../../lib/row-version.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { isBidEditable } from '../rules/deadlines.ts'
import { currentDraft, keepBidVersion } from './bid-rows.ts'

/**
 * The lead withdraws its bid (a draft or a submitted one) while the call is open. The bid stays,
 * whole, as a 'withdrawn' version; it leaves the call's list and can no longer change.
 */
export async function withdrawBid(tx: Transaction, actor: AuditActor, input: { bidId: number; now: Date }): Promise<Result<{ id: number }>> {
  const [current] = await tx.select().from(bids).where(eq(bids.id, input.bidId)).for('update')
  if (!current) return notFound()
  const [call] = await tx.select().from(calls).where(eq(calls.id, current.callId)).for('share')
  if (current.status === 'withdrawn') return refused('bidSocial.withdraw.already')
  if (!isBidEditable(call!, current, input.now)) return refused('bids.deadline.closed')
  const revision = current.revision + 1
  await tx
    .update(bids)
    .set({ status: 'withdrawn', revision, updatedAt: nextUpdatedAt(current.updatedAt) })
    .where(eq(bids.id, current.id))
  await keepBidVersion(tx, actor, current.id, revision, 'withdrawn', await currentDraft(tx, current))
  await recordAudit(tx, actor, { action: 'bid-withdrawn', subjectType: 'bid', subjectId: current.id, summary: `Withdrew the bid ${current.title}` })
  return ok({ id: current.id })
}
