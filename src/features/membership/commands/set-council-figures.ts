import { sql } from 'drizzle-orm'
import { councilFigures } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { ok, type Result } from '../../../lib/result.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import type { FiguresRow } from '../rules/figures-csv.ts'

/** An administrator's figures for one council, replacing what was stored for it (a figure left blank is cleared). */
export async function setCouncilFigures(tx: Transaction, actor: AuditActor, row: FiguresRow): Promise<Result<{ code: string }>> {
  const values = {
    population: row.population?.value ?? null,
    populationYear: row.population?.year ?? null,
    populationSource: row.population?.source ?? null,
    budgetPence: row.budget?.value ?? null,
    budgetYear: row.budget?.year ?? null,
    budgetSource: row.budget?.source ?? null,
    updatedByLabel: actor.label,
  }
  await tx
    .insert(councilFigures)
    .values({ authorityCode: row.code, ...values })
    .onConflictDoUpdate({ target: councilFigures.authorityCode, set: { ...values, updatedAt: sql`now()` } })
  await recordAudit(tx, actor, {
    action: 'council-figures-set',
    subjectType: 'council-figures',
    subjectId: row.code,
    summary: `Set the figures of ${row.code}`,
    changes: values,
  })
  return ok({ code: row.code })
}
