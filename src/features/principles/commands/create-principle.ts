import { sql } from 'drizzle-orm'
import type { Database } from '../../../db/client.ts'
import { principles } from '../../../db/schema/index.ts'
import { isUniqueViolation, type CommandResult } from '../../../lib/command-result.ts'
import type { AuditActor } from '../../accounts/actor.ts'
import { diffChanges } from '../../audit/diff-changes.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { validatePrinciple, type PrincipleInput } from '../rules.ts'
import { checkPrincipleUniqueness, shortNameTakenError } from './principle-uniqueness.ts'

/** Adds a principle; with no position given it goes after the others. */
export async function createPrinciple(db: Database, actor: AuditActor, input: PrincipleInput): Promise<CommandResult<{ id: number; slug: string }>> {
  const checked = validatePrinciple(input, { positionRequired: false })
  if (!checked.ok) return checked
  const values = checked.value
  try {
    return await db.transaction(async (tx) => {
      const unique = await checkPrincipleUniqueness(tx, values, null)
      if (!unique.ok) return unique
      let position = values.position
      if (position === null) {
        const [last] = await tx.select({ max: sql<number | null>`max(${principles.position})` }).from(principles)
        position = (last?.max ?? 0) + 1
      }
      const row = { slug: unique.slug, shortName: values.shortName, statement: values.statement, position }
      const [inserted] = await tx.insert(principles).values(row).returning({ id: principles.id })
      const id = inserted!.id
      await recordAudit(tx, actor, {
        action: 'principle-created',
        subjectType: 'principle',
        subjectId: id,
        summary: `Added principle ${values.shortName}`,
        changes: diffChanges(null, row),
      })
      return { ok: true as const, value: { id, slug: unique.slug } }
    })
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: [shortNameTakenError] }
    throw error
  }
}
