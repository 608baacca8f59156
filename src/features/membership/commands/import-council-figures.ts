import { sql } from 'drizzle-orm'
import { councilFigures } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { ok, type Result } from '../../../lib/result.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import type { FiguresRow } from '../rules/figures-csv.ts'

/**
 * Stores checked figures, a council at a time, in one transaction: the whole file or nothing. A
 * figure left out of a row (its three cells empty) keeps the value already stored.
 */
export async function importCouncilFigures(
  tx: Transaction,
  actor: AuditActor,
  rows: FiguresRow[],
  onProgress?: (done: number) => void,
): Promise<Result<{ count: number }>> {
  let done = 0
  for (const row of rows) {
    const population = row.population
    const budget = row.budget
    await tx
      .insert(councilFigures)
      .values({
        authorityCode: row.code,
        population: population?.value ?? null,
        populationYear: population?.year ?? null,
        populationSource: population?.source ?? null,
        budgetPence: budget?.value ?? null,
        budgetYear: budget?.year ?? null,
        budgetSource: budget?.source ?? null,
        updatedByLabel: actor.label,
      })
      .onConflictDoUpdate({
        target: councilFigures.authorityCode,
        set: {
          ...(population ? { population: population.value, populationYear: population.year, populationSource: population.source } : {}),
          ...(budget ? { budgetPence: budget.value, budgetYear: budget.year, budgetSource: budget.source } : {}),
          updatedByLabel: actor.label,
          updatedAt: sql`now()`,
        },
      })
    done++
    if (done % 50 === 0) onProgress?.(done)
  }
  onProgress?.(done)
  await recordAudit(tx, actor, { action: 'council-figures-imported', subjectType: 'council-figures', summary: `Imported the figures of ${done} councils` })
  return ok({ count: done })
}
