import assert from 'node:assert/strict'
import { it } from 'node:test'
import { sql } from 'drizzle-orm'
import { describeEachDatabase } from '../../../../test/app.ts'
import type { Database } from '../../../db/client.ts'
import { commandLineActor } from '../../audit/record-audit.ts'
import { memoryOutput } from '../../import/cli/progress.ts'
import { findRevision, snapshotFromRow } from '../../case-studies/revisions.ts'
import { diffSnapshots } from '../../case-studies/snapshot.ts'
import { searchExtraOf } from '../../import/commands/insert-drafts.ts'
import { runSynthetic } from './synthetic-command.ts'

const one = async (db: Database, query: ReturnType<typeof sql>) => (await db.execute<{ n: number }>(query)).rows[0]!.n

async function counts(db: Database) {
  const tables = [
    'principles',
    'organisations',
    'themes',
    'case_studies',
    'case_study_principles',
    'case_study_organisations',
    'case_study_themes',
    'case_study_revisions',
  ]
  const out: Record<string, number> = {}
  for (const t of tables) out[t] = await one(db, sql.raw(`SELECT count(*)::int AS n FROM ${t}`))
  return out
}

describeEachDatabase('coophub demo --synthetic', (get) => {
  const count = 300
  const seed = 7

  it('loads the demo first into an empty database, then the synthetic case studies with their links', async () => {
    const { db } = get().handle
    const output = memoryOutput()
    const result = await runSynthetic(db, commandLineActor, { count, seed, batchSize: 120, tty: false }, output)
    assert.equal(result.demoLoaded, true)
    assert.deepEqual(result.caseStudies, { added: count, existing: 0 })
    assert.match(output.lines.join('\n'), /300\/300 case studies \(100%\)/)
    assert.match(output.lines.join('\n'), /seed 7: 300 case studies added; 360 organisations added/)

    assert.equal(await one(db, sql`SELECT count(*)::int AS n FROM case_studies WHERE slug LIKE 's7-%'`), count)
    assert.equal(await one(db, sql`SELECT count(*)::int AS n FROM organisations WHERE slug LIKE 's7-%'`), 360)
    // Exactly one lead each, 1–6 principles, 1–3 themes, revision 1 and nothing else.
    const shapes = await db.execute<{ leads: number; principles: number; themes: number; revisions: number }>(sql`
      SELECT (SELECT count(*)::int FROM case_study_organisations l WHERE l.case_study_id = cs.id AND l.role = 'lead') AS leads,
        (SELECT count(*)::int FROM case_study_principles p WHERE p.case_study_id = cs.id) AS principles,
        (SELECT count(*)::int FROM case_study_themes t WHERE t.case_study_id = cs.id) AS themes,
        (SELECT count(*)::int FROM case_study_revisions r WHERE r.case_study_id = cs.id AND r.number = 1) AS revisions
      FROM case_studies cs WHERE slug LIKE 's7-%'`)
    for (const s of shapes.rows) {
      assert.equal(s.leads, 1)
      assert.ok(s.principles >= 1 && s.principles <= 6)
      assert.ok(s.themes >= 1 && s.themes <= 3)
      assert.equal(s.revisions, 1)
    }
    // Published as the review workflow leaves them: the public version is revision 1, searchable.
    const inconsistent = await one(
      db,
      sql`SELECT count(*)::int AS n FROM case_studies WHERE slug LIKE 's7-%' AND NOT (revision = 1 AND review_state = 'none' AND (
      (status = 'published' AND published_revision = 1 AND published_at IS NOT NULL AND search_vector IS NOT NULL) OR
      (status = 'draft' AND published_revision IS NULL AND published_at IS NULL AND search_vector IS NULL)))`,
    )
    assert.equal(inconsistent, 0)
  })

  it('stores revisions and search names exactly as the app would read them back', async () => {
    const { db } = get().handle
    const rows = await db.execute<{ id: number; search_extra: string }>(
      sql`SELECT id, search_extra FROM case_studies WHERE slug LIKE 's7-%' ORDER BY id LIMIT 25`,
    )
    for (const row of rows.rows) {
      const fromRow = (await snapshotFromRow(db, row.id))!
      const revision = (await findRevision(db, row.id, 1))!
      assert.deepEqual(diffSnapshots(revision.snapshot, fromRow), [])
      assert.equal(row.search_extra, searchExtraOf(fromRow))
    }
  })

  it('adds nothing when run again with the same count and seed, and another set for another seed', async () => {
    const { db } = get().handle
    const before = await counts(db)
    const again = await runSynthetic(db, commandLineActor, { count, seed, batchSize: 120, tty: false }, memoryOutput())
    assert.equal(again.demoLoaded, false)
    assert.deepEqual(again.caseStudies, { added: 0, existing: count })
    assert.deepEqual(again.organisations, { added: 0, existing: 360 })
    assert.deepEqual(await counts(db), before)

    const other = await runSynthetic(db, commandLineActor, { count: 10, seed: 8, tty: false }, memoryOutput())
    assert.deepEqual(other.caseStudies, { added: 10, existing: 0 })
    const after = await counts(db)
    assert.equal(after.case_studies, before.case_studies! + 10)
    assert.equal(after.organisations, before.organisations! + 360)
    assert.equal(after.themes, before.themes)
  })

  it('shows the synthetic case studies on the site', async () => {
    const { app, handle } = get()
    const list = await app.inject({ url: '/case-studies' })
    assert.equal(list.statusCode, 200)
    const [row] = (
      await handle.db.execute<{ slug: string; title: string }>(
        sql`SELECT slug, title FROM case_studies WHERE slug LIKE 's7-%' AND status = 'published' ORDER BY id LIMIT 1`,
      )
    ).rows
    const page = await app.inject({ url: `/case-studies/${row!.slug}` })
    assert.equal(page.statusCode, 200)
    assert.ok(page.body.includes(row!.title.replace(/&/g, '&amp;')), 'the page shows the title')
    assert.ok(page.body.includes('About the project'))
  })
})
