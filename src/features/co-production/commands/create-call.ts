import { invalid, ok, type Result } from '../../../lib/result.ts'
import { calls } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { checkCallForm, type CallForm } from '../rules/call-form.ts'
import { callColumns, freeCallSlug, linkPrinciples, networkSpaceId, principlesExist } from './call-rows.ts'

/** A new call of the network's work programme, as a draft: nobody sees it until it is opened. */
export async function createCall(tx: Transaction, actor: AuditActor, form: CallForm): Promise<Result<{ id: number; slug: string }>> {
  const checked = checkCallForm(form)
  if (!checked.ok) return invalid(checked.errors)
  const input = checked.value
  if (!(await principlesExist(tx, input.principleIds))) return invalid([{ field: 'principles', message: 'calls.errors.principles' }])
  const slug = await freeCallSlug(tx, input, null)
  if (typeof slug !== 'string') return invalid([slug])
  const [row] = await tx
    .insert(calls)
    .values({ ...callColumns(input, slug), spaceId: await networkSpaceId(tx), createdByUserId: actor.id })
    .returning({ id: calls.id })
  await linkPrinciples(tx, row!.id, input.principleIds)
  await recordAudit(tx, actor, { action: 'call-created', subjectType: 'call', subjectId: row!.id, summary: `Created the call ${input.title}` })
  return ok({ id: row!.id, slug })
}
