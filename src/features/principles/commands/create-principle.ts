import { sql } from 'drizzle-orm'
import { principles } from '../../../db/schema/index.ts'
import { isUniqueViolation, withSavepoint, type Transaction } from '../../../db/unit-of-work.ts'
import { invalid, ok, type Result } from '../../../lib/result.ts'
import { diffChanges } from '../../audit/diff-changes.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { validatePrinciple, type PrincipleInput } from '../rules.ts'
import { checkPrincipleUniqueness, shortNameTakenError } from './principle-uniqueness.ts'

/** Adds a principle; with no position given it goes after the others. */
export async function createPrinciple(tx: Transaction, actor: AuditActor, input: PrincipleInput): Promise<Result<{ id: number; slug: string }>> {
  const checked = validatePrinciple(input, { positionRequired: false })
  if (!checked.ok) return invalid(checked.errors)
  const values = checked.value
  const unique = await checkPrincipleUniqueness(tx, values, null)
  if (!unique.ok) return invalid(unique.errors)
  let position = values.position
  if (position === null) {
    const [last] = await tx.select({ max: sql<number | null>`max(${principles.position})` }).from(principles)
    position = (last?.max ?? 0) + 1
  }
  const row = {
    slug: unique.slug,
    shortName: values.shortName,
    statement: values.statement,
    position,
    shortNameCy: values.shortNameCy,
    statementCy: values.statementCy,
  }
  let id: number
  try {
    const [inserted] = await withSavepoint(tx, (sp) => sp.insert(principles).values(row).returning({ id: principles.id }))
    id = inserted!.id
  } catch (error) {
    // Two people adding the same principle at once: the second gets the form error, not a 500.
    if (isUniqueViolation(error)) return invalid([shortNameTakenError])
    throw error
  }
  await recordAudit(tx, actor, {
    action: 'principle-created',
    subjectType: 'principle',
    subjectId: id,
    summary: `Added principle ${values.shortName}`,
    changes: diffChanges(null, row),
  })
  return ok({ id, slug: unique.slug })
}
