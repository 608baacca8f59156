import { organisations } from '../../../db/schema/index.ts'
import { isUniqueViolation, withSavepoint, type Transaction } from '../../../db/unit-of-work.ts'
import { invalid, ok, type Result } from '../../../lib/result.ts'
import { diffChanges } from '../../audit/diff-changes.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { validateOrganisation, type OrganisationInput } from '../rules.ts'
import { pickOrganisationSlug, slugTakenError } from './organisation-slugs.ts'

/** Adds an organisation (a member or not); a blank slug is made from the name. */
export async function createOrganisation(tx: Transaction, actor: AuditActor, input: OrganisationInput): Promise<Result<{ id: number; slug: string }>> {
  const checked = validateOrganisation(input)
  if (!checked.ok) return invalid(checked.errors)
  const { slug: typedSlug, ...values } = checked.value
  const slug = await pickOrganisationSlug(tx, typedSlug, values.name, null)
  if (slug === null) return invalid([slugTakenError])
  let id: number
  try {
    const [row] = await withSavepoint(tx, (sp) =>
      sp
        .insert(organisations)
        .values({ ...values, slug })
        .returning({ id: organisations.id }),
    )
    id = row!.id
  } catch (error) {
    // Two people adding the same slug at once: the second gets the form error, not a 500.
    if (isUniqueViolation(error)) return invalid([slugTakenError])
    throw error
  }
  await recordAudit(tx, actor, {
    action: 'organisation-created',
    subjectType: 'organisation',
    subjectId: id,
    summary: `Added organisation ${values.name}`,
    changes: diffChanges(null, { ...values, slug }),
  })
  return ok({ id, slug })
}
