/**
 * The backup file: gzip'd JSON lines, the same for both databases so that an embedded backup
 * restores into PostgreSQL and the reverse. Line 1 is the header (this manifest); then, for each
 * table, a line naming it and its columns followed by one line per row (a JSON array of each
 * value's PostgreSQL text form, or null); then the sequences; then the trailer, whose SHA-256
 * covers every byte before it. A file without its trailer was cut short.
 */
export const backupFormat = 'coophub-backup'
export const backupFormatVersion = 1

export interface SchemaVersion {
  /** The last applied migration's timestamp (drizzle's `created_at`, the journal's `when`). */
  migration: number
  /** Its name in migrations/, for people reading a refusal. */
  tag: string
}

export interface BackupHeader {
  format: typeof backupFormat
  formatVersion: number
  createdAt: string
  source: 'pglite' | 'postgres'
  schema: SchemaVersion
  tables: Array<{ name: string; rows: number }>
}

export interface TableLine {
  table: string
  columns: string[]
}

export interface SequenceState {
  name: string
  /** null: never used (setval(…, 1, false)). Text: a bigint may pass 2^53. */
  lastValue: string | null
}

export interface Trailer {
  end: true
  sha256: string
}

/** Why a restore is refused before anything is written; the message says what to do. */
export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RestoreRefused'
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The header line, or why the file is not a coophub backup this code can read. */
export function parseHeader(line: string | undefined): BackupHeader {
  let value: unknown
  try {
    value = line === undefined ? undefined : JSON.parse(line)
  } catch {
    value = undefined
  }
  if (!isObject(value) || value.format !== backupFormat)
    throw new RestoreRefused('This file is not a coophub backup (its first line is not a coophub backup header).')
  if (typeof value.formatVersion !== 'number' || value.formatVersion > backupFormatVersion) {
    throw new RestoreRefused(
      `This backup was written in format ${String(value.formatVersion)}, newer than this coophub reads (${backupFormatVersion}): upgrade coophub first.`,
    )
  }
  const schema = value.schema
  const tables = value.tables
  if (!isObject(schema) || typeof schema.migration !== 'number' || typeof schema.tag !== 'string' || !Array.isArray(tables)) {
    throw new RestoreRefused('This backup’s header is damaged (no schema version or table list): the file is corrupt.')
  }
  for (const t of tables as unknown[]) {
    if (!isObject(t) || typeof t.name !== 'string' || typeof t.rows !== 'number')
      throw new RestoreRefused('This backup’s table list is damaged: the file is corrupt.')
  }
  return value as unknown as BackupHeader
}

/**
 * Only a backup of this database's own schema is restored. A newer one holds columns and meanings
 * this code does not know. An older one would miss what the migrations since did to the rows
 * already there (several fill or reshape data, not only tables): it is restored by the coophub
 * version that made it, whose upgrade then migrates the data forward.
 */
export function checkSchema(backup: SchemaVersion, database: SchemaVersion): void {
  if (backup.migration > database.migration) {
    throw new RestoreRefused(
      `This backup was made by a newer coophub: its database schema is at migration ${backup.tag}, this database at ${database.tag}. ` +
        'Upgrade coophub to the version that made the backup (or newer), then restore.',
    )
  }
  if (backup.migration < database.migration) {
    throw new RestoreRefused(
      `This backup was made by an older coophub: its database schema is at migration ${backup.tag}, this database at ${database.tag}. ` +
        'Restore it with the coophub version that made it (into a new database), then upgrade coophub: its migrations bring the data forward.',
    )
  }
}

/** Tables of the backup that the database lacks: restoring them would lose their rows. */
export function checkTables(backup: readonly string[], database: ReadonlySet<string>): void {
  const missing = backup.filter((t) => !database.has(t))
  if (missing.length > 0) {
    throw new RestoreRefused(`This database has no table ${missing.join(', ')} that the backup holds: restore with the coophub version that made the backup.`)
  }
}

export function checkNotInUse(rowsByTable: ReadonlyMap<string, number>, replace: boolean): void {
  if (replace) return
  const used = [...rowsByTable].filter(([, rows]) => rows > 0).map(([name]) => name)
  if (used.length === 0) return
  const shown = used.slice(0, 5).join(', ') + (used.length > 5 ? ` and ${used.length - 5} more` : '')
  throw new RestoreRefused(
    `This database is not empty (${shown} hold rows). Restore into a new database, or add --replace to delete everything in it and put the backup in its place.`,
  )
}

/** Size for people: 1.4 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['kB', 'MB', 'GB', 'TB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`
}
