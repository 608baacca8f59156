import { eq } from 'drizzle-orm'
import { callCriteria, calls } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { conflicted, invalid, notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { countAssessmentsBegun, listCriteria } from '../queries.ts'
import { criteriaFingerprint, readCriteria, type CriterionRow } from '../rules/criteria.ts'
import { criteriaRefusal } from '../rules/phase.ts'

/**
 * Replaces a call's criteria with the form's rows, in their order. Only until the first assessment
 * is begun: after that a change would leave scores against criteria that no longer say the same.
 * `fingerprint` is the list as the form saw it; a newer list saved since is a conflict.
 */
export async function saveCriteria(
  tx: Transaction,
  actor: AuditActor,
  input: { callId: number; fingerprint: string; rows: CriterionRow[] },
): Promise<Result<{ count: number }>> {
  const [call] = await tx.select().from(calls).where(eq(calls.id, input.callId)).for('update')
  if (!call) return notFound()
  const refusal = criteriaRefusal(call.status, await countAssessmentsBegun(tx, call.id))
  if (refusal) return refused(refusal)
  const current = await listCriteria(tx, call.id)
  if (criteriaFingerprint(current) !== input.fingerprint) return conflicted('criteria')
  const { criteria, errors } = readCriteria(input.rows)
  if (errors.length > 0) return invalid(errors)
  await tx.delete(callCriteria).where(eq(callCriteria.callId, call.id))
  if (criteria.length > 0) await tx.insert(callCriteria).values(criteria.map((c, position) => ({ callId: call.id, position, ...c })))
  await recordAudit(tx, actor, {
    action: 'call-criteria-saved',
    subjectType: 'call',
    subjectId: call.id,
    summary: `Set the criteria of the call ${call.title}: ${criteria.map((c) => `${c.title} (${c.maxScore})`).join(', ') || 'none'}`,
  })
  return ok({ count: criteria.length })
}
