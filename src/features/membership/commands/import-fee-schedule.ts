import { eq, max } from 'drizzle-orm'
import { feeSchedules } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { ok, type Result } from '../../../lib/result.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import type { FeeSchedule } from '../rules/fee-schedule.ts'
import { yearLabel } from '../rules/subscription-year.ts'

/**
 * Stores a checked schedule as its year's next version. Earlier versions stay: an invoice names
 * the version it was priced from, and none is ever re-priced.
 */
export async function importFeeSchedule(tx: Transaction, actor: AuditActor, schedule: FeeSchedule): Promise<Result<{ id: number; version: number }>> {
  // Two imports of one year at once would take the same number: the unique key refuses the second.
  const [latest] = await tx
    .select({ version: max(feeSchedules.version) })
    .from(feeSchedules)
    .where(eq(feeSchedules.year, schedule.year))
  const version = (latest?.version ?? 0) + 1
  const [row] = await tx
    .insert(feeSchedules)
    .values({
      year: schedule.year,
      version,
      label: schedule.label,
      example: schedule.example,
      schedule,
      importedByUserId: actor.id,
      importedByLabel: actor.label,
    })
    .returning({ id: feeSchedules.id })
  await recordAudit(tx, actor, {
    action: 'fee-schedule-imported',
    subjectType: 'fee-schedule',
    subjectId: row!.id,
    summary: `Loaded the ${yearLabel(schedule.year)} fee schedule, version ${version}: ${schedule.label}`,
  })
  return ok({ id: row!.id, version })
}
