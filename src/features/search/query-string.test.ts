import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  cleanQuery,
  effectiveSort,
  emptySearch,
  maxQueryLength,
  maxValuesPerFacet,
  parseSearchParams,
  searchMessageInEnglish,
  searchHref,
  withoutValue,
  withValue,
} from './query-string.ts'

const now = new Date('2026-06-01T00:00:00Z')

describe('parseSearchParams', () => {
  it('reads every filter', () => {
    const { params, messages } = parseSearchParams(
      {
        q: '  food   bank ',
        principle: ['co-production', 'learning'],
        kind: 'project',
        year: ['2022', '2021'],
        member: 'northbrook',
        tier: 'full',
        'council-type': 'london-borough',
        nation: 'wales',
        region: 'north-west',
        theme: 'housing',
        sort: 'title',
        page: '3',
      },
      now,
    )
    assert.deepEqual(params, {
      q: 'food bank',
      principles: ['co-production', 'learning'],
      kinds: ['project'],
      years: [2022, 2021],
      members: ['northbrook'],
      tiers: ['full'],
      councilTypes: ['london-borough'],
      nations: ['wales'],
      regions: ['north-west'],
      themes: ['housing'],
      sort: 'title',
      page: 3,
      asTyped: false,
    })
    assert.deepEqual(messages, [])
  })

  it('gives defaults for an empty query string', () => {
    assert.deepEqual(parseSearchParams({}, now), { params: emptySearch, messages: [] })
  })

  const bad: Array<[string, Record<string, unknown>, RegExp]> = [
    ['page=abc', { page: 'abc' }, /“abc” is not a page number/],
    ['page=-1', { page: '-1' }, /“-1” is not a page number/],
    ['page=0', { page: '0' }, /“0” is not a page number/],
    ['page=1e3', { page: '1e3' }, /not a page number/],
    ['page too large', { page: '99999999' }, /not a page number/],
    ['year=99999', { year: '99999' }, /Enter a year as four digits between 1900 and 2031/],
    ['year=1066', { year: '1066' }, /between 1900 and 2031/],
    ['year=twenty', { year: 'twenty' }, /We ignored “twenty”/],
    ['unknown kind', { kind: 'podcast' }, /“podcast” is not a kind of case study/],
    ['badly shaped principle', { principle: "x' OR 1=1 --" }, /could not find the principle/],
    ['badly shaped member', { member: 'Robert"); DROP TABLE' }, /could not find the member/],
    ['unknown tier', { tier: 'gold' }, /“gold” is not a membership tier/],
    ['unknown sort', { sort: 'random' }, /cannot sort by “random”/],
    ['badly shaped region', { region: 'North West' }, /could not find the region “North West”/],
    ['badly shaped theme', { theme: '<script>' }, /could not find the theme/],
  ]
  for (const [name, raw, message] of bad) {
    it(`explains and ignores ${name}`, () => {
      const { params, messages } = parseSearchParams(raw, now)
      assert.equal(messages.length, 1)
      assert.match(searchMessageInEnglish(messages[0]!), message)
      assert.equal(params.page, 1)
      assert.deepEqual(params.years, [])
      assert.deepEqual(params.kinds, [])
      assert.equal(params.sort, null)
    })
  }

  it('shortens a 10,000-character query at a word boundary and says so', () => {
    const { params, messages } = parseSearchParams({ q: 'housing '.repeat(1250) }, now)
    assert.ok(params.q.length <= maxQueryLength)
    assert.ok(params.q.endsWith('housing'))
    assert.match(searchMessageInEnglish(messages[0]!), /too long/)
  })

  it('keeps quotes, operators and SQL as plain text for the search engine', () => {
    const q = `"food bank" or -energy & | ! ( ) : * '; DROP TABLE case_studies; --`
    const { params, messages } = parseSearchParams({ q }, now)
    assert.equal(params.q, q)
    assert.deepEqual(messages, [])
  })

  it('drops repeated values and takes the first of repeated single values', () => {
    const { params } = parseSearchParams({ q: ['first', 'second'], principle: ['a', 'a'], year: ['2020', '2020'], page: ['2', '3'] }, now)
    assert.equal(params.q, 'first')
    assert.deepEqual(params.principles, ['a'])
    assert.deepEqual(params.years, [2020])
    assert.equal(params.page, 2)
  })

  it(`uses at most ${maxValuesPerFacet} values of one filter, and says so`, () => {
    const many = Array.from({ length: 500 }, (_, i) => `theme-${i}`)
    const { params, messages } = parseSearchParams({ theme: many }, now)
    assert.equal(params.themes.length, maxValuesPerFacet)
    assert.match(searchMessageInEnglish(messages[0]!), /more than 50 of one filter/)
  })
})

