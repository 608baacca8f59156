import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rename, rm, stat } from 'node:fs/promises'
import { once } from 'node:events'
import { createGzip } from 'node:zlib'
import type pg from 'pg'
import type { DatabaseKind } from '../../db/client.ts'
import { countRows, fetchRows, listTables, openCursor, schemaVersion, sequenceStates, tableColumns } from './backup-queries.ts'
import { backupFormat, backupFormatVersion, type BackupHeader, type TableLine, type Trailer } from './manifest.ts'

export interface BackupSummary {
  file: string
  bytes: number
  tables: number
  rows: number
  header: BackupHeader
}

/** Rows done and rows in all, as the backup or restore goes (awaited when it returns a promise). */
export type ProgressReport = (done: number, total: number) => void | Promise<void>

const fetchSize = 1_000

/**
 * Writes a backup of every table to `file`, from one snapshot (a REPEATABLE READ, read-only
 * transaction): the site goes on serving and writing, and the file holds the database as it was
 * at one instant. The file appears under its name only once it is whole (written beside it, then
 * renamed); it is readable by its owner only, as it holds password hashes and personal data.
 */
export async function takeBackup(pool: pg.Pool, kind: DatabaseKind, file: string, progress: ProgressReport = () => undefined): Promise<BackupSummary> {
  const partial = `${file}.partial`
  const gzip = createGzip({ level: 6 })
  const out = createWriteStream(partial, { mode: 0o600 })
  gzip.pipe(out)
  // A full disk fails the file's stream: fail the writer too, or a write would wait for ever.
  out.on('error', (error) => gzip.destroy(error))
  const hash = createHash('sha256')
  const write = async (text: string) => {
    hash.update(text)
    if (!gzip.write(text)) await once(gzip, 'drain')
  }
  const client = await pool.connect()
  let header: BackupHeader
  let rows = 0
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    try {
      // Text forms that do not depend on the session: hex bytes, ISO dates, UTC, exact floats.
      await client.query(`SET LOCAL bytea_output = 'hex'`)
      await client.query(`SET LOCAL DateStyle = 'ISO, YMD'`)
      await client.query(`SET LOCAL IntervalStyle = 'postgres'`)
      await client.query(`SET LOCAL TimeZone = 'UTC'`)
      await client.query(`SET LOCAL extra_float_digits = 3`)
      const tables = await listTables(client)
      const counted: BackupHeader['tables'] = []
      for (const name of tables) counted.push({ name, rows: await countRows(client, name) })
      const total = counted.reduce((sum, t) => sum + t.rows, 0)
      header = {
        format: backupFormat,
        formatVersion: backupFormatVersion,
        createdAt: new Date().toISOString(),
        source: kind,
        schema: await schemaVersion(client),
        tables: counted,
      }
      await write(`${JSON.stringify(header)}\n`)
      await progress(0, total)
      for (const name of tables) {
        const columns = (await tableColumns(client, name)).filter((c) => !c.generated).map((c) => c.name)
        const line: TableLine = { table: name, columns }
        await write(`${JSON.stringify(line)}\n`)
        await openCursor(client, 'backup_rows', name, columns)
        for (;;) {
          const batch = await fetchRows(client, 'backup_rows', fetchSize)
          if (batch.length === 0) break
          await write(batch.map((r) => `${JSON.stringify(r)}\n`).join(''))
          rows += batch.length
          await progress(rows, total)
        }
        await client.query('CLOSE backup_rows')
      }
      await write(`${JSON.stringify({ sequences: await sequenceStates(client) })}\n`)
    } finally {
      await client.query('ROLLBACK').catch(() => undefined)
    }
    const trailer: Trailer = { end: true, sha256: hash.digest('hex') }
    gzip.end(`${JSON.stringify(trailer)}\n`)
    await once(out, 'close')
    await rename(partial, file)
  } catch (error) {
    gzip.destroy()
    out.destroy()
    await rm(partial, { force: true })
    throw error
  } finally {
    client.release()
  }
  return { file, bytes: (await stat(file)).size, tables: header.tables.length, rows, header }
}
