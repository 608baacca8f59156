import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { MatchSet } from './facet-index.ts'
import { SearchIndex } from './search-index.ts'

const rows = [
  { id: 1, keys: ['k:project', 'p:1', 'y:2020'], yearStart: 2020, publishedAt: 100, title: 'banana' },
  { id: 2, keys: ['k:case-study', 'p:1', 'p:2', 'y:2022'], yearStart: 2022, publishedAt: 300, title: 'Apple' },
  { id: 3, keys: ['k:case-study', 'p:2', 'y:2021'], yearStart: 2021, publishedAt: 200, title: 'cherry' },
  { id: 4, keys: ['k:project'], yearStart: null, publishedAt: 400, title: 'date' },
]

describe('FacetIndex', () => {
  const index = SearchIndex.of(rows)
  const all = (sort: 'newest' | 'oldest' | 'title' | 'relevance', chosen = {}, matches = null as MatchSet | null) =>
    index.page(index.count(matches, chosen).passing, sort, matches, 0, 10)

  it('orders by year (nulls last either way), by title ignoring case, and pages', () => {
    assert.deepEqual(all('newest'), [2, 3, 1, 4])
    assert.deepEqual(all('oldest'), [1, 3, 2, 4])
    assert.deepEqual(all('title'), [2, 1, 3, 4])
    const { passing } = index.count(null, {})
    assert.deepEqual(index.page(passing, 'newest', null, 1, 2), [3, 1])
    assert.deepEqual(index.page(passing, 'newest', null, 10, 2), [])
  })

  it('counts with OR within a facet and AND across, each chosen facet over the other choices', () => {
    const { total, counts, passing } = index.count(null, { principles: ['p:1', 'p:2'], kinds: ['k:case-study'] })
    assert.equal(total, 2)
    assert.deepEqual(index.page(passing, 'newest', null, 0, 10), [2, 3])
    // Kinds counted over principle 1 or 2 (ids 1, 2, 3); principles over case studies (ids 2, 3).
    assert.equal(counts.get('k:project'), 1)
    assert.equal(counts.get('k:case-study'), 2)
    assert.equal(counts.get('p:1'), 1)
    assert.equal(counts.get('p:2'), 2)
    assert.equal(counts.get('y:2020'), undefined)
  })

  it('keeps a text search in the order found (best first) and finds positions by id', () => {
    const positions = Int32Array.from([1, 2, 3].map((id) => index.positionOf(id)!))
    const bits = new Uint32Array(1)
    for (const p of positions) bits[0]! |= 1 << p
    const matches: MatchSet = { positions, bits }
    assert.equal(index.positionOf(99), undefined)
    assert.deepEqual(all('relevance', {}, matches), [1, 2, 3])
    assert.deepEqual(all('title', {}, matches), [2, 1, 3])
    assert.equal(index.count(matches, { kinds: ['k:project'] }).total, 1)
    assert.equal(index.count(matches, { kinds: ['k:unknown'] }).total, 0)
  })

  it('lists every position most recently published first', () => {
    assert.deepEqual(
      [...index.newestPublished].map((p) => rows[p]!.id),
      [4, 2, 3, 1],
    )
  })

  it('counts a text search that most case studies match as exactly as one few match (brute force)', () => {
    let seed = 7
    const next = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647
    const keys = ['k:project', 'k:case-study', 'p:1', 'p:2', 'p:3', 'm:1', 'm:2', 't:full', 'y:2020', 'y:2021']
    const many = Array.from({ length: 300 }, (_, i) => ({ id: i + 1, keys: keys.filter(() => next() < 0.4), yearStart: 2020, publishedAt: i, title: `t${i}` }))
    const big = SearchIndex.of(many)
    for (const density of [0.05, 0.5, 0.9, 1]) {
      const chosen = many.filter(() => next() < density)
      const positions = Int32Array.from(chosen.map((r) => big.positionOf(r.id)!))
      const bits = new Uint32Array(Math.ceil(many.length / 32))
      for (const p of positions) bits[p >>> 5]! |= 1 << (p & 31)
      const { total, counts, passing } = big.count({ positions, bits }, {})
      const expected = new Map<string, number>()
      for (const r of chosen) for (const k of r.keys) expected.set(k, (expected.get(k) ?? 0) + 1)
      assert.equal(total, chosen.length, `total at density ${density}`)
      assert.deepEqual(new Map([...counts].sort()), new Map([...expected].sort()), `counts at density ${density}`)
      assert.equal(
        passing.reduce((a, b) => a + b, 0),
        chosen.length,
      )
    }
  })

  it('counts with filters as a row-by-row count does (random data, filters and texts)', () => {
    let seed = 3
    const next = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647
    const members = Array.from({ length: 80 }, (_, i) => `m:${i}`)
    const keys = ['k:project', 'k:case-study', 'k:policy-lab', 'p:1', 'p:2', 'p:3', 't:full', 't:associate', 'y:2020', 'y:2021', 'h:1', 'h:2', ...members]
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      id: i + 1,
      keys: keys.filter(() => next() < 0.15),
      yearStart: 2020,
      publishedAt: i,
      title: `t${i}`,
    }))
    const big = SearchIndex.of(rows)
    const facets = {
      kinds: ['k:project', 'k:case-study', 'k:policy-lab'],
      principles: ['p:1', 'p:2', 'p:3'],
      tiers: ['t:full', 't:associate'],
      years: ['y:2020', 'y:2021'],
      themes: ['h:1', 'h:2'],
      members,
    }
    for (let round = 0; round < 60; round++) {
      const chosen: Record<string, string[]> = {}
      for (const [facet, values] of Object.entries(facets)) {
        if (next() < 0.35) chosen[facet] = values.filter(() => next() < 0.3).concat(values[Math.floor(next() * values.length)]!)
      }
      let matches: MatchSet | null = null
      let matched = rows
      if (next() < 0.7) {
        const density = next()
        matched = rows.filter(() => next() < density)
        const positions = Int32Array.from(matched.map((r) => big.positionOf(r.id)!))
        const bits = new Uint32Array(Math.ceil(rows.length / 32))
        for (const p of positions) bits[p >>> 5]! |= 1 << (p & 31)
        matches = { positions, bits }
      }
      // Row by row: a key of a chosen facet counts rows meeting the other facets' choices; any other key, rows meeting all.
      const meets = (row: (typeof rows)[number], except: string | null) =>
        Object.entries(chosen).every(([facet, values]) => facet === except || values.some((v) => row.keys.includes(v)))
      const facetOf = (key: string) => Object.entries(facets).find(([, values]) => values.includes(key))![0]
      const expected = new Map<string, number>()
      for (const row of matched) {
        for (const key of row.keys) {
          const facet = facetOf(key)
          if (meets(row, facet in chosen ? facet : null)) expected.set(key, (expected.get(key) ?? 0) + 1)
        }
      }
      const passingIds = matched.filter((r) => meets(r, null)).map((r) => r.id)
      const { total, counts, passing } = big.count(matches, chosen)
      assert.equal(total, passingIds.length, `round ${round}`)
      assert.deepEqual(new Map([...counts].sort()), new Map([...expected].sort()), `round ${round}`)
      assert.deepEqual(
        rows.filter((r) => passing[big.positionOf(r.id)!] === 1).map((r) => r.id),
        passingIds,
        `round ${round}`,
      )
    }
  })
})
