import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { cleanQuery, maxQueryLength, parseSearchParams, searchHref } from './search-params.ts'

const now = new Date('2026-06-01T00:00:00Z')

describe('parseSearchParams', () => {
  it('reads every filter', () => {
    const { params, messages } = parseSearchParams(
      { q: '  food   bank ', principle: ['co-production', 'learning'], kind: 'project', year: '2022', member: 'northbrook', page: '3' },
      now,
    )
    assert.deepEqual(params, {
      q: 'food bank',
      principles: ['co-production', 'learning'],
      kinds: ['project'],
      year: 2022,
      member: 'northbrook',
      page: 3,
    })
    assert.deepEqual(messages, [])
  })

  it('gives defaults for an empty query string', () => {
    assert.deepEqual(parseSearchParams({}, now), {
      params: { q: '', principles: [], kinds: [], year: null, member: null, page: 1 },
      messages: [],
    })
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
  ]
  for (const [name, raw, message] of bad) {
    it(`explains and ignores ${name}`, () => {
      const { params, messages } = parseSearchParams(raw, now)
      assert.equal(messages.length, 1)
      assert.match(messages[0]!, message)
      assert.equal(params.page, 1)
      assert.equal(params.year, null)
      assert.deepEqual(params.kinds, [])
    })
  }

  it('shortens a 10,000-character query at a word boundary and says so', () => {
    const { params, messages } = parseSearchParams({ q: 'housing '.repeat(1250) }, now)
    assert.ok(params.q.length <= maxQueryLength)
    assert.ok(params.q.endsWith('housing'))
    assert.match(messages[0]!, /too long/)
  })

  it('keeps quotes, operators and SQL as plain text for the search engine', () => {
    const q = `"food bank" or -energy & | ! ( ) : * '; DROP TABLE case_studies; --`
    const { params, messages } = parseSearchParams({ q }, now)
    assert.equal(params.q, q)
    assert.deepEqual(messages, [])
  })

  it('drops repeated values and takes the first of repeated single values', () => {
    const { params } = parseSearchParams({ q: ['first', 'second'], principle: ['a', 'a'], year: ['2020', '2021'] }, now)
    assert.equal(params.q, 'first')
    assert.deepEqual(params.principles, ['a'])
    assert.equal(params.year, 2020)
  })
})

describe('cleanQuery', () => {
  it('removes control characters, NUL and replacement characters', () => {
    assert.equal(cleanQuery('a\u0000b\u0007c\ufffd d\n\te'), 'a b c d e')
  })
})

describe('searchHref', () => {
  it('keeps every filter and omits defaults', () => {
    const params = { q: 'a&b', principles: ['x', 'y'], kinds: ['project' as const], year: 2020, member: 'm', page: 1 }
    assert.equal(searchHref(params), '/case-studies?q=a%26b&principle=x&principle=y&kind=project&year=2020&member=m')
    assert.equal(searchHref(params, { page: 2, q: '' }), '/case-studies?principle=x&principle=y&kind=project&year=2020&member=m&page=2')
    assert.equal(searchHref({ q: '', principles: [], kinds: [], year: null, member: null, page: 1 }), '/case-studies')
  })
})
