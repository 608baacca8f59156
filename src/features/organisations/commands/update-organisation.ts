import { eq } from 'drizzle-orm'
import type { Database } from '../../../db/client.ts'
import { caseStudyOrganisations, organisations } from '../../../db/schema/index.ts'
import { NotFoundError } from '../../../errors.ts'
import { conflictError, isUniqueViolation, type CommandResult } from '../../../lib/command-result.ts'
import { isSameVersion, nextUpdatedAt } from '../../../lib/row-version.ts'
import type { AuditActor } from '../../accounts/actor.ts'
import { diffChanges } from '../../audit/diff-changes.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { refreshSearchExtra } from '../../case-studies/commands/save-case-study-links.ts'
import { validateOrganisation, type OrganisationInput } from '../rules.ts'
import { pickOrganisationSlug, slugTakenError } from './organisation-slugs.ts'

export interface UpdateOrganisationInput extends OrganisationInput {
  id: number
  /** The updated_at the form was opened on. */
  version: string
}

/** Saves an organisation's fields; refuses to overwrite a change made since the form was opened. */
export async function updateOrganisation(db: Database, actor: AuditActor, input: UpdateOrganisationInput): Promise<CommandResult<{ id: number; slug: string }>> {
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx.select().from(organisations).where(eq(organisations.id, input.id)).for('update')
      if (!current) throw new NotFoundError()
      const checked = validateOrganisation(input, { keepNation: current.nation })
      if (!checked.ok) return checked
      if (!isSameVersion(current.updatedAt, input.version)) return { ok: false as const, errors: [conflictError('organisation')], conflict: true }

      const { slug: typedSlug, ...values } = checked.value
      const slug = await pickOrganisationSlug(tx, typedSlug ?? (values.name === current.name ? current.slug : null), values.name, current.id)
      if (slug === null) return { ok: false as const, errors: [slugTakenError] }
      const after = { ...values, slug }
      const changes = diffChanges(current, after)
      if (Object.keys(changes).length === 0) return { ok: true as const, value: { id: current.id, slug } }

      await tx.update(organisations).set({ ...after, updatedAt: nextUpdatedAt(current.updatedAt) }).where(eq(organisations.id, current.id))
      if (changes.name) {
        // Case studies are found by the names of their organisations: a rename must reach the index.
        const linked = await tx
          .selectDistinct({ id: caseStudyOrganisations.caseStudyId })
          .from(caseStudyOrganisations)
          .where(eq(caseStudyOrganisations.organisationId, current.id))
        await refreshSearchExtra(tx, linked.map((r) => r.id))
      }
      await recordAudit(tx, actor, {
        action: 'organisation-updated',
        subjectType: 'organisation',
        subjectId: current.id,
        summary: `Changed ${Object.keys(changes).join(', ')} of organisation ${values.name}`,
        changes,
      })
      return { ok: true as const, value: { id: current.id, slug } }
    })
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: [slugTakenError] }
    throw error
  }
}
