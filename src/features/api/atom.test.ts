import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { assertAtomMusts, parseAtom, textOf } from '../../../test/atom.ts'
import { emptySearch } from '../search/query-string.ts'
import type { SearchHit } from '../search/search-types.ts'
import { feedFromSearch, renderAtom, xmlText } from './atom.ts'

const hit = (over: Partial<SearchHit> = {}): SearchHit => ({
  id: 1,
  slug: 'allotments',
  title: 'Allotments',
  summary: 'Plots for all.',
  kind: 'case-study',
  yearStart: 2021,
  yearEnd: null,
  publishedAt: new Date('2024-02-03T10:00:00Z'),
  headline: null,
  lead: { slug: 'north', name: 'North Council' },
  participants: [],
  principles: [{ slug: 'sharing', shortName: 'Sharing power' }],
  themes: [],
  ...over,
})

describe('xmlText', () => {
  it('escapes markup characters', () => {
    assert.equal(xmlText(`<a href="x">Tom & 'Jerry'</a>`), '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;')
  })

  it('strips characters XML 1.0 cannot hold, and keeps the rest', () => {
    assert.equal(xmlText('a\u0000b\u0001c\u0008d\u000be\u000cf\u001fg\ufffe\uffffh'), 'abcdefgh')
    assert.equal(xmlText('lone \ud800 surrogate'), 'lone  surrogate')
    assert.equal(xmlText('tab\tnew\nline\r😀 ü €'), 'tab\tnew\nline\r😀 ü €')
  })
})

describe('feedFromSearch and renderAtom', () => {
  const base = 'https://coophub.example.org'

  it('make a feed that meets RFC 4287, entries linking to the pages, principles as categories', () => {
    const search = {
      params: { ...emptySearch, principles: ['sharing'], sort: 'title' as const, page: 3 },
      textUsed: false,
      chosen: [{ list: 'principles' as const, value: 'sharing', label: 'Sharing power' }],
      entries: [hit(), hit({ id: 2, slug: 'energy', title: 'Energy', publishedAt: new Date('2024-05-01T00:00:00Z'), lead: null })],
    }
    const feed = parseAtom(renderAtom(feedFromSearch(search, base, 'Test Network')))
    assertAtomMusts(feed)
    assert.equal(feed.id[0], `${base}/case-studies.atom?principle=sharing`)
    assert.equal(textOf(feed.title[0]), 'Case studies: Principle: Sharing power – Test Network')
    assert.equal(feed.updated[0], '2024-05-01T00:00:00.000Z')
    assert.deepEqual(
      feed.link?.map((l) => [l['@_rel'], l['@_href']]),
      [
        ['self', `${base}/case-studies.atom?principle=sharing`],
        ['alternate', `${base}/case-studies?principle=sharing`],
      ],
    )
    const [first] = feed.entry!
    assert.equal(first!.id[0], `${base}/case-studies/allotments`)
    assert.equal(first!.link?.[0]?.['@_href'], `${base}/case-studies/allotments`)
    assert.equal(first!.updated[0], '2024-02-03T10:00:00.000Z')
    assert.deepEqual(first!.category, [{ '@_term': 'sharing', '@_scheme': `${base}/principles/`, '@_label': 'Sharing power' }])
    assert.equal(first!.author?.[0]?.name[0], 'North Council')
  })

  it('stays well-formed whatever the text holds', () => {
    const nasty = 'Fish & chips <script>alert("x")</script> \u0000\u0007 ]]> \ud83d'
    const search = {
      params: { ...emptySearch, q: nasty },
      textUsed: true,
      chosen: [],
      entries: [hit({ title: nasty, summary: nasty, principles: [{ slug: 'p', shortName: nasty }] })],
    }
    const feed = parseAtom(renderAtom(feedFromSearch(search, base, 'A & B <Network>')))
    assertAtomMusts(feed)
    assert.equal(textOf(feed.entry![0]!.title[0]), 'Fish & chips <script>alert("x")</script>  ]]> ')
  })

  it('is a valid feed with no entries', () => {
    const now = new Date('2025-01-01T00:00:00Z')
    const feed = parseAtom(renderAtom(feedFromSearch({ params: emptySearch, textUsed: false, chosen: [], entries: [] }, base, 'N', undefined, now)))
    assertAtomMusts(feed)
    assert.equal(feed.entry, undefined)
    assert.equal(feed.updated[0], now.toISOString())
  })
})
