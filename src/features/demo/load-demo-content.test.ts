import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { createTestDatabase, testDatabaseKinds } from '../../../test/databases.ts'
import type { DatabaseHandle } from '../../db/client.ts'
import { demoCaseStudies } from './content/case-studies.ts'
import { isDatabaseEmpty, loadDemoContent } from './load-demo-content.ts'

const count = async (handle: DatabaseHandle, table: string) =>
  (await handle.db.execute<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))).rows[0]!.n

for (const kind of testDatabaseKinds()) {
  describe(`demo content [${kind}]`, () => {
    let handle: DatabaseHandle
    before(async () => {
      handle = await createTestDatabase(kind)
    })
    after(async () => handle?.close())

    it('loads into an empty database, and loading again changes nothing', async () => {
      assert.equal(await isDatabaseEmpty(handle.db), true)
      const counts = await loadDemoContent(handle.db)
      assert.equal(await isDatabaseEmpty(handle.db), false)
      assert.equal(counts.caseStudies, demoCaseStudies.length)
      const tables = [
        'principles',
        'organisations',
        'people',
        'case_studies',
        'case_study_principles',
        'case_study_organisations',
        'themes',
        'case_study_themes',
        'spaces',
        'calls',
        'call_principles',
      ]
      const first = await Promise.all(tables.map((t) => count(handle, t)))
      await loadDemoContent(handle.db)
      const second = await Promise.all(tables.map((t) => count(handle, t)))
      assert.deepEqual(second, first)
      assert.equal(first[0], 10)
      // This year's open round: Policy Labs and Policy Prototypes, each with four principles.
      assert.deepEqual(first.slice(-3), [1, 2, 8])
    })

    it('keeps drafts out of public view and makes linked names searchable', async () => {
      const drafts = demoCaseStudies.filter((c) => c.status === 'draft').length
      const published = (await handle.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM case_studies WHERE status = 'published'`)).rows[0]!.n
      assert.equal(published, demoCaseStudies.length - drafts)
      const rows = await handle.db.execute<{ search_extra: string }>(sql`SELECT search_extra FROM case_studies`)
      for (const row of rows.rows) assert.ok(row.search_extra.length > 0)
    })

    it('has a Welsh case study as the version of an English one, and Welsh wordings for some principles', async () => {
      const rows = await handle.db.execute<{ slug: string; language: string; translation_group: number | null; id: number }>(
        sql`SELECT id, slug, language, translation_group FROM case_studies WHERE translation_group IS NOT NULL ORDER BY language DESC`,
      )
      assert.deepEqual(
        rows.rows.map((r) => [r.slug, r.language]),
        [
          ['solar-on-public-roofs-through-a-community-energy-co-operative', 'en'],
          ['paneli-solar-ar-doeon-cyhoeddus-drwy-gwmni-ynni-cymunedol-cydweithredol', 'cy'],
        ],
      )
      assert.equal(rows.rows[0]!.translation_group, rows.rows[1]!.translation_group)
      const welsh = await handle.db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM principles WHERE short_name_cy IS NOT NULL AND statement_cy IS NOT NULL`,
      )
      assert.equal(welsh.rows[0]!.n, 3)
      const found = await handle.db.execute<{ slug: string }>(
        sql`SELECT slug FROM case_studies WHERE language = 'cy' AND search_vector @@ websearch_to_tsquery('simple', 'cydweithredol')`,
      )
      assert.equal(found.rows.length, 1)
    })

    it('every principle is met by at least one published case study', async () => {
      const rows = await handle.db.execute<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM principles p WHERE NOT EXISTS (
          SELECT 1 FROM case_study_principles csp JOIN case_studies cs ON cs.id = csp.case_study_id
          WHERE csp.principle_id = p.id AND cs.status = 'published')`)
      assert.equal(rows.rows[0]!.n, 0)
    })
  })
}
