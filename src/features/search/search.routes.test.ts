import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import { eq } from 'drizzle-orm'
import { buildCaseStudy, buildOrganisation, buildPrinciple } from '../../../test/factories.ts'
import { caseStudies } from '../../db/schema/index.ts'
import { prepareSearchEngine, runSearch } from './run-search.ts'
import { LiveSearchEngine } from './live-search-engine.ts'

const titlesIn = (html: string) => [...html.matchAll(/<a class="govuk-link" href="\/case-studies\/([a-z0-9-]+)">/g)].map((m) => m[1])

describeEachDatabase('GET /case-studies', (get) => {
  before(async () => {
    const { db } = get().handle
    const sharing = await buildPrinciple(db, { slug: 'sharing', shortName: 'Sharing power' })
    const growing = await buildPrinciple(db, { slug: 'growing', shortName: 'Growing enterprise' })
    await buildPrinciple(db, { slug: 'unused', shortName: 'Unused principle' })
    const north = await buildOrganisation(db, { slug: 'north-council', name: 'North Council' })
    const south = await buildOrganisation(db, { slug: 'south-council', name: 'South Council' })
    await buildCaseStudy(db, {
      slug: 'allotments',
      title: 'Allotments for every street',
      body: 'Residents turned empty plots into allotment gardens. <script>alert(1)</script>',
      principleIds: [sharing.id],
      leadId: north.id,
      yearStart: 2021,
      publishedAt: new Date('2024-01-02'),
    })
    await buildCaseStudy(db, {
      slug: 'energy',
      title: 'A community energy co-operative',
      summary: 'Solar panels owned by the people who use them.',
      kind: 'project',
      principleIds: [growing.id, sharing.id],
      leadId: south.id,
      participantIds: [north.id],
      yearStart: 2022,
      yearEnd: 2023,
      publishedAt: new Date('2024-02-02'),
    })
    await buildCaseStudy(db, { slug: 'hidden-allotment', title: 'Secret allotment plan', status: 'draft', leadId: north.id })
    for (let i = 1; i <= 12; i++) {
      await buildCaseStudy(db, { slug: `filler-${i}`, title: `Filler number ${i}`, yearStart: 2019, publishedAt: new Date(Date.UTC(2020, 0, i)) })
    }
  })

  it('lists published case studies newest first, with the total, and never drafts', async () => {
    const res = await get().app.inject('/case-studies')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /14 case studies/)
    const slugs = titlesIn(res.body)
    assert.deepEqual(slugs.slice(0, 2), ['energy', 'allotments'])
    assert.equal(slugs.length, 10)
    assert.ok(!slugs.includes('hidden-allotment'))
  })

  it('shows lead member, year, kind and principles as tags for each result', async () => {
    const res = await get().app.inject('/case-studies?q=energy')
    assert.match(res.body, /South Council/)
    assert.match(res.body, /2022 to 2023/)
    assert.match(res.body, /Project/)
    assert.match(res.body, /<strong class="govuk-tag govuk-tag--grey">\s*Sharing power\s*<\/strong>/)
  })

  it('searches the text with highlighted, escaped snippets', async () => {
    const res = await get().app.inject('/case-studies?q=allotment')
    assert.equal(res.statusCode, 200)
    assert.deepEqual(titlesIn(res.body), ['allotments'])
    assert.match(res.body, /1 case study found for “allotment”/)
    assert.match(res.body, /<mark>allotment<\/mark>/)
    assert.doesNotMatch(res.body, /<script>alert/)
  })

  it('searches principle and member names too', async () => {
    const byPrinciple = await get().app.inject('/case-studies?q=enterprise')
    assert.deepEqual(titlesIn(byPrinciple.body), ['energy'])
    const byMember = await get().app.inject('/case-studies?q=%22south%20council%22')
    assert.deepEqual(titlesIn(byMember.body), ['energy'])
  })

  it('filters by one principle, or several (any of them)', async () => {
    assert.deepEqual(titlesIn((await get().app.inject('/case-studies?principle=growing')).body), ['energy'])
    assert.deepEqual(titlesIn((await get().app.inject('/case-studies?principle=sharing')).body), ['energy', 'allotments'])
    assert.deepEqual(titlesIn((await get().app.inject('/case-studies?principle=growing&principle=sharing')).body), ['energy', 'allotments'])
  })

  it('filters by kind, by a year inside a range, and by member as lead or participant', async () => {
    assert.deepEqual(titlesIn((await get().app.inject('/case-studies?kind=project')).body), ['energy'])
    assert.deepEqual(titlesIn((await get().app.inject('/case-studies?year=2023')).body), ['energy'])
    assert.deepEqual(titlesIn((await get().app.inject('/case-studies?year=2021')).body), ['allotments'])
    assert.deepEqual(titlesIn((await get().app.inject('/case-studies?member=north-council')).body), ['energy', 'allotments'])
  })

  it('combines filters with each other and with the text', async () => {
    assert.deepEqual(titlesIn((await get().app.inject('/case-studies?member=north-council&year=2021')).body), ['allotments'])
    assert.deepEqual(titlesIn((await get().app.inject('/case-studies?principle=sharing&kind=case-study')).body), ['allotments'])
    const none = await get().app.inject('/case-studies?q=allotment&kind=project')
    assert.deepEqual(titlesIn(none.body), [])
    assert.match(none.body, /No case studies match/)
    assert.match(none.body, /remove all the filters/)
  })

  it('pages through results with the total', async () => {
    const page2 = await get().app.inject('/case-studies?page=2')
    assert.equal(titlesIn(page2.body).length, 4)
    assert.match(page2.body, /14 case studies/)
    assert.match(page2.body, /govuk-pagination/)
    const beyond = await get().app.inject('/case-studies?page=9')
    assert.equal(beyond.statusCode, 200)
    assert.match(beyond.body, /There are only 2 pages of results/)
  })

  const badInputs: Array<[string, string, RegExp]> = [
    ['page=abc', 'page=abc', /“abc” is not a page number/],
    ['page=-1', 'page=-1', /“-1” is not a page number/],
    ['year=99999', 'year=99999', /Enter a year as four digits/],
    ['an unknown principle', 'principle=nothing-like-it', /could not find the principle “nothing-like-it”/],
    ['an unknown member', 'member=nobody', /could not find the member “nobody”/],
    ['an unknown kind', 'kind=podcast', /not a kind of case study/],
    ['a 10,000-character q', `q=${'a'.repeat(10_000)}`, /too long/],
    ['q of only stop words', 'q=the%20and%20of', /no words we can search for/],
    ['a 10,000-character phrase of hundreds of words', `q=${encodeURIComponent(`"${Array.from({ length: 2000 }, (_, i) => `w${i}`).join(' ')}"`)}`, /too long/],
    ['10,000 characters of words to leave out', `q=${encodeURIComponent(Array.from({ length: 2000 }, (_, i) => `-w${i}`).join(' '))}`, /too long/],
  ]
  for (const [name, query, message] of badInputs) {
    it(`answers ${name} with a normal page and a clear message`, async () => {
      const res = await get().app.inject(`/case-studies?${query}`)
      assert.equal(res.statusCode, 200)
      assert.match(res.body, message)
    })
  }

  const hostileQueries = [
    `"unclosed quote`,
    `"food" : "bank"`,
    `& | ! ( ) : * <-> \\`,
    `'); DROP TABLE case_studies; --`,
    `allotment:* & !energy`,
    `%00%01`,
    `%E0%A4%A`,
    `%FF%FE`,
    `<script>alert(1)</script>`,
  ]
  for (const q of hostileQueries) {
    it(`treats ${JSON.stringify(q)} as plain words`, async () => {
      const res = await get().app.inject(`/case-studies?q=${q.startsWith('%') ? q : encodeURIComponent(q)}`)
      assert.equal(res.statusCode, 200)
      assert.doesNotMatch(res.body, /<script>alert/)
    })
  }

  it('still has every table after hostile searches', async () => {
    const res = await get().app.inject('/case-studies')
    assert.match(res.body, /14 case studies/)
  })

  it('while the engine catches up with a large change in the background, marks results stale and reads the rows as they are now', async () => {
    const { db } = get().handle
    const zebra = await buildCaseStudy(db, { slug: 'zebra-crossings', title: 'Zebra crossings for schools' })
    // Every change counts as large: the changed case study's segment is read again in the background.
    const live = await LiveSearchEngine.start(db, { maxDirect: 0 })
    const memo = <T>(key: string, load: () => Promise<T>) => (key === 'search-engine' ? Promise.resolve(live as T) : load())
    await db.update(caseStudies).set({ title: 'Zebra crossings for every school' }).where(eq(caseStudies.id, zebra.id))
    await live.followChanges({ caseStudyIds: [zebra.id], subjects: new Set(), everything: false })
    // The engine as it was before the segment was read again, held as a search holds it.
    const behind = live.current()
    const pinned = <T>(key: string, load: () => Promise<T>) => (key === 'search-engine' ? Promise.resolve({ current: () => behind } as T) : load())
    const during = await runSearch({ db, memo: pinned }, { q: 'zebra' })
    assert.equal(during.stale, true)
    assert.deepEqual(
      during.hits.map((h) => h.title),
      ['Zebra crossings for every school'],
    )
    await live.idle()
    const after = await runSearch({ db, memo }, { q: 'zebra' })
    assert.deepEqual([after.stale, after.hits.map((h) => h.title)], [false, ['Zebra crossings for every school']])
    await db.update(caseStudies).set({ status: 'archived' }).where(eq(caseStudies.id, zebra.id))
    await live.followChanges({ caseStudyIds: [zebra.id], subjects: new Set(), everything: false })
    // Taken out at once, before its segment is read again.
    assert.equal((await runSearch({ db, memo }, { q: 'zebra' })).total, 0)
    await live.idle()
  })

  it('builds the search engine ahead of the first search when the server starts, and searches with that one', async () => {
    const { db } = get().handle
    const values = new Map<string, Promise<unknown>>()
    let loads = 0
    const memo = <T>(key: string, load: () => Promise<T>) => {
      if (!values.has(key)) {
        loads++
        values.set(key, load())
      }
      return values.get(key) as Promise<T>
    }
    await prepareSearchEngine({ db, memo })
    assert.equal(loads, 1)
    const outcome = await runSearch({ db, memo }, {})
    assert.ok(outcome.total > 0)
    assert.equal(loads, 2, 'the facet names are read; the engine is not built again')
  })
})
