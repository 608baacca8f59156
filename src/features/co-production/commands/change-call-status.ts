import { eq } from 'drizzle-orm'
import { calls } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { nextUpdatedAt } from '../../../lib/row-version.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { statusChangeRefusal } from '../rules/deadlines.ts'
import { decidingHasBegun } from './call-rows.ts'

/** Opens a call for bids (from a draft, or again after closing it) or closes it early. */
export async function changeCallStatus(tx: Transaction, actor: AuditActor, input: { id: number; to: 'open' | 'closed' }): Promise<Result<{ id: number }>> {
  const [current] = await tx.select().from(calls).where(eq(calls.id, input.id)).for('update')
  if (!current) return notFound()
  const refusal = statusChangeRefusal(current.status, input.to)
  if (refusal) return refused(refusal)
  // Reopening would let bids change under assessors' scores or voters' ballots.
  if (input.to === 'open' && (await decidingHasBegun(tx, current.id))) return refused('calls.refused.decidingBegun')
  await tx
    .update(calls)
    .set({ status: input.to, revision: current.revision + 1, updatedAt: nextUpdatedAt(current.updatedAt) })
    .where(eq(calls.id, current.id))
  await recordAudit(tx, actor, {
    action: input.to === 'open' ? 'call-opened' : 'call-closed',
    subjectType: 'call',
    subjectId: current.id,
    summary: `${input.to === 'open' ? 'Opened' : 'Closed'} the call ${current.title}`,
  })
  return ok({ id: current.id })
}
