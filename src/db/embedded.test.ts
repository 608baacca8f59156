import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { migrateDatabase, openDatabase } from './client.ts'
import { DataDirLockedError } from './embedded.ts'

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
