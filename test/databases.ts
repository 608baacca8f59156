import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { migrateDatabase, openDatabase, type DatabaseHandle, type DatabaseKind } from '../src/db/client.ts'

/**
 * The databases the integration tests run on: always a fresh in-memory PGlite, and PostgreSQL in a
 * fresh database of its own when TEST_DATABASE_URL is set. Test helpers may read the environment;
 * the application never does outside config.ts.
 */
export function testDatabaseKinds(): DatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']
}

export async function createTestDatabase(kind: DatabaseKind): Promise<DatabaseHandle> {
  if (kind === 'pglite') {
    const handle = await openDatabase({ embedded: null })
    await migrateDatabase(handle.db)
    return handle
  }
  const { url, drop } = await createEmptyPostgresDatabase()
  const handle = await openDatabase({ url })
  await migrateDatabase(handle.db)
  return {
    ...handle,
    async close() {
      await handle.close()
      await drop()
    },
  }
}

/** A new, empty PostgreSQL database (not migrated) and how to drop it: for tests that run coophub as a process. */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set')
  const name = `coophub_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: adminUrl })
      await dropper.connect()
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await dropper.end()
    },
  }
}
