import { readFileSync } from 'node:fs'
import path from 'node:path'
import type pg from 'pg'
import { migrationsDir } from '../../runtime.ts'
import type { SchemaVersion, SequenceState } from './manifest.ts'

/**
 * Schemas a backup leaves out. `drizzle` records which migrations ran: the database restored
 * into has its own, and the backup carries its version in the header. `pgboss` is the job
 * queue, made and upgraded by pg-boss itself: its rows are work in flight and history, not
 * content. Every job's effect is already in coophub's own tables (emails in the outbox,
 * reminders and renewals recorded once each), and daily jobs start again from those; restoring
 * queued jobs could instead run them a second time beside the instance that already ran them.
 */
const leftOut = ['pg_catalog', 'information_schema', 'drizzle', 'pgboss']

/**
 * Tables whose rows the migrations themselves insert: a database holding only these is empty.
 * A new migration that seeds a table belongs here (a test says so when it is forgotten).
 */
export const migrationSeededTables: ReadonlySet<string> = new Set(['public.content_version'])

/** Values as PostgreSQL writes them as text, the form every version and both kinds read back. */
export const rawText: pg.CustomTypesConfig = { getTypeParser: () => (value: string) => value }

/** Every table that holds data, as "schema.table", the same list on both kinds. */
export async function listTables(client: pg.ClientBase): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema <> ALL ($1::text[]) AND table_schema NOT LIKE 'pg\\_%'
      ORDER BY table_schema, table_name`,
    [leftOut],
  )
  return result.rows.map((r) => r.name)
}

export interface ColumnInfo {
  name: string
  /** The type as SQL writes it (format_type), to cast the text back. */
  type: string
  /** Computed by the database: never written. */
  generated: boolean
}

export async function tableColumns(client: pg.ClientBase, table: string): Promise<ColumnInfo[]> {
  const result = await client.query<{ name: string; type: string; generated: boolean }>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attgenerated <> '' AS generated
       FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [quoteTable(table)],
  )
  return result.rows
}

export async function countRows(client: pg.ClientBase, table: string): Promise<number> {
  const result = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteTable(table)}`)
  return Number(result.rows[0]?.n ?? 0)
}

/** Whether a table has any row (cheaper than counting a big one). */
export async function hasRows(client: pg.ClientBase, table: string): Promise<boolean> {
  const result = await client.query(`SELECT 1 FROM ${quoteTable(table)} LIMIT 1`)
  return result.rows.length > 0
}

export async function sequenceStates(client: pg.ClientBase): Promise<SequenceState[]> {
  const result = await client.query<{ name: string; last_value: string | null }>(
    `SELECT schemaname || '.' || sequencename AS name, last_value::text AS last_value FROM pg_sequences
      WHERE schemaname <> ALL ($1::text[]) ORDER BY 1`,
    [leftOut],
  )
  return result.rows.map((r) => ({ name: r.name, lastValue: r.last_value }))
}

export async function setSequence(client: pg.ClientBase, sequence: SequenceState): Promise<void> {
  if (sequence.lastValue === null) await client.query(`SELECT setval($1::regclass, 1, false)`, [quoteTable(sequence.name)])
  else await client.query(`SELECT setval($1::regclass, $2::bigint, true)`, [quoteTable(sequence.name), sequence.lastValue])
}

export async function sequenceNames(client: pg.ClientBase): Promise<Set<string>> {
  return new Set((await sequenceStates(client)).map((s) => s.name))
}

/** The schema version: the last migration applied to this database, named from the journal. */
export async function schemaVersion(client: pg.ClientBase): Promise<SchemaVersion> {
  const result = await client.query<{ at: string | null }>(`SELECT max(created_at)::text AS at FROM drizzle.__drizzle_migrations`)
  const migration = Number(result.rows[0]?.at ?? 0)
  return { migration, tag: migrationTag(migration) }
}

function migrationTag(when: number): string {
  const journal = JSON.parse(readFileSync(path.join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ when: number; tag: string }> }
  return journal.entries.find((e) => e.when === when)?.tag ?? `an unknown migration of ${new Date(when).toISOString()}`
}

/** Rows `count` at a time from an open cursor (inside the caller's transaction). */
export async function fetchRows(client: pg.ClientBase, cursor: string, count: number): Promise<Array<Array<string | null>>> {
  const result = await client.query<Array<string | null>>({ text: `FETCH ${count} FROM ${cursor}`, rowMode: 'array', types: rawText })
  return result.rows
}

export async function openCursor(client: pg.ClientBase, cursor: string, table: string, columns: readonly string[]): Promise<void> {
  await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT ${columns.map(quoteIdent).join(', ')} FROM ${quoteTable(table)}`)
}

/**
 * Inserts rows given as text, each cast by the database to its column's type: the same text
 * reads back as the same value whichever kind and version wrote it. Identity columns keep the
 * backup's values (OVERRIDING SYSTEM VALUE); sequences are set afterwards.
 */
export async function insertRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly ColumnInfo[],
  rows: ReadonlyArray<ReadonlyArray<string | null>>,
): Promise<void> {
  const names = columns.map((c) => quoteIdent(c.name)).join(', ')
  const params = columns.map((_, i) => `$${i + 1}::text[]`).join(', ')
  const aliases = columns.map((_, i) => `c${i}`)
  const casts = columns.map((c, i) => `${aliases[i]}::${c.type}`).join(', ')
  const values = columns.map((_, i) => rows.map((r) => r[i] ?? null))
  await client.query(
    `INSERT INTO ${quoteTable(table)} (${names}) OVERRIDING SYSTEM VALUE SELECT ${casts} FROM unnest(${params}) AS u(${aliases.join(', ')})`,
    values,
  )
}

export async function truncateAll(client: pg.ClientBase, tables: readonly string[]): Promise<void> {
  if (tables.length > 0) await client.query(`TRUNCATE ${tables.map(quoteTable).join(', ')} RESTART IDENTITY CASCADE`)
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

/** "schema.table" → "schema"."table" (names come from the catalogue or a checked backup). */
export function quoteTable(qualified: string): string {
  const dot = qualified.indexOf('.')
  return `${quoteIdent(qualified.slice(0, dot))}.${quoteIdent(qualified.slice(dot + 1))}`
}
