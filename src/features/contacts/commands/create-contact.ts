import type { Database } from '../../../db/client.ts'
import { people } from '../../../db/schema/index.ts'
import type { CommandResult } from '../../../lib/command-result.ts'
import type { AuditActor } from '../../accounts/actor.ts'
import { diffChanges } from '../../audit/diff-changes.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { validateContact, type ContactInput } from '../rules.ts'
import { resolveOrganisation, unknownOrganisationError } from '../../accounts/commands/resolve-organisation.ts'

/** Adds a contact person. */
export async function createContact(db: Database, actor: AuditActor, input: ContactInput): Promise<CommandResult<{ id: number }>> {
  const checked = validateContact(input)
  if (!checked.ok) return checked
  const { organisation, ...values } = checked.value
  return db.transaction(async (tx) => {
    const organisationId = await resolveOrganisation(tx, organisation)
    if (organisationId === undefined) return { ok: false as const, errors: [unknownOrganisationError] }
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
    return { ok: true as const, value: { id } }
  })
}
