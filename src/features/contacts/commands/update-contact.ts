import { eq } from 'drizzle-orm'
import type { Database } from '../../../db/client.ts'
import { people } from '../../../db/schema/index.ts'
import { NotFoundError } from '../../../errors.ts'
import { conflictError, type CommandResult } from '../../../lib/command-result.ts'
import { isSameVersion, nextUpdatedAt } from '../../../lib/row-version.ts'
import type { AuditActor } from '../../accounts/actor.ts'
import { diffChanges } from '../../audit/diff-changes.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { validateContact, type ContactInput } from '../rules.ts'
import { resolveOrganisation, unknownOrganisationError } from '../../accounts/commands/resolve-organisation.ts'

export interface UpdateContactInput extends ContactInput {
  id: number
  version: string
}

/** Saves a contact person; refuses to overwrite a change made since the form was opened. */
export async function updateContact(db: Database, actor: AuditActor, input: UpdateContactInput): Promise<CommandResult<{ id: number }>> {
  const checked = validateContact(input)
  if (!checked.ok) return checked
  const { organisation, ...values } = checked.value
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(people).where(eq(people.id, input.id)).for('update')
    if (!current) throw new NotFoundError()
    if (!isSameVersion(current.updatedAt, input.version)) return { ok: false as const, errors: [conflictError('contact')], conflict: true }
    const organisationId = await resolveOrganisation(tx, organisation)
    if (organisationId === undefined) return { ok: false as const, errors: [unknownOrganisationError] }
    const after = { ...values, organisationId }
    const changes = diffChanges(current, after)
    if (Object.keys(changes).length === 0) return { ok: true as const, value: { id: current.id } }
    await tx.update(people).set({ ...after, updatedAt: nextUpdatedAt(current.updatedAt) }).where(eq(people.id, current.id))
    await recordAudit(tx, actor, {
      action: 'contact-updated',
      subjectType: 'person',
      subjectId: current.id,
      summary: `Changed ${Object.keys(changes).join(', ')} of contact ${values.name}`,
      changes,
    })
    return { ok: true as const, value: { id: current.id } }
  })
}
