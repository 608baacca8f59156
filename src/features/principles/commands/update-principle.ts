import { eq } from 'drizzle-orm'
import { caseStudyPrinciples, principleRevisions, principles } from '../../../db/schema/index.ts'
import { isUniqueViolation, withSavepoint, type Transaction } from '../../../db/unit-of-work.ts'
import { conflicted, invalid, notFound, ok, type Result } from '../../../lib/result.ts'
import { isSameVersion, nextUpdatedAt } from '../../../lib/row-version.ts'
import { diffChanges } from '../../audit/diff-changes.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { refreshSearchExtra } from '../../case-studies/commands/save-case-study-links.ts'
import { validatePrinciple, type PrincipleInput } from '../rules.ts'
import { checkPrincipleUniqueness, shortNameTakenError } from './principle-uniqueness.ts'

export interface UpdatePrincipleInput extends PrincipleInput {
  id: number
  /** The updated_at the form was opened on. */
  version: string
}

/**
 * Saves a principle. Its earlier wording is kept in principle_revisions whenever the name,
 * statement or position changes, so case studies can be read against what they met at the time.
 */
export async function updatePrinciple(tx: Transaction, actor: AuditActor, input: UpdatePrincipleInput): Promise<Result<{ id: number; slug: string }>> {
  const checked = validatePrinciple(input, { positionRequired: true })
  if (!checked.ok) return invalid(checked.errors)
  const values = checked.value
  const [current] = await tx.select().from(principles).where(eq(principles.id, input.id)).for('update')
  if (!current) return notFound()
  if (!isSameVersion(current.updatedAt, input.version)) return conflicted('principle')
  const typedSlug = values.slug ?? (values.shortName === current.shortName ? current.slug : null)
  const unique = await checkPrincipleUniqueness(tx, { shortName: values.shortName, slug: typedSlug }, current.id)
  if (!unique.ok) return invalid(unique.errors)

  const after = {
    shortName: values.shortName,
    slug: unique.slug,
    statement: values.statement,
    position: values.position ?? current.position,
    shortNameCy: values.shortNameCy,
    statementCy: values.statementCy,
  }
  const changes = diffChanges(current, after)
  if (Object.keys(changes).length === 0) return ok({ id: current.id, slug: unique.slug })

  if (changes.shortName || changes.statement || changes.position) {
    await tx.insert(principleRevisions).values({
      principleId: current.id,
      shortName: current.shortName,
      statement: current.statement,
      position: current.position,
      changedByUserId: actor.id,
      source: 'admin',
    })
  }
  try {
    await withSavepoint(tx, (sp) =>
      sp
        .update(principles)
        .set({ ...after, updatedAt: nextUpdatedAt(current.updatedAt) })
        .where(eq(principles.id, current.id)),
    )
  } catch (error) {
    if (isUniqueViolation(error)) return invalid([shortNameTakenError])
    throw error
  }
  if (changes.shortName) {
    const linked = await tx.select({ id: caseStudyPrinciples.caseStudyId }).from(caseStudyPrinciples).where(eq(caseStudyPrinciples.principleId, current.id))
    await refreshSearchExtra(
      tx,
      linked.map((r) => r.id),
    )
  }
  await recordAudit(tx, actor, {
    action: 'principle-updated',
    subjectType: 'principle',
    subjectId: current.id,
    summary: `Changed ${Object.keys(changes).join(', ')} of principle ${after.shortName}`,
    changes,
  })
  return ok({ id: current.id, slug: unique.slug })
}
