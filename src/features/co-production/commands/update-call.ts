import { eq } from 'drizzle-orm'
import { conflicted, invalid, notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { calls } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { nextUpdatedAt } from '../../../lib/row-version.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { checkCallForm, type CallForm } from '../rules/call-form.ts'
import { callColumns, decidingHasBegun, freeCallSlug, linkPrinciples, principlesExist } from './call-rows.ts'

/**
 * Saves a call's settings. The form carries the revision it was opened on: if someone saved since,
 * nothing is written and the route shows their version beside this person's form. Once deciding
 * has begun the call is what bids were judged against, and it no longer changes.
 */
export async function updateCall(
  tx: Transaction,
  actor: AuditActor,
  input: { id: number; revision: string; form: CallForm },
): Promise<Result<{ id: number; slug: string }>> {
  const checked = checkCallForm(input.form)
  if (!checked.ok) return invalid(checked.errors)
  const values = checked.value
  const [current] = await tx.select().from(calls).where(eq(calls.id, input.id)).for('update')
  if (!current) return notFound()
  if (String(current.revision) !== input.revision) return conflicted('call')
  if (current.status === 'decided' || (await decidingHasBegun(tx, current.id))) return refused('calls.refused.decidingBegun')
  if (!(await principlesExist(tx, values.principleIds))) return invalid([{ field: 'principles', message: 'calls.errors.principles' }])
  const slug = await freeCallSlug(tx, { title: values.title, slug: values.slug ?? current.slug }, current.id)
  if (typeof slug !== 'string') return invalid([slug])
  await tx
    .update(calls)
    .set({ ...callColumns(values, slug), revision: current.revision + 1, updatedAt: nextUpdatedAt(current.updatedAt) })
    .where(eq(calls.id, current.id))
  await linkPrinciples(tx, current.id, values.principleIds)
  await recordAudit(tx, actor, { action: 'call-updated', subjectType: 'call', subjectId: current.id, summary: `Changed the call ${values.title}` })
  return ok({ id: current.id, slug })
}
