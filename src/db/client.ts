import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import pg from 'pg'
import type { Config } from '../config.ts'
import { migrationsDir } from '../runtime.ts'
import * as schema from './schema/index.ts'
import { startEmbeddedServer } from './embedded.ts'

export type Database = NodePgDatabase<typeof schema>
export type DatabaseKind = 'pglite' | 'postgres'
/** A transaction or the database itself: commands compose inside one transaction. */
export type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute'>

export interface DatabaseHandle {
  db: Database
  pool: pg.Pool
  kind: DatabaseKind
  close(): Promise<void>
}

export type DatabaseTarget = { url: string } | { embedded: string | null }

/** The configured database: a PostgreSQL server when DATABASE_URL is set, else the embedded one. */
export function databaseTarget(config: Pick<Config, 'databaseUrl' | 'dataDir'>): DatabaseTarget {
  return config.databaseUrl ? { url: config.databaseUrl } : { embedded: config.dataDir }
}

/** Where the data lives, for log lines (no password). */
export function describeDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): string {
  if (!config.databaseUrl) return `embedded PGlite in ${config.dataDir}`
  const url = new URL(config.databaseUrl)
  return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`
}

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if ('url' in target) {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 })
    pool.on('error', () => undefined) // an idle client's error is re-raised on next use
    await pool.query('SELECT 1')
    return { db: drizzle(pool, { schema }), pool, kind: 'postgres', close: () => pool.end() }
  }
  const server = await startEmbeddedServer(target.embedded)
  // PGlite serves one session: a single pooled connection keeps each query's protocol messages
  // together. Code holding a transaction must query through it, never through the pool (it would
  // wait for itself); the timeout turns such a mistake into an error instead of a hang.
  const pool = new pg.Pool({
    host: server.socketDir,
    port: 5432,
    user: 'postgres',
    database: 'postgres',
    max: 1,
    connectionTimeoutMillis: 30_000,
  })
  pool.on('error', () => undefined)
  try {
    await pool.query('SELECT 1')
  } catch (error) {
    await server.stop()
    throw error
  }
  return {
    db: drizzle(pool, { schema }),
    pool,
    kind: 'pglite',
    async close() {
      // The worker must stop even if the pool was already ended, or the process never exits.
      await pool.end().catch(() => undefined)
      await server.stop()
    },
  }
}

export async function migrateDatabase(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder: migrationsDir })
}
