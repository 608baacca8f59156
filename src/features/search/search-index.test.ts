import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Delta } from './delta.ts'
import { KeyDictionary } from './facet-index.ts'
import type { MatchSet } from './facet-index.ts'
import { SearchIndex, withChanges } from './search-index.ts'
import type { SortOrder } from './query-string.ts'
import { SegmentBuilder } from './segment.ts'
import type { Segment, SegmentRow } from './segment.ts'
import { parseTsquery, wantedLexemes } from './tsquery-text.ts'

// An index of segments with changes laid over them (changed rows dead where they were, the
// published ones in a delta segment) must answer every question exactly as one segment built
// afresh from the same rows: matches, ranking, phrases, counts with and without filters, orders.

function random(seed: number): () => number {
  let s = seed
  return () => (s = (s * 16_807) % 2_147_483_647) / 2_147_483_647
}

const lexemes = ['orchard', 'council', 'food', 'harbour', 'librari', 'bicycl', 'energi', 'repair']
const keys = ['k:project', 'k:case-study', 'p:1', 'p:2', 'p:3', 'm:1', 'm:2', 'm:3', 't:full', 'h:1', 'h:2', 'y:2020', 'y:2021']

/** A case study of random words: its vector as PostgreSQL prints it (word n at position n + 1), its title words ranked A. */
function rowOf(id: number, next: () => number): SegmentRow {
  const pick = (n: number) => Array.from({ length: n }, () => lexemes[Math.floor(next() * lexemes.length)]!)
  const title = pick(1 + Math.floor(next() * 3))
  const words = [...title, ...pick(2 + Math.floor(next() * 10))]
  const at = new Map<string, string[]>()
  words.forEach((word, n) => at.set(word, [...(at.get(word) ?? []), `${n + 1}${n < title.length ? 'A' : ''}`]))
  const ranked = [...new Set(title)].map((word) => `'${word}':${title.flatMap((w, n) => (w === word ? [`${n + 1}A`] : [])).join(',')}`).join(' ')
  return {
    id,
    keys: keys.filter(() => next() < 0.3),
    yearStart: next() < 0.2 ? null : 2015 + Math.floor(next() * 8),
    publishedAt: next() < 0.1 ? null : Math.floor(next() * 5) * 1000,
    title: `${title.join(' ')} ${next() < 0.5 ? 'Alpha' : 'beta'}`,
    vector: [...at].map(([word, positions]) => `'${word}':${positions.join(',')}`).join(' '),
    ranked,
  }
}

/** Rows in segments of `size`, id ranges touching, as the engine reads them. */
function segmentsOf(rows: readonly SegmentRow[], size: number, dictionary: KeyDictionary): Segment[] {
  const sorted = [...rows].sort((a, b) => a.id - b.id)
  const segments: Segment[] = []
  for (let i = 0; i < sorted.length; i += size) {
    const builder = new SegmentBuilder(dictionary, size)
    for (const row of sorted.slice(i, i + size)) builder.add(row)
    segments.push(builder.build(i === 0 ? 0 : sorted[i]!.id, i + size >= sorted.length ? Number.MAX_SAFE_INTEGER : sorted[i + size]!.id))
  }
  return segments
}

const queries = [
  "'council'",
  "'food' & 'harbour'",
  "'orchard' | 'bicycl'",
  "!'council'",
  "'energi' & !'repair'",
  "'council' <-> 'food'",
  "'food' <2> 'harbour'",
  "'unknown'",
]
const filters: Array<Record<string, string[]>> = [{}, { kinds: ['k:project'] }, { principles: ['p:1', 'p:3'], members: ['m:2'] }, { themes: ['h:9'] }]
const sorts: Array<SortOrder | 'published'> = ['relevance', 'newest', 'oldest', 'title', 'published']

/** Everything an index answers, by case study id (positions differ between indexes). */
function answers(index: SearchIndex) {
  const ids = (bits: Uint32Array) =>
    Array.from({ length: index.size }, (_, p) => p)
      .filter((p) => (bits[p >>> 5]! & (1 << (p & 31))) !== 0)
      .map((p) => index.idAt(p))
  const out: Record<string, unknown> = { rows: index.rows }
  for (const q of [null, ...queries]) {
    const tree = q === null ? null : parseTsquery(q)!
    const matches: MatchSet | null = tree ? { bits: index.evaluate(tree), positions: new Int32Array(0) } : null
    if (matches && tree) {
      matches.positions = index.rank(matches.bits, wantedLexemes(tree))
      out[`${q} matches`] = ids(matches.bits).sort((a, b) => a - b)
      out[`${q} ranked`] = [...matches.positions].map((p) => index.idAt(p))
    }
    for (const chosen of filters) {
      const { total, counts, passing } = index.count(matches, chosen)
      out[`${q} ${JSON.stringify(chosen)} counts`] = { total, counts: Object.fromEntries([...counts].sort()) }
      for (const sort of sorts) out[`${q} ${JSON.stringify(chosen)} ${sort}`] = index.page(passing, sort, matches, 0, 1_000)
      out[`${q} ${JSON.stringify(chosen)} page 2`] = index.page(passing, 'newest', matches, 3, 3)
    }
  }
  return out
}

