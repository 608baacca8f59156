import { people } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { invalid, ok, type Result } from '../../../lib/result.ts'
import { resolveOrganisation, unknownOrganisationError } from '../../accounts/commands/resolve-organisation.ts'
import { diffChanges } from '../../audit/diff-changes.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { validateContact, type ContactInput } from '../rules.ts'

/** Adds a contact person. */
export async function createContact(tx: Transaction, actor: AuditActor, input: ContactInput): Promise<Result<{ id: number }>> {
  const checked = validateContact(input)
  if (!checked.ok) return invalid(checked.errors)
  const { organisation, ...values } = checked.value
  const organisationId = await resolveOrganisation(tx, organisation)
  if (organisationId === undefined) return invalid([unknownOrganisationError])
  const row = { ...values, organisationId }
  const [inserted] = await tx.insert(people).values(row).returning({ id: people.id })
  const id = inserted!.id
  await recordAudit(tx, actor, {
    action: 'contact-created',
    subjectType: 'person',
    subjectId: id,
    summary: `Added contact ${values.name}`,
    changes: diffChanges(null, row),
  })
  return ok({ id })
}
