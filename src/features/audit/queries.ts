import { and, desc, eq, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { auditEvents } from '../../db/schema/index.ts'
import type { AuditFilter } from './filter.ts'

function where(filter: AuditFilter): SQL | undefined {
  return and(
    filter.action ? eq(auditEvents.action, filter.action) : undefined,
    filter.subjectType ? eq(auditEvents.subjectType, filter.subjectType) : undefined,
  )
}

/** One page of the audit log, newest first, and how many events match the filter. */
export async function listAuditEvents(db: Database, filter: AuditFilter, pageSize: number) {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(where(filter))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(pageSize)
    .offset((filter.page - 1) * pageSize)
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(where(filter))
  return { rows, total: count?.n ?? 0 }
}

/** The actions and subject types the log holds, for the filter's selects. */
export async function listAuditChoices(db: Database) {
  const actions = await db.selectDistinct({ value: auditEvents.action }).from(auditEvents).orderBy(auditEvents.action)
  const subjects = await db.selectDistinct({ value: auditEvents.subjectType }).from(auditEvents).orderBy(auditEvents.subjectType)
  return { actions: actions.map((r) => r.value), subjectTypes: subjects.map((r) => r.value) }
}
