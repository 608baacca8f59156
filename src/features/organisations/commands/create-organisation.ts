import type { Database } from '../../../db/client.ts'
import { organisations } from '../../../db/schema/index.ts'
import { isUniqueViolation, type CommandResult } from '../../../lib/command-result.ts'
import type { AuditActor } from '../../accounts/actor.ts'
import { diffChanges } from '../../audit/diff-changes.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { validateOrganisation, type OrganisationInput } from '../rules.ts'
import { pickOrganisationSlug, slugTakenError } from './organisation-slugs.ts'

/** Adds an organisation (a member or not); a blank slug is made from the name. */
export async function createOrganisation(db: Database, actor: AuditActor, input: OrganisationInput): Promise<CommandResult<{ id: number; slug: string }>> {
  const checked = validateOrganisation(input)
  if (!checked.ok) return checked
  const { slug: typedSlug, ...values } = checked.value
  try {
    return await db.transaction(async (tx) => {
      const slug = await pickOrganisationSlug(tx, typedSlug, values.name, null)
      if (slug === null) return { ok: false as const, errors: [slugTakenError] }
      const [row] = await tx.insert(organisations).values({ ...values, slug }).returning({ id: organisations.id })
      const id = row!.id
      await recordAudit(tx, actor, {
        action: 'organisation-created',
        subjectType: 'organisation',
        subjectId: id,
        summary: `Added organisation ${values.name}`,
        changes: diffChanges(null, { ...values, slug }),
      })
      return { ok: true as const, value: { id, slug } }
    })
  } catch (error) {
    // Two people adding the same slug at once: the second gets the form error, not a 500.
    if (isUniqueViolation(error)) return { ok: false, errors: [slugTakenError] }
    throw error
  }
}
