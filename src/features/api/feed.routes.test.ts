import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import { assertAtomMusts, parseAtom, textOf } from '../../../test/atom.ts'
import { buildCaseStudy, buildOrganisation, buildPrinciple } from '../../../test/factories.ts'
import { loadDemoContent } from '../demo/load-demo-content.ts'
import type { ApiCaseStudyList } from './present.ts'

describeEachDatabase('the Atom feed', (get) => {
  const feedOf = async (query: string) => {
    const res = await get().app.inject(`/case-studies.atom${query ? `?${query}` : ''}`)
    assert.equal(res.statusCode, 200, query)
    assert.equal(res.headers['content-type'], 'application/atom+xml; charset=utf-8')
    const feed = parseAtom(res.body)
    assertAtomMusts(feed)
    return feed
  }
  /** The API's results for a search, newest published first: what its feed should hold. */
  const newestOf = async (query: string, n = 20) => {
    const all = (await get().app.inject(`/api/v1/case-studies?${query}&per_page=100`)).json() as ApiCaseStudyList
    return all.results
      .slice()
      .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
      .slice(0, n)
  }

  before(async () => {
    const { db } = get().handle
    await loadDemoContent(db)
    const principle = await buildPrinciple(db, { slug: 'feed-principle', shortName: 'Feeding <everyone> & more' })
    const lead = await buildOrganisation(db, { slug: 'feed-council', name: 'Feed Council' })
    for (let i = 0; i < 25; i++) {
      await buildCaseStudy(db, {
        slug: `feed-${i}`,
        title: i === 0 ? 'Control \u0001characters\u001f & <markup> in a title' : `Feed case ${i}`,
        summary: i === 0 ? 'Bell \u0007 and escape \u001b ]]> <![CDATA[ x' : `Summary ${i}`,
        principleIds: [principle.id],
        leadId: lead.id,
        // Publication order differs from year order: the feed follows publication.
        yearStart: 2000 + ((i * 7) % 25),
        publishedAt: new Date(Date.UTC(2025, 0, 1 + i)),
      })
    }
  })

  it('meets RFC 4287, links to the search on the site and names the network as author', async () => {
    const feed = await feedOf('')
    assert.equal(textOf(feed.title[0]), 'Case studies – Test Councils Network')
    assert.equal(feed.author?.[0]?.name[0], 'Test Councils Network')
    const links = Object.fromEntries((feed.link ?? []).map((l) => [l['@_rel'], l]))
    assert.match(links.self!['@_href'], /\/case-studies\.atom$/)
    assert.equal(links.self!['@_type'], 'application/atom+xml')
    assert.match(links.alternate!['@_href'], /\/case-studies$/)
    assert.equal(links.alternate!['@_type'], 'text/html')
  })

  it('holds the 20 most recently published case studies, newest first, whatever sort is asked', async () => {
    const expected = await newestOf('')
    for (const query of ['', 'sort=title', 'sort=oldest&page=3']) {
      const feed = await feedOf(query)
      assert.equal(feed.entry?.length, 20)
      assert.deepEqual(
        feed.entry!.map((e) => e.id[0]),
        expected.map((r) => r.url),
        query,
      )
      assert.deepEqual(
        feed.entry!.map((e) => e.updated[0]),
        expected.map((r) => r.publishedAt),
        query,
      )
    }
    assert.equal((await feedOf('')).updated[0], expected[0]!.publishedAt)
  })

  it('filters by the filters in its address, exactly as the search does', async () => {
    for (const query of [
      'principle=co-production',
      'nation=scotland&nation=wales',
      'q=council',
      'q=energy&kind=project',
      'member=northbrook-city-council',
      'principle=feed-principle&year=2003',
      'q=zzzzqqqq',
      'principle=no-such-thing',
    ]) {
      const feed = await feedOf(query)
      const expected = await newestOf(query)
      assert.deepEqual(
        (feed.entry ?? []).map((e) => e.id[0]),
        expected.map((r) => r.url),
        query,
      )
    }
    const feed = await feedOf('principle=co-production')
    assert.match(textOf(feed.title[0]), /Principle: Co-production/)
    for (const entry of feed.entry ?? [])
      assert.ok(
        entry.category?.some((c) => c['@_term'] === 'co-production'),
        entry.id[0],
      )
    const self = feed.link!.find((l) => l['@_rel'] === 'self')!['@_href']
    assert.match(self, /\/case-studies\.atom\?principle=co-production$/)
  })

  it('gives each entry its page, summary, lead member and principles as categories', async () => {
    const feed = await feedOf('principle=feed-principle&year=2000')
    const [entry] = feed.entry!
    assert.match(entry!.id[0]!, /\/case-studies\/feed-0$/)
    assert.equal(entry!.link?.[0]?.['@_href'], entry!.id[0])
    assert.equal(entry!.author?.[0]?.name[0], 'Feed Council')
    assert.deepEqual(
      entry!.category?.map((c) => [c['@_term'], c['@_label']]),
      [['feed-principle', 'Feeding <everyone> & more']],
    )
  })

  it('leaves out characters XML cannot hold, and escapes the rest', async () => {
    const res = await get().app.inject('/case-studies.atom?principle=feed-principle&year=2000')
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(res.body, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/)
    const [entry] = parseAtom(res.body).entry!
    assert.equal(textOf(entry!.title[0]), 'Control characters & <markup> in a title')
    assert.equal(textOf(entry!.summary?.[0]), 'Bell  and escape  ]]> <![CDATA[ x')
  })
})
