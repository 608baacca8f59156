import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { drizzle } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import { migrateDatabase, openDatabase } from './client.ts'
import { DataDirLockedError, startEmbeddedServer } from './embedded.ts'
import * as schema from './schema/index.ts'
import { usableTemplate } from './template.ts'

describe('embedded database folder', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'coophub-lock-test-'))
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('refuses a second opener with a clear message, and reopens after the first closes', async () => {
    const first = await openDatabase({ embedded: dir })
    await migrateDatabase(first.db)
    await first.pool.query(`INSERT INTO principles (slug, short_name, statement, position) VALUES ('kept', 'Kept', 'Survives a restart.', 1)`)
    await assert.rejects(openDatabase({ embedded: dir }), (error: unknown) => {
      assert.ok(error instanceof DataDirLockedError)
      assert.match(error.message, /Another coophub process is already using the database folder/)
      assert.match(error.message, /DATA_DIR/)
      return true
    })
    await first.close()

    const second = await openDatabase({ embedded: dir })
    const { rows } = await second.pool.query('SELECT short_name FROM principles')
    assert.deepEqual(rows, [{ short_name: 'Kept' }])
    await second.close()
  })

  it('keeps the event loop free while the database works', async () => {
    const handle = await openDatabase({ embedded: null })
    let ticks = 0
    const timer = setInterval(() => ticks++, 5)
    // A deliberately slow query: on the main thread it would block every timer until it ended.
    await handle.pool.query('SELECT count(*) FROM generate_series(1, 1000000)')
    clearInterval(timer)
    await handle.close()
    assert.ok(ticks >= 5, `timers kept running during the query (${ticks} ticks)`)
  })
})

describe('the build\'s database template', () => {
  const template = usableTemplate()
  const skip = template ? false : 'no template fits these migrations (npm run build makes one)'
  if (skip) console.log(`# ${skip}`)

  /** What migrating made: tables and columns, indexes, triggers, functions, extensions, migrations recorded. */
  async function describeSchema(fromTemplate: boolean): Promise<unknown[]> {
    const server = await startEmbeddedServer(null, { fromTemplate })
    const pool = new pg.Pool({ host: server.socketDir, port: 5432, user: 'postgres', database: 'postgres', max: 1 })
    try {
      await migrateDatabase(drizzle(pool, { schema }))
      const queries = [
        `SELECT table_name, column_name, data_type, column_default, is_nullable FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2`,
        `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`,
        `SELECT tgname, tgrelid::regclass::text AS on_table FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2`,
        `SELECT proname, md5(prosrc) AS body FROM pg_proc JOIN pg_namespace n ON n.oid = pronamespace WHERE nspname = 'public' ORDER BY 1, 2`,
        `SELECT extname, extversion FROM pg_extension ORDER BY 1`,
        `SELECT hash, created_at FROM drizzle.__drizzle_migrations ORDER BY created_at`,
      ]
      const results = []
      for (const query of queries) results.push((await pool.query(query)).rows)
      return results
    } finally {
      await pool.end()
      await server.stop()
    }
  }

  it('gives a new database exactly what initdb and every migration give', { skip }, async () => {
    const [fromTemplate, fromScratch] = [await describeSchema(true), await describeSchema(false)]
    assert.deepEqual(fromTemplate, fromScratch)
    assert.ok((fromScratch[0] as unknown[]).length > 0)
  })
})