const steps: Array<[string, Array<[number, 'publish' | 'remove']>]> = [
  ['as built: segments side by side', []],
  [
    'adds new case studies (after the last id, and between ids)',
    [
      [200, 'publish'],
      [4, 'publish'],
      [202, 'publish'],
    ],
  ],
  [
    'changes some',
    [
      [3, 'publish'],
      [17, 'publish'],
      [89, 'publish'],
    ],
  ],
  [
    'removes some, one of them added since',
    [
      [5, 'remove'],
      [200, 'remove'],
      [31, 'remove'],
    ],
  ],
  ['adds one back that was removed', [[5, 'publish']]],
  ['changes one again', [[17, 'publish']]],
  ['removes a whole segment', Array.from({ length: 8 }, (_, i): [number, 'remove'] => [17 + i * 2, 'remove'])],
  [
    'removes everything in the delta',
    [
      [4, 'remove'],
      [202, 'remove'],
      [5, 'remove'],
      [3, 'remove'],
      [89, 'remove'],
    ],
  ],
]

describe('SearchIndex of segments with changes laid over them', () => {
  const next = random(11)
  const base = Array.from({ length: 45 }, (_, i) => rowOf(i * 2 + 1, next))
  const dictionary = new KeyDictionary()
  const segments = segmentsOf(base, 8, dictionary)
  const live = new Map(base.map((r) => [r.id, r]))
  const changed = new Map<number, SegmentRow | null>()
  let index = new SearchIndex(withChanges(segments, changed, dictionary), dictionary)

  for (const [name, step] of steps) {
    it(`${name}: answers as one segment of the same rows`, () => {
      for (const [id, action] of step) {
        const row = action === 'publish' ? rowOf(id, next) : null
        changed.set(id, row)
        if (row) live.set(id, row)
        else live.delete(id)
      }
      index = new SearchIndex(withChanges(segments, changed, dictionary), dictionary, index)
      const fresh = SearchIndex.of([...live.values()])
      assert.deepEqual(answers(index), answers(fresh))
      for (const id of [1, 3, 4, 5, 17, 31, 200, 202]) assert.equal(index.positionOf(id) !== undefined, live.has(id), `positionOf(${id})`)
    })
  }

  it('merges its sorted lists into the previous index’s when it shares its segments, and sorts afresh when it does not', () => {
    const again = new SearchIndex(withChanges(segments, changed, dictionary), dictionary)
    assert.deepEqual(answers(again), answers(index))
  })
})

describe('Delta: changes in two layers, and segments read again', () => {
  const next = random(5)
  const base = Array.from({ length: 45 }, (_, i) => rowOf(i * 2 + 1, next))
  const dictionary = new KeyDictionary()
  let segments = segmentsOf(base, 8, dictionary)
  const live = new Map(base.map((r) => [r.id, r]))
  // Two recent changes at most: most steps move the recent layer into the older one.
  const delta = new Delta(dictionary, 2)
  let seq = 0
  let index = new SearchIndex(delta.parts(segments), dictionary)

  for (const [name, step] of steps) {
    it(`${name}: answers as one segment of the same rows`, () => {
      seq++
      for (const [id, action] of step) {
        const row = action === 'publish' ? rowOf(id, next) : null
        delta.set(id, row, seq)
        if (row) live.set(id, row)
        else live.delete(id)
      }
      index = new SearchIndex(delta.parts(segments), dictionary, index)
      assert.deepEqual(answers(index), answers(SearchIndex.of([...live.values()])))
    })
  }

  it('after a segment is read again, forgets the changes read before and answers the same', () => {
    const old = segments[0]!
    const began = ++seq
    const builder = new SegmentBuilder(dictionary, 100)
    for (const row of [...live.values()].filter((r) => r.id >= old.lo && r.id < old.hi).sort((a, b) => a.id - b.id)) builder.add(row)
    segments = [builder.build(old.lo, old.hi), ...segments.slice(1)]
    const dropped = delta.dropBefore(old.lo, old.hi, began)
    assert.ok(dropped.length > 0)
    assert.ok(dropped.every((id) => id >= old.lo && id < old.hi))
    index = new SearchIndex(delta.parts(segments), dictionary, index)
    assert.deepEqual(answers(index), answers(SearchIndex.of([...live.values()])))
  })
})

