// Scheduled work as pg-boss keeps it, read from its own tables (schema `pgboss`, pg-boss 10):
// `queue` (one row per queue, with its retry settings), `schedule` (a queue's cron),
// `job` (jobs waiting, running, and finished within their retention) and `archive` (finished jobs
// moved out of `job`, kept a further week). pg-boss creates the schema when the scheduler first
// starts: until then there is nothing to read.
import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed'

export type JobRow = {
  id: string
  queue: string
  state: JobState
  data: unknown
  retryCount: number
  retryLimit: number
  createdOn: Date
  startedOn: Date | null
  completedOn: Date | null
  startAfter: Date
  output: unknown
  /** Moved to pg-boss's archive: shown, no longer tried again. */
  archived: boolean
}

export interface QueueRow {
  name: string
  cron: string | null
  timezone: string | null
}

/** pg-boss's own queues (its cron's) are left out: they are how it works, not work of ours. */
const internal = '__pgboss__%'

export async function queueTablesExist(db: Database): Promise<boolean> {
  const result = await db.execute<{ found: boolean }>(
    sql`SELECT to_regclass('pgboss.archive') IS NOT NULL AND to_regclass('pgboss.schedule') IS NOT NULL AS found`,
  )
  return result.rows[0]?.found === true
}

/** Every queue of ours, with its cron when it has one. */
export async function listQueues(db: Database): Promise<QueueRow[]> {
  const result = await db.execute<{ name: string; cron: string | null; timezone: string | null }>(sql`
    SELECT q.name, s.cron, s.timezone
    FROM pgboss.queue q LEFT JOIN pgboss.schedule s ON s.name = q.name
    WHERE q.name NOT LIKE ${internal}
    ORDER BY q.name`)
  return result.rows
}

/** The latest `perQueue` jobs of each queue, failed ones first, then newest first, from the job table and the archive. */
export async function listRecentJobs(db: Database, perQueue: number): Promise<JobRow[]> {
  const columns = sql.raw(`id::text AS id, name AS queue, state::text AS state, data, retry_count AS "retryCount", retry_limit AS "retryLimit",
    created_on AS "createdOn", started_on AS "startedOn", completed_on AS "completedOn", start_after AS "startAfter", output`)
  const result = await db.execute<JobRow & { n: number }>(sql`
    WITH jobs AS (
      SELECT ${columns}, false AS archived FROM pgboss.job WHERE name NOT LIKE ${internal}
      UNION ALL
      SELECT ${columns}, true AS archived FROM pgboss.archive WHERE name NOT LIKE ${internal}
    ), ranked AS (
      SELECT *, row_number() OVER (PARTITION BY queue ORDER BY (state = 'failed') DESC, "createdOn" DESC, id) AS n FROM jobs
    )
    SELECT * FROM ranked WHERE n <= ${perQueue} ORDER BY queue, n`)
  return result.rows.map(({ n: _n, ...row }) => ({
    ...row,
    createdOn: asDate(row.createdOn)!,
    startAfter: asDate(row.startAfter)!,
    startedOn: asDate(row.startedOn),
    completedOn: asDate(row.completedOn),
  }))
}

/** A job still in pg-boss's job table (the archive's cannot be tried again): its queue and state. */
export async function findJob(db: Database, id: string): Promise<{ queue: string; state: JobState } | null> {
  if (!(await queueTablesExist(db))) return null
  const result = await db.execute<{ queue: string; state: JobState }>(sql`SELECT name AS queue, state::text AS state FROM pgboss.job WHERE id = ${id}::uuid`)
  return result.rows[0] ?? null
}

// Timestamps come back as Dates from node-postgres; a string would mean a driver set up otherwise.
function asDate(value: Date | string | null): Date | null {
  return value === null ? null : value instanceof Date ? value : new Date(value)
}