describe('effectiveSort', () => {
  it('ranks by relevance only when there is text to rank by', () => {
    assert.equal(effectiveSort({ q: 'food', sort: null }), 'relevance')
    assert.equal(effectiveSort({ q: '', sort: null }), 'newest')
    assert.equal(effectiveSort({ q: '', sort: 'relevance' }), 'newest')
    assert.equal(effectiveSort({ q: 'the', sort: null }, false), 'newest')
    assert.equal(effectiveSort({ q: 'food', sort: 'oldest' }), 'oldest')
  })
})

describe('cleanQuery', () => {
  it('removes control characters, NUL and replacement characters', () => {
    assert.equal(cleanQuery('a\u0000b\u0007c\ufffd d\n\te'), 'a b c d e')
  })
})

describe('searchHref', () => {
  const params = { ...emptySearch, q: 'a&b', principles: ['x', 'y'], kinds: ['project' as const], years: [2020], members: ['m'], nations: ['wales'] }

  it('keeps every filter in a fixed order and omits defaults', () => {
    assert.equal(searchHref(params), '/case-studies?q=a%26b&principle=x&principle=y&kind=project&year=2020&member=m&nation=wales')
    assert.equal(
      searchHref(params, { page: 2, q: '', sort: 'title' }),
      '/case-studies?principle=x&principle=y&kind=project&year=2020&member=m&nation=wales&sort=title&page=2',
    )
    assert.equal(searchHref(emptySearch), '/case-studies')
    assert.equal(searchHref(emptySearch, {}, '/case-studies.atom'), '/case-studies.atom')
  })

  it('reads back what it writes', () => {
    const href = searchHref({ ...params, sort: 'oldest', page: 4 })
    const raw: Record<string, string[]> = {}
    for (const [k, v] of new URL(href, 'http://x').searchParams) (raw[k] ??= []).push(v)
    assert.deepEqual(parseSearchParams(raw, now).params, { ...params, sort: 'oldest', page: 4 })
  })

  it('adds and removes one value, back to the first page', () => {
    const more = withValue({ ...params, page: 3 }, 'principles', 'z')
    assert.deepEqual(more.principles, ['x', 'y', 'z'])
    assert.equal(more.page, 1)
    assert.deepEqual(withoutValue(more, 'principles', 'x').principles, ['y', 'z'])
    assert.deepEqual(withoutValue(params, 'years', 2020).years, [])
  })

  it('reads spelling=as-typed (search the words as typed, never a closer spelling) and keeps it in every address of the search', () => {
    const { params, messages } = parseSearchParams({ q: 'orchrad', spelling: 'as-typed' }, now)
    assert.equal(params.asTyped, true)
    assert.deepEqual(messages, [])
    assert.equal(searchHref(params, { page: 2 }), '/case-studies?q=orchrad&spelling=as-typed&page=2')
    assert.equal(searchHref(params, { q: 'orchard', asTyped: false }), '/case-studies?q=orchard')
    const odd = parseSearchParams({ q: 'x', spelling: 'loose' }, now)
    assert.equal(odd.params.asTyped, false)
    assert.deepEqual(odd.messages.map(searchMessageInEnglish), ['We ignored spelling “loose”: it can only be “as-typed”.'])
  })
})
