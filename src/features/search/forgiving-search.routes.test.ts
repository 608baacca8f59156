import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { buildCaseStudy, buildOrganisation } from '../../../test/factories.ts'
import { loadDemoContent } from '../demo/load-demo-content.ts'
import { widenCompounds } from './compound-words.ts'
import { readPlainQuery } from './plain-query.ts'
import { allHits } from './run-search.ts'
import { readTsquery } from './search-query.ts'
import { LiveSearchEngine } from './live-search-engine.ts'
import { parseTsquery, tsqueryText } from './tsquery-text.ts'

// Searches as people type them, on the demo content: several words no case study has together,
// a word joined up or hyphenated differently, a misspelling.
const slugsIn = (html: string) => [...html.matchAll(/<a class="govuk-link" href="\/case-studies\/([a-z0-9-]+)">/g)].map((m) => m[1]!)

describeEachDatabase('forgiving search on the demo content', (get) => {
  const memo = <T>(_key: string, load: () => Promise<T>) => load()
  const page = async (query: string) => {
    const res = await get().app.inject(`/case-studies?${query}`)
    assert.equal(res.statusCode, 200)
    return res.body
  }
  const every = async (q: string) => {
    const ids: number[] = []
    for await (const batch of allHits({ db: get().handle.db, memo }, { q })) ids.push(...batch.map((h) => h.id))
    return ids.sort((a, b) => a - b)
  }

  before(async () => {
    await loadDemoContent(get().handle.db)
  })

  it('shows case studies with some of the words when none has all of them, under a clear message', async () => {
    const html = await page('q=co-production+housing')
    assert.match(html, /No case studies contain all of “co-production housing”\. Showing results with some of the words\./)
    const slugs = slugsIn(html)
    assert.ok(slugs.length >= 8, `${slugs.length} results`)
    const withEither = new Set([...(await every('co-production')), ...(await every('housing'))])
    assert.equal(withEither.size, Number(/(\d+) case studies found for “co-production housing”/.exec(html)?.[1]))
  })

  it('ranks those with most of the words first, and says how many have them all', async () => {
    const { db } = get().handle
    const lead = await buildOrganisation(db)
    await buildCaseStudy(db, { slug: 'co-produced-housing-repairs', title: 'Co-production of housing repairs', leadId: lead.id })
    const html = await waitFor(
      () => page('q=co-production+housing'),
      (body) => body.includes('co-produced-housing-repairs'),
    )
    assert.equal(slugsIn(html)[0], 'co-produced-housing-repairs')
    assert.match(html, /Only 1 case study contains all of “co-production housing”: it comes first, then results with some of the words\./)
  })

  it('keeps quoted phrases and words left out strict', async () => {
    const quoted = await page(`q=${encodeURIComponent('"co-production housing"')}`)
    assert.doesNotMatch(quoted, /some of the words/)
    assert.match(quoted, /No case studies match/)
    const without = await page(`q=${encodeURIComponent('co-production -housing')}`)
    assert.doesNotMatch(without, /some of the words/)
    const housing = new Set(await every('housing'))
    assert.ok((await every('co-production -housing')).every((id) => !housing.has(id)))
  })

  it('finds the hyphenated, joined and spaced forms of a word with each other', async () => {
    const hyphenated = await every('co-production')
    assert.ok(hyphenated.length >= 5)
    assert.deepEqual(await every('coproduction'), hyphenated)
    const spaced = await every('co production')
    assert.ok(hyphenated.every((id) => spaced.includes(id)))
    const cooperative = await every('cooperative')
    assert.ok(cooperative.length >= 4)
    assert.deepEqual(cooperative, await every('co-operative'))
    const html = await page('q=coproduction')
    assert.doesNotMatch(html, /No case studies match/)
  })

  it('finds the same case studies in memory as PostgreSQL does with the widened query', async () => {
    const { db } = get().handle
    const engine = (await LiveSearchEngine.start(db)).current()
    for (const q of ['coproduction', 'co-production', 'co production', 'cooperative', 'co-operative housing', 'coproduction -housing']) {
      const tree = readPlainQuery(q) ?? parseTsquery(await readTsquery(db, q))
      const wide = widenCompounds(tree!, q, (lexeme) => engine.index.has(lexeme))
      const rows = await db.execute<{ id: number }>(
        sql`SELECT id FROM case_studies WHERE status = 'published' AND search_vector @@ ${tsqueryText(wide)}::tsquery ORDER BY id`,
      )
      assert.deepEqual(
        rows.rows.map((r) => r.id),
        await every(q),
        q,
      )
    }
  })

  it('shows a closer spelling’s results at once when the words find nothing, with a link to search the words as typed', async () => {
    const html = await page('q=coproductoin')
    assert.match(html, /Showing results for <strong>co-production<\/strong>\./)
    assert.match(
      html,
      /Search instead for <a class="govuk-link" href="\/case-studies\?q=coproductoin&amp;spelling=as-typed" data-qa="search-as-typed">coproductoin<\/a>/,
    )
    assert.ok(slugsIn(html).length > 0)
    const asTyped = await page('q=coproductoin&spelling=as-typed')
    assert.match(asTyped, /No case studies match “coproductoin”/)
    assert.match(asTyped, /Did you mean <a class="govuk-link" href="\/case-studies\?q=co-production"/)
  })

  it('highlights what matched, a hyphenated word as one', async () => {
    const html = await page('q=co-production')
    assert.doesNotMatch(html, /<mark>Co<\/mark>-operative|<mark>co<\/mark>-op/i)
    const spaced = await page('q=cooperative')
    assert.match(spaced, /<mark>co-operative<\/mark>/i)
  })
})

/** Pages until one satisfies the check (the engine follows a change within a second). */
async function waitFor(load: () => Promise<string>, ok: (body: string) => boolean): Promise<string> {
  for (let i = 0; ; i++) {
    const body = await load()
    if (ok(body) || i === 40) return body
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
