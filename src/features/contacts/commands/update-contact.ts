import { eq } from 'drizzle-orm'
import { people } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { conflicted, invalid, notFound, ok, type Result } from '../../../lib/result.ts'
import { isSameVersion, nextUpdatedAt } from '../../../lib/row-version.ts'
import { resolveOrganisation, unknownOrganisationError } from '../../accounts/commands/resolve-organisation.ts'
import { diffChanges } from '../../audit/diff-changes.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { validateContact, type ContactInput } from '../rules.ts'

export interface UpdateContactInput extends ContactInput {
  id: number
  version: string
}

/** Saves a contact person; refuses to overwrite a change made since the form was opened. */
export async function updateContact(tx: Transaction, actor: AuditActor, input: UpdateContactInput): Promise<Result<{ id: number }>> {
  const checked = validateContact(input)
  if (!checked.ok) return invalid(checked.errors)
  const { organisation, ...values } = checked.value
  const [current] = await tx.select().from(people).where(eq(people.id, input.id)).for('update')
  if (!current) return notFound()
  if (!isSameVersion(current.updatedAt, input.version)) return conflicted('contact')
  const organisationId = await resolveOrganisation(tx, organisation)
  if (organisationId === undefined) return invalid([unknownOrganisationError])
  const after = { ...values, organisationId }
  const changes = diffChanges(current, after)
  if (Object.keys(changes).length === 0) return ok({ id: current.id })
  await tx
    .update(people)
    .set({ ...after, updatedAt: nextUpdatedAt(current.updatedAt) })
    .where(eq(people.id, current.id))
  await recordAudit(tx, actor, {
    action: 'contact-updated',
    subjectType: 'person',
    subjectId: current.id,
    summary: `Changed ${Object.keys(changes).join(', ')} of contact ${values.name}`,
    changes,
  })
  return ok({ id: current.id })
}