describe('SearchIndex.preferLanguage', () => {
  const row = (id: number, language: string, translationGroup: number | null): SegmentRow => ({
    id,
    keys: [],
    yearStart: null,
    publishedAt: id,
    title: `t${id}`,
    vector: "'hous':1",
    ranked: null,
    language,
    translationGroup,
  })
  const bitsOf = (index: SearchIndex, ids: number[]) => {
    const bits = index.emptyBits()
    for (const id of ids) {
      const p = index.positionOf(id)!
      bits[p >>> 5]! |= 1 << (p & 31)
    }
    return bits
  }
  const idsIn = (index: SearchIndex, bits: Uint32Array) =>
    [1, 2, 3, 4, 5, 6].filter((id) => (bits[index.positionOf(id)! >>> 5]! & (1 << (index.positionOf(id)! & 31))) !== 0)

  it('keeps the version in the listing’s language where both versions of a case study match, and leaves the bits given alone', () => {
    // 1 and 2 are one case study in English and Welsh, as are 3 and 4 (across segments after a change); 5 and 6 have no translation.
    const dictionary = new KeyDictionary()
    const builder = new SegmentBuilder(dictionary)
    for (const r of [row(1, 'en', 1), row(2, 'cy', 1), row(3, 'en', 3), row(5, 'en', null), row(6, 'cy', null)]) builder.add(r)
    const index = new SearchIndex(withChanges([builder.build(0, 100)], new Map([[4, row(4, 'cy', 3)]]), dictionary), dictionary)
    const all = bitsOf(index, [1, 2, 3, 4, 5, 6])
    assert.deepEqual(idsIn(index, index.preferLanguage(all, 'cy')), [2, 4, 5, 6])
    assert.deepEqual(idsIn(index, index.preferLanguage(all, 'en')), [1, 3, 5, 6])
    assert.deepEqual(idsIn(index, all), [1, 2, 3, 4, 5, 6])
    // Only one version matches: it is listed in either language.
    const englishOnly = bitsOf(index, [1, 4])
    assert.equal(index.preferLanguage(englishOnly, 'cy'), englishOnly)
    // The listing's count and page: every published case study, one version of each translated one.
    const welshListing = index.count(null, {}, 'cy')
    assert.equal(welshListing.total, 4)
    assert.deepEqual(index.page(welshListing.passing, 'newest', null, 0, 10), [6, 5, 4, 2])
    assert.equal(index.count(null, {}).total, 6)
  })
})

describe('SearchIndex.crossCount', () => {
  it('counts as count() with no choice, and, per key of a row facet, as count() with that key alone chosen (its column facets)', () => {
    const next = random(23)
    const base = Array.from({ length: 60 }, (_, i) => rowOf(i * 2 + 1, next))
    const dictionary = new KeyDictionary()
    const changed = new Map<number, SegmentRow | null>([
      [5, null],
      [7, rowOf(7, next)],
      [200, rowOf(200, next)],
    ])
    const index = new SearchIndex(withChanges(segmentsOf(base, 16, dictionary), changed, dictionary), dictionary)
    const crossed = index.crossCount(['principles', 'kinds'], ['kinds', 'years', 'members'], 'principles')
    const whole = index.count(null, {})
    assert.equal(crossed.total, whole.total)
    assert.deepEqual(crossed.counts, whole.counts)
    for (const [list, prefix] of [
      ['principles', 'p:'],
      ['kinds', 'k:'],
    ] as const) {
      for (const key of keys.filter((k) => k.startsWith(prefix))) {
        const one = index.count(null, { [list]: [key] })
        const row = crossed.rows.get(key) ?? new Map<string, number>()
        assert.equal(row.get(key) ?? 0, one.total, key)
        // Its own facet is counted over every case study by count(); the row holds the columns' counts.
        const columns = (m: Map<string, number>) => new Map([...m].filter(([k]) => /^[kym]:/.test(k) && !k.startsWith(prefix)))
        assert.deepEqual(columns(row), columns(one.counts), key)
      }
    }
    const live = [...base.filter((r) => !changed.has(r.id)), ...[...changed.values()].filter((r): r is SegmentRow => r !== null)]
    const expected: number[] = []
    for (const r of live) {
      const n = r.keys.filter((k) => k.startsWith('p:')).length
      expected[n] = (expected[n] ?? 0) + 1
    }
    assert.deepEqual(
      crossed.histogram,
      Array.from(expected, (n) => n ?? 0),
    )
  })
})
