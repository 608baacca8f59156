// What the database holds after many saves through the edit form, checked against what the server
// acknowledged: every acknowledged save stored whole, nothing half-written, nothing refused stored.
// Shared by the crash test (src/crash.test.ts) and the write benchmark (bench/writes.ts).
import pg from 'pg'
import { runningServerOf } from '../src/db/embedded.ts'
import type { DraftContent } from './form-client.ts'

/** A save the server answered with success: it must be stored as this revision, word for word. */
export interface AcknowledgedSave {
  slug: string
  revision: number
  content: DraftContent
}

/**
 * A connection to what a running server uses: PostgreSQL at `url`, or the embedded database of
 * `dataDir` through the socket the server publishes there (as the command line reaches it).
 */
export async function connectBeside(target: { url: string } | { dataDir: string }): Promise<pg.Client> {
  let client: pg.Client
  if ('url' in target) {
    client = new pg.Client({ connectionString: target.url })
  } else {
    const server = runningServerOf(target.dataDir)
    if (!server) throw new Error(`no coophub server is serving ${target.dataDir}`)
    client = new pg.Client({ host: server.socketDir, port: 5432, user: 'postgres', database: 'postgres' })
  }
  await client.connect()
  return client
}

interface Snapshot {
  title: string
  summary: string
  body: string
  themes: string[]
}

const sameThemes = (a: string[], b: string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort())

/**
 * Every problem found, as sentences ([] when all holds):
 * - each acknowledged save is its revision, with exactly the title, summary, body and themes sent;
 * - each case study's revisions run 1…its row's revision with no gap and none beyond, the row (a
 *   draft shows its latest revision) and its theme rows agree with its latest revision, and every
 *   saved revision has its audit event (one transaction wrote all of them, or none);
 * - no revision holds content whose save was refused (a conflict, an error).
 */
export async function problemsInStoredDrafts(
  client: pg.Client,
  input: { slugs: string[]; acknowledged: AcknowledgedSave[]; refused?: DraftContent[] },
): Promise<string[]> {
  const problems: string[] = []
  const rows = await client.query<{ id: number; slug: string; revision: number; title: string; summary: string; body: string; status: string }>(
    'SELECT id, slug, revision, title, summary, body, status FROM case_studies WHERE slug = ANY($1)',
    [input.slugs],
  )
  const bySlug = new Map(rows.rows.map((r) => [r.slug, r]))
  for (const slug of input.slugs) if (!bySlug.has(slug)) problems.push(`${slug}: the case study is gone`)
  const ids = rows.rows.map((r) => r.id)
  const revisions = await client.query<{ case_study_id: number; number: number; action: string; snapshot: Snapshot }>(
    'SELECT case_study_id, number, action, snapshot FROM case_study_revisions WHERE case_study_id = ANY($1) ORDER BY case_study_id, number',
    [ids],
  )
  const themeRows = await client.query<{ case_study_id: number; name: string }>(
    'SELECT ct.case_study_id, t.name FROM case_study_themes ct JOIN themes t ON t.id = ct.theme_id WHERE ct.case_study_id = ANY($1)',
    [ids],
  )
  const audits = await client.query<{ subject_id: string; saved: number }>(
    `SELECT subject_id, count(*)::int AS saved FROM audit_events
      WHERE subject_type = 'case-study' AND action = 'case-study-saved' AND subject_id = ANY($1) GROUP BY subject_id`,
    [ids.map(String)],
  )
  const revisionsOf = new Map<number, Array<{ number: number; action: string; snapshot: Snapshot }>>()
  for (const r of revisions.rows) revisionsOf.set(r.case_study_id, [...(revisionsOf.get(r.case_study_id) ?? []), r])

  for (const save of input.acknowledged) {
    const row = bySlug.get(save.slug)
    const stored = row && revisionsOf.get(row.id)?.find((r) => r.number === save.revision)
    if (!stored) {
      problems.push(`${save.slug}: the acknowledged save “${save.content.title}” is missing (no revision ${save.revision})`)
      continue
    }
    const s = stored.snapshot
    if (s.title !== save.content.title || s.summary !== save.content.summary || s.body !== save.content.body || !sameThemes(s.themes, save.content.themes)) {
      problems.push(`${save.slug}: revision ${save.revision} is not what was acknowledged (“${s.title}” where “${save.content.title}” was sent)`)
    }
  }

  for (const row of rows.rows) {
    const own = revisionsOf.get(row.id) ?? []
    const numbers = own.map((r) => r.number)
    const expected = Array.from({ length: row.revision }, (_, i) => i + 1)
    if (JSON.stringify(numbers) !== JSON.stringify(expected)) {
      problems.push(`${row.slug}: revisions ${numbers.join(',')} where the row says ${row.revision}`)
    }
    const latest = own.find((r) => r.number === row.revision)?.snapshot
    if (latest && row.status !== 'published') {
      if (row.title !== latest.title || row.summary !== latest.summary || row.body !== latest.body) {
        problems.push(`${row.slug}: the row shows “${row.title}”, its latest revision “${latest.title}”`)
      }
      const names = themeRows.rows.filter((t) => t.case_study_id === row.id).map((t) => t.name)
      if (!sameThemes(names, latest.themes))
        problems.push(`${row.slug}: themes ${names.join(', ')} where revision ${row.revision} has ${latest.themes.join(', ')}`)
    }
    const saved = own.filter((r) => r.action === 'saved').length
    const audited = audits.rows.find((a) => a.subject_id === String(row.id))?.saved ?? 0
    if (saved !== audited) problems.push(`${row.slug}: ${saved} saved revisions but ${audited} audit events`)
  }

  const storedBodies = new Set(revisions.rows.map((r) => r.snapshot.body))
  for (const content of input.refused ?? []) {
    if (storedBodies.has(content.body)) problems.push(`a refused save is stored: “${content.title}”`)
  }
  return problems
}
