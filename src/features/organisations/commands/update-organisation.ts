import { eq } from 'drizzle-orm'
import { caseStudyOrganisations, organisations } from '../../../db/schema/index.ts'
import { isUniqueViolation, withSavepoint, type Transaction } from '../../../db/unit-of-work.ts'
import { conflicted, invalid, notFound, ok, type Result } from '../../../lib/result.ts'
import { isSameVersion, nextUpdatedAt } from '../../../lib/row-version.ts'
import { diffChanges } from '../../audit/diff-changes.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { refreshSearchExtra } from '../../case-studies/commands/save-case-study-links.ts'
import { validateOrganisation, type OrganisationInput } from '../rules.ts'
import { pickOrganisationSlug, slugTakenError } from './organisation-slugs.ts'

export interface UpdateOrganisationInput extends OrganisationInput {
  id: number
  /** The updated_at the form was opened on. */
  version: string
}

/** Saves an organisation's fields; refuses to overwrite a change made since the form was opened. */
export async function updateOrganisation(tx: Transaction, actor: AuditActor, input: UpdateOrganisationInput): Promise<Result<{ id: number; slug: string }>> {
  const [current] = await tx.select().from(organisations).where(eq(organisations.id, input.id)).for('update')
  if (!current) return notFound()
  const checked = validateOrganisation(input, { keepNation: current.nation })
  if (!checked.ok) return invalid(checked.errors)
  if (!isSameVersion(current.updatedAt, input.version)) return conflicted('organisation')

  const { slug: typedSlug, ...values } = checked.value
  const slug = await pickOrganisationSlug(tx, typedSlug ?? (values.name === current.name ? current.slug : null), values.name, current.id)
  if (slug === null) return invalid([slugTakenError])
  const after = { ...values, slug }
  const changes = diffChanges(current, after)
  if (Object.keys(changes).length === 0) return ok({ id: current.id, slug })

  try {
    await withSavepoint(tx, (sp) =>
      sp
        .update(organisations)
        .set({ ...after, updatedAt: nextUpdatedAt(current.updatedAt) })
        .where(eq(organisations.id, current.id)),
    )
  } catch (error) {
    if (isUniqueViolation(error)) return invalid([slugTakenError])
    throw error
  }
  if (changes.name) {
    // Case studies are found by the names of their organisations: a rename must reach the index.
    const linked = await tx
      .selectDistinct({ id: caseStudyOrganisations.caseStudyId })
      .from(caseStudyOrganisations)
      .where(eq(caseStudyOrganisations.organisationId, current.id))
    await refreshSearchExtra(
      tx,
      linked.map((r) => r.id),
    )
  }
  await recordAudit(tx, actor, {
    action: 'organisation-updated',
    subjectType: 'organisation',
    subjectId: current.id,
    summary: `Changed ${Object.keys(changes).join(', ')} of organisation ${values.name}`,
    changes,
  })
  return ok({ id: current.id, slug })
}
