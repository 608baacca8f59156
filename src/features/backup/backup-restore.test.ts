import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import type pg from 'pg'
import type { DatabaseHandle } from '../../db/client.ts'
import { createTestDatabase, testDatabaseKinds } from '../../../test/databases.ts'
import { fillEveryTable } from '../../../test/filled-database.ts'
import { listTables, quoteTable } from './backup-queries.ts'
import { restoreBackup } from './restore-backup.ts'
import { takeBackup } from './take-backup.ts'

/**
 * Types no coophub table uses yet, so that the day one does they are known to survive: bytes,
 * an identity column that refuses written values, a computed column, intervals, floats, arrays.
 */
const probeTable = `CREATE TABLE backup_probe (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  bytes bytea, doc jsonb, doubled integer GENERATED ALWAYS AS (id * 2) STORED,
  span interval, ratio double precision, tags text[], at timestamptz, day date)`

async function addProbe(pool: pg.Pool, rows: boolean): Promise<void> {
  await pool.query(probeTable)
  if (!rows) return
  await pool.query(
    `INSERT INTO backup_probe (bytes, doc, span, ratio, tags, at, day) VALUES
      ('\\x00ff10'::bytea, '{"nested": {"list": [1, "two", null]}, "text": "line\\nbreak \\"quoted\\" ŵ"}', '1 year 2 mons 3 days 04:05:06.789', 0.1, ARRAY['a,b', 'c"d', NULL, 'e\\f'], '2026-03-29 00:59:59.123456+00', '2026-02-28'),
      (NULL, 'null', NULL, 1e300, '{}', NULL, NULL),
      ('', '[]', '-1 days', -0.0, ARRAY[''], 'infinity', '-infinity')`,
  )
  await pool.query(`DELETE FROM backup_probe WHERE doc = '[]'`) // the sequence now runs ahead of the rows
}

/** Every table's rows as text, in order: equal means the same data. */
async function contents(pool: pg.Pool): Promise<Map<string, string[]>> {
  const client = await pool.connect()
  try {
    await client.query(`SET TimeZone = 'UTC'`)
    const all = new Map<string, string[]>()
    for (const table of await listTables(client)) {
      const rows = await client.query<{ r: string }>(`SELECT t::text AS r FROM ${quoteTable(table)} t ORDER BY 1`)
      all.set(
        table,
        rows.rows.map((row) => row.r),
      )
    }
    return all
  } finally {
    client.release()
  }
}

async function nextProbeId(pool: pg.Pool): Promise<number> {
  const result = await pool.query<{ id: number }>(`INSERT INTO backup_probe (doc) VALUES ('{}') RETURNING id`)
  return result.rows[0]!.id
}

async function lastProbeId(pool: pg.Pool): Promise<number> {
  const result = await pool.query<{ n: string }>(`SELECT last_value AS n FROM backup_probe_id_seq`)
  return Number(result.rows[0]!.n)
}

for (const source of testDatabaseKinds()) {
  describe(`backup of a filled ${source} database`, () => {
    let handle: DatabaseHandle
    let folder: string
    let file: string
    let expected: Map<string, string[]>

    before(async () => {
      folder = await mkdtemp(path.join(os.tmpdir(), 'coophub-backup-'))
      file = path.join(folder, 'filled.coophub-backup')
      handle = await createTestDatabase(source)
      await fillEveryTable(handle.db, handle.pool)
      await addProbe(handle.pool, true)
      expected = await contents(handle.pool)
      await takeBackup(handle.pool, handle.kind, file)
    })
    after(async () => {
      await handle?.close()
      await rm(folder, { recursive: true, force: true })
    })

    it('starts from a database with rows in every table (fill a new table in test/filled-database.ts)', () => {
      const empty = [...expected].filter(([, rows]) => rows.length === 0).map(([table]) => table)
      assert.deepEqual(empty, [])
    })

    for (const target of testDatabaseKinds()) {
      it(`restores into a new ${target} database with every row of every table the same`, async () => {
        const restored = await createTestDatabase(target)
        try {
          await addProbe(restored.pool, false)
          const summary = await restoreBackup(restored.pool, file, { replace: false })
          assert.equal(summary.header.source, source)
          const actual = await contents(restored.pool)
          assert.deepEqual([...actual.keys()], [...expected.keys()])
          for (const [table, rows] of expected) assert.deepEqual(actual.get(table), rows, `the rows of ${table}`)
          // Sequences carry on from the source's, not from the highest row.
          assert.equal(await nextProbeId(restored.pool), (await lastProbeId(handle.pool)) + 1)
        } finally {
          await restored.close()
        }
      })
    }
  })
}
