import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { buildCaseStudy, buildOrganisation } from '../../../test/factories.ts'
import { allHits } from './run-search.ts'

// The in-memory text index against PostgreSQL's own `search_vector @@ websearch_to_tsquery(...)`
// over the same generated case studies: every query must find exactly the same ones.
function random(seed: number): () => number {
  let s = seed
  return () => (s = (s * 16_807) % 2_147_483_647) / 2_147_483_647
}

const vocabulary = [
  'orchard',
  'libraries',
  'library',
  'bicycle',
  'harbour',
  'co-operative',
  "O'Brien",
  'café',
  'housing',
  'energy',
  'community',
  'the',
  'food',
  'growing',
  'repair',
  'e-bike',
]

const queries = [
  'orchard',
  'library',
  'libraries housing',
  'orchard or bicycle',
  'energy -community',
  '-community',
  'co-operative',
  "O'Brien",
  'cafe',
  'café',
  '"community energy"',
  '"the community"',
  'harbour -"food growing"',
  'e-bike or repair',
  'nothing-like-this',
  'housing or -food',
]

describeEachDatabase('text index against PostgreSQL', (get) => {
  const memo = <T>(_key: string, load: () => Promise<T>) => load()

  before(async () => {
    const { db } = get().handle
    const next = random(7)
    const words = (n: number) => Array.from({ length: n }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(' ')
    const lead = await buildOrganisation(db)
    for (let i = 0; i < 40; i++) {
      await buildCaseStudy(db, {
        title: `Made ${i} ${words(2)}`,
        summary: `${words(4)}.`,
        body: `## About\n\n${words(30)}`,
        outcomes: words(3),
        status: next() < 0.15 ? 'draft' : 'published',
        leadId: lead.id,
      })
    }
  })

  for (const q of queries) {
    it(`finds the same case studies as PostgreSQL for ${q}`, async () => {
      const { db } = get().handle
      const found: number[] = []
      for await (const batch of allHits({ db, memo }, { q })) found.push(...batch.map((h) => h.id))
      const expected = await db.execute<{ id: number }>(sql`
        SELECT id FROM case_studies WHERE status = 'published' AND to_tsvector('english', title || ' ' || summary || ' ' || body || ' ' || outcomes) @@ websearch_to_tsquery('english', ${q})`)
      assert.deepEqual(
        [...found].sort((a, b) => a - b),
        expected.rows.map((r) => r.id).sort((a, b) => a - b),
      )
      assert.equal(new Set(found).size, found.length, 'no case study twice')
    })
  }

  // Phrases are checked on positions in memory: every one against PostgreSQL's own vector and phrase operator.
  it('finds the same case studies as PostgreSQL for 80 generated phrases', async () => {
    const { db } = get().handle
    const next = random(11)
    const pick = () => vocabulary[Math.floor(next() * vocabulary.length)]!
    const phrases = Array.from({ length: 80 }, (_, n) => {
      const words = Array.from({ length: 2 + (n % 3) }, pick).join(' ')
      return n % 10 === 9 ? `${pick()} -"${words}"` : n % 10 === 8 ? `"made ${n % 40} ${words}"` : `"${words}"`
    })
    let matched = 0
    let narrower = 0
    for (const q of phrases) {
      const found: number[] = []
      for await (const batch of allHits({ db, memo }, { q })) found.push(...batch.map((h) => h.id))
      const expected = await db.execute<{ id: number }>(sql`
        SELECT id FROM case_studies WHERE status = 'published' AND search_vector @@ websearch_to_tsquery('english', ${q})`)
      assert.deepEqual(
        [...found].sort((a, b) => a - b),
        expected.rows.map((r) => r.id).sort((a, b) => a - b),
        q,
      )
      const anywhere = await db.execute<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM case_studies WHERE status = 'published' AND search_vector @@ websearch_to_tsquery('english', ${q.replaceAll('"', '')})`)
      if (found.length > 0) matched++
      if (!q.includes('-') && found.length < anywhere.rows[0]!.n) narrower++
    }
    // The phrases must test something: some match, and some match fewer than their words anywhere.
    assert.ok(matched >= 20, `${matched} phrases matched`)
    assert.ok(narrower >= 20, `${narrower} phrases were narrower than their words`)
  })

  it('ranks a title match above a summary match above a body-only match', async () => {
    const { db } = get().handle
    const body = await buildCaseStudy(db, { title: 'Plain one', summary: 'Nothing here.', body: 'A zeppelin story.' })
    const summary = await buildCaseStudy(db, { title: 'Plain two', summary: 'A zeppelin.', body: 'Words.' })
    const title = await buildCaseStudy(db, { title: 'The zeppelin', summary: 'Nothing.', body: 'Words.' })
    const found: number[] = []
    for await (const batch of allHits({ db, memo }, { q: 'zeppelin' })) found.push(...batch.map((h) => h.id))
    assert.deepEqual(found, [title.id, summary.id, body.id])
  })
})
