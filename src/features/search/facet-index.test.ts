import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { FacetIndex } from './facet-index.ts'
import type { MatchSet } from './facet-index.ts'

const rows = [
  { id: 1, keys: ['k:project', 'p:1', 'y:2020'], yearStart: 2020, publishedAt: 100, title: 'banana' },
  { id: 2, keys: ['k:case-study', 'p:1', 'p:2', 'y:2022'], yearStart: 2022, publishedAt: 300, title: 'Apple' },
  { id: 3, keys: ['k:case-study', 'p:2', 'y:2021'], yearStart: 2021, publishedAt: 200, title: 'cherry' },
  { id: 4, keys: ['k:project'], yearStart: null, publishedAt: 400, title: 'date' },
]

describe('FacetIndex', () => {
  const index = new FacetIndex(rows)
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
    assert.deepEqual([...index.newestPublished].map((p) => rows[p]!.id), [4, 2, 3, 1])
  })
})
