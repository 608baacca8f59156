import { sql } from 'drizzle-orm'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import pg from 'pg'
import type { Config } from '../config.ts'
import { migrationsDir } from '../runtime.ts'
import * as schema from './schema/index.ts'
import { DataDirLockedError, runningServerOf, startEmbeddedServer, type RunningServer } from './embedded.ts'

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

/**
 * A PostgreSQL server; the embedded database in a data folder (null: in memory), which this
 * process opens and locks (`shareSocket`: and offers to the command line); or the socket of an
 * embedded database another coophub process serves.
 */
export type DatabaseTarget = { url: string } | { embedded: string | null; shareSocket?: boolean } | { socket: string }

/**
 * The configured database: a PostgreSQL server when DATABASE_URL is set, else the embedded one
 * (`shareSocket`: the server's, offered to the command line).
 */
export function databaseTarget(config: Pick<Config, 'databaseUrl' | 'dataDir'>, options: { shareSocket?: boolean } = {}): DatabaseTarget {
  return config.databaseUrl ? { url: config.databaseUrl } : { embedded: config.dataDir, shareSocket: options.shareSocket === true }
}

/** Where the data lives, for log lines (no password). */
export function describeDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): string {
  if (!config.databaseUrl) return `embedded PGlite in ${config.dataDir}`
  const url = new URL(config.databaseUrl)
  return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`
}

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if ('url' in target) {
    // A request that cannot get a connection in 8 s fails (a 503 page with Retry-After) rather than
    // holding its reader: the database is down, or so busy that waiting longer helps nobody. pg's
    // pool counts the wait for a free connection in this too: at 5 s, 50 editors saving beside 200
    // readers on a machine loaded from elsewhere had 10 of their requests turned away
    // (npm run bench:writes); an outage still answers within 10 s.
    const pool = new pg.Pool({ connectionString: target.url, max: 10, connectionTimeoutMillis: 8_000 })
    pool.on('error', () => undefined) // an idle client's error is re-raised on next use
    await pool.query('SELECT 1')
    return { db: drizzle(pool, { schema }), pool, kind: 'postgres', close: () => pool.end() }
  }
  if ('socket' in target) {
    const pool = embeddedPool(target.socket)
    try {
      await pool.query('SELECT 1')
    } catch (error) {
      await pool.end().catch(() => undefined)
      throw error
    }
    return { db: drizzle(pool, { schema }), pool, kind: 'pglite', close: () => pool.end() }
  }
  const server = await startEmbeddedServer(target.embedded, { shareSocket: target.shareSocket === true })
  const pool = embeddedPool(server.socketDir)
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

/**
 * PGlite serves one session: a single pooled connection keeps each query's protocol messages
 * together. Code holding a transaction must query through it, never through the pool (it would
 * wait for itself); the timeout turns such a mistake into an error instead of a hang. Other
 * processes' connections (the command line beside a server) wait while this one is in a
 * transaction, and this one while theirs are.
 */
function embeddedPool(socketDir: string): pg.Pool {
  const pool = new pg.Pool({ host: socketDir, port: 5432, user: 'postgres', database: 'postgres', max: 1, connectionTimeoutMillis: 30_000 })
  pool.on('error', () => undefined)
  return pool
}

/**
 * The database for a command-line command. When the embedded data folder is locked by a live
 * coophub server, the command connects to that server's socket instead of failing (and says so
 * through `notice`); a folder locked by anything else (another command) is refused as before.
 * `server`: the server worked through, or null when this process opened the database itself.
 */
export async function openForCommandLine(
  target: DatabaseTarget,
  notice: (line: string) => void,
): Promise<{ handle: DatabaseHandle; server: RunningServer | null }> {
  try {
    return { handle: await openDatabase(target), server: null }
  } catch (error) {
    if (!(error instanceof DataDirLockedError) || !('embedded' in target) || target.embedded === null) throw error
    const server = runningServerOf(target.embedded)
    if (!server) throw error
    const handle = await openDatabase({ socket: server.socketDir }).catch(() => {
      throw error
    })
    notice(`coophub: the server running on ${target.embedded} (process ${server.pid}) has the database open: working through it.`)
    return { handle, server }
  }
}

/** Migrations in this code that the database has not had (what `migrate` would apply). */
export async function pendingMigrations(db: Database): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder: migrationsDir })
  const exists = await db.execute<{ found: boolean }>(sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS found`)
  if (!exists.rows[0]?.found) return migrations.length
  const latest = await db.execute<{ at: string | null }>(sql`SELECT max(created_at)::text AS at FROM drizzle.__drizzle_migrations`)
  const appliedUpTo = Number(latest.rows[0]?.at ?? 0)
  return migrations.filter((m) => m.folderMillis > appliedUpTo).length
}

/** The command line beside a server whose database lacks migrations this code has. */
export class ServerSchemaBehindError extends Error {
  constructor(server: RunningServer, pending: number) {
    super(
      `The coophub server running on this data folder (process ${server.pid}) has not applied ${pending} migration${pending === 1 ? '' : 's'} ` +
        'that this command needs: it was started from older code. Restart the server (it applies migrations as it starts), then run this command again.',
    )
    this.name = 'ServerSchemaBehindError'
  }
}

export async function migrateDatabase(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder: migrationsDir })
}
