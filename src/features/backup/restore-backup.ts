import type pg from 'pg'
import {
  hasRows,
  insertRows,
  listTables,
  migrationSeededTables,
  schemaVersion,
  sequenceNames,
  setSequence,
  tableColumns,
  truncateAll,
  type ColumnInfo,
} from './backup-queries.ts'
import { backupLines } from './backup-lines.ts'
import { checkNotInUse, checkSchema, checkTables, parseHeader, RestoreRefused, type BackupHeader, type SequenceState, type TableLine } from './manifest.ts'
import type { ProgressReport } from './take-backup.ts'

export interface RestoreOptions {
  /** Delete what the database holds first; without it a database in use is refused. */
  replace: boolean
  progress?: ProgressReport
}

export interface RestoreSummary {
  header: BackupHeader
  rows: number
}

// Rows per INSERT: each column travels as one array parameter, so big batches cost little.
const batchRows = 500
const batchChars = 4_000_000

/**
 * Puts a backup into the database in one transaction: the header is checked first (format,
 * schema version, tables, an empty database unless `replace`), then every row is inserted with
 * triggers and foreign-key checks off (session_replication_role = replica: rows go in as they
 * were, in any order, and the content-change triggers do not log the load as edits), then the
 * sequences are set. A file found damaged on the way, or at its end, rolls everything back.
 */
export async function restoreBackup(pool: pg.Pool, file: string, options: RestoreOptions): Promise<RestoreSummary> {
  const lines = backupLines(file)
  const first = await lines.next()
  const header = parseHeader(first.done ? undefined : first.value)
  const client = await pool.connect()
  try {
    checkSchema(header.schema, await schemaVersion(client))
    const present = await listTables(client)
    checkTables(
      header.tables.map((t) => t.name),
      new Set(present),
    )
    const inUse = new Map<string, number>()
    for (const table of present) if (!migrationSeededTables.has(table) && (await hasRows(client, table))) inUse.set(table, 1)
    checkNotInUse(inUse, options.replace)

    await client.query('BEGIN')
    try {
      await prepareSession(client)
      const inBackup = new Set(header.tables.map((t) => t.name))
      // A seeded table the backup lacks (an older backup) keeps the row its migration made.
      await truncateAll(
        client,
        present.filter((t) => inBackup.has(t) || !migrationSeededTables.has(t)),
      )
      const rows = await loadRows(client, header, lines, options.progress ?? (() => undefined))
      await client.query('COMMIT')
      return { header, rows }
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw error
    }
  } finally {
    client.release()
    await lines.return(undefined)
  }
}

async function prepareSession(client: pg.ClientBase): Promise<void> {
  try {
    await client.query(`SET LOCAL session_replication_role = replica`)
  } catch {
    throw new RestoreRefused(
      'Restoring needs a database role that may load rows without their triggers (a superuser, or rds_superuser on Amazon RDS): run the restore as one. Nothing was changed.',
    )
  }
  await client.query(`SET LOCAL DateStyle = 'ISO, YMD'`)
  await client.query(`SET LOCAL IntervalStyle = 'postgres'`)
  await client.query(`SET LOCAL TimeZone = 'UTC'`)
}

interface Current {
  name: string
  columns: ColumnInfo[]
  expected: number
  seen: number
}

async function loadRows(client: pg.ClientBase, header: BackupHeader, lines: AsyncGenerator<string>, progress: ProgressReport): Promise<number> {
  const expected = new Map(header.tables.map((t) => [t.name, t.rows]))
  const total = header.tables.reduce((sum, t) => sum + t.rows, 0)
  const done = new Set<string>()
  let current: Current | null = null
  let batch: Array<Array<string | null>> = []
  let batchSize = 0
  let rows = 0
  let sequences: SequenceState[] | null = null
  await progress(0, total)

  const flush = async () => {
    if (!current || batch.length === 0) return
    await insertRows(client, current.name, current.columns, batch)
    rows += batch.length
    batch = []
    batchSize = 0
    await progress(rows, total)
  }
  const finishTable = async () => {
    await flush()
    if (current && current.seen !== current.expected) throw countMismatch(current)
    current = null
  }

  for await (const line of lines) {
    if (line.startsWith('[')) {
      if (!current) throw damaged('a row comes before its table')
      const row = parseLine(line) as Array<string | null>
      if (row.length !== current.columns.length) throw damaged(`a row of ${current.name} has ${row.length} values for ${current.columns.length} columns`)
      batch.push(row)
      batchSize += line.length
      current.seen++
      if (batch.length >= batchRows || batchSize >= batchChars) await flush()
      continue
    }
    await finishTable()
    const value = parseLine(line) as Partial<TableLine> & { sequences?: SequenceState[] }
    if (value.sequences) {
      sequences = value.sequences
      continue
    }
    if (typeof value.table !== 'string' || !Array.isArray(value.columns) || !expected.has(value.table) || done.has(value.table)) {
      throw damaged('a table line is not one its header lists')
    }
    done.add(value.table)
    current = { name: value.table, columns: await matchColumns(client, value.table, value.columns), expected: expected.get(value.table)!, seen: 0 }
  }
  await finishTable()
  const missing = header.tables.filter((t) => !done.has(t.name))
  if (missing.length > 0 || sequences === null)
    throw damaged(`it lacks ${missing.length > 0 ? `the rows of ${missing.map((t) => t.name).join(', ')}` : 'its sequences'}`)
  const known = await sequenceNames(client)
  for (const sequence of sequences) if (known.has(sequence.name)) await setSequence(client, sequence)
  return rows
}

/** The backup's columns in the database: each must exist there; the database's others take their defaults. */
async function matchColumns(client: pg.ClientBase, table: string, names: string[]): Promise<ColumnInfo[]> {
  const columns = new Map((await tableColumns(client, table)).map((c) => [c.name, c]))
  return names.map((name) => {
    const column = columns.get(name)
    if (!column || column.generated) {
      throw new RestoreRefused(
        `The backup has a column ${table}.${name} that this database does not: restore with the coophub version that made the backup. Nothing was changed.`,
      )
    }
    return column
  })
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line)
  } catch {
    throw damaged('one of its lines is not whole')
  }
}

function countMismatch(t: Current): RestoreRefused {
  return damaged(`its header lists ${t.expected} rows of ${t.name} but it holds ${t.seen}`)
}

function damaged(why: string): RestoreRefused {
  return new RestoreRefused(`This backup is corrupt: ${why}. Nothing was changed.`)
}
