// The search engine's index of every published case study: segments (segment.ts) side by side,
// each at its own offset (a multiple of 32, so that their bit sets join word for word), with the
// positions of rows changed or removed since a segment was built marked dead. A change is a new
// SearchIndex that shares every segment with the one before: the changed rows come as a small
// segment of their own (the engine's delta) and the sorted lists are merged, not sorted again
// (linear in the rows, a few milliseconds at 100,000). Searches hold the index they started with,
// so none sees a change halfway. Pure; checked against one segment of the same rows in
// search-index.test.ts.
import { clearBeyond, countBits } from './bits.ts'
import { KeyDictionary } from './facet-index.ts'
import type { ChosenKeys, Counted, CrossTable, IndexRow, MatchSet } from './facet-index.ts'
import { listParams } from './query-string.ts'
import type { ListParam, SortOrder } from './query-string.ts'
import { positionIn, segmentOf } from './segment.ts'
import type { Segment, SegmentRow } from './segment.ts'
import { comparators, emptyFields, mergeAll, mergeSorted, orderNames } from './sort-orders.ts'
import type { Orders, SortFields } from './sort-orders.ts'
import { rankByScores } from './text-index.ts'
import type { Bits } from './text-index.ts'
import type { TsNode } from './tsquery-text.ts'

/** A segment and which of its positions still count: null when every one does. */
export interface Part {
  segment: Segment
  alive: Uint32Array | null
}

const wordsOf = (size: number) => Math.ceil(size / 32)

/** Changed rows indexed apart from the segments (the engine's delta): a segment of them, and which of its rows are still current. */
export interface Layer {
  segment: Segment
  current: (id: number) => boolean
}

/**
 * The parts of an index: `segments` (in order of their id ranges) with each id in `changed` dead
 * there, then the `layers` of changed rows, each row alive where its layer says it is current.
 */
export function partsOf(segments: readonly Segment[], changed: Iterable<number>, layers: readonly Layer[] = []): Part[] {
  const parts: Part[] = segments.map((segment) => ({ segment, alive: null }))
  for (const id of changed) {
    const i = segmentFor(segments, id)
    const local = i === -1 ? -1 : positionIn(segments[i]!, id)
    if (local === -1) continue
    const part = parts[i]!
    part.alive ??= allAlive(part.segment.size)
    part.alive[local >>> 5]! &= ~(1 << (local & 31))
  }
  for (const { segment, current } of layers) {
    let alive: Uint32Array | null = null
    segment.fields.ids.forEach((id, p) => {
      if (current(id)) return
      alive ??= allAlive(segment.size)
      alive[p >>> 5]! &= ~(1 << (p & 31))
    })
    parts.push({ segment, alive })
  }
  return parts
}

/** The parts of `segments` with the `changed` rows (null: no longer published) laid over them as one layer. */
export function withChanges(segments: readonly Segment[], changed: ReadonlyMap<number, SegmentRow | null>, dictionary: KeyDictionary): Part[] {
  const rows = [...changed.values()].filter((row): row is SegmentRow => row !== null)
  return partsOf(segments, changed.keys(), rows.length > 0 ? [{ segment: segmentOf(rows, dictionary), current: () => true }] : [])
}

const allAlive = (size: number) => clearBeyond(new Uint32Array(wordsOf(size)).fill(0xffffffff), size)

/** The segment whose id range holds the id, or -1. */
export function segmentFor(segments: readonly Segment[], id: number): number {
  let lo = 0
  let hi = segments.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const s = segments[mid]!
    if (id < s.lo) hi = mid - 1
    else if (id >= s.hi) lo = mid + 1
    else return mid
  }
  return -1
}

export class SearchIndex {
  /** Positions 0 … size - 1, the padding between segments included. */
  readonly size: number
  /** Published case studies it holds. */
  readonly rows: number
  private readonly offsets: number[] = []
  private readonly alive: Uint32Array
  private readonly fields: SortFields
  private readonly orders: Orders
  /** Reused by every ranking (they run one at a time): a score per position, zero between calls. */
  private scores: Uint32Array | null = null
  /** Published versions of one case study in both languages, as pairs of positions (English, Welsh); made when first asked for. */
  private pairs: Int32Array | null = null

  /** `previous`: the index this one follows, whose sorted lists it merges into when they share their first parts. */
  constructor(
    readonly parts: readonly Part[],
    private readonly dictionary: KeyDictionary,
    previous?: SearchIndex,
  ) {
    let size = 0
    for (const { segment } of parts) {
      this.offsets.push(size)
      size += wordsOf(segment.size) * 32
    }
    this.offsets.push(size)
    this.size = size
    this.alive = new Uint32Array(wordsOf(size))
    this.fields = emptyFields(size)
    parts.forEach(({ segment, alive }, i) => {
      const at = this.offsets[i]!
      if (alive) this.alive.set(alive, at / 32)
      else clearBeyond(this.alive.subarray(at / 32, at / 32 + wordsOf(segment.size)).fill(0xffffffff), segment.size)
      const f = segment.fields
      const titles = this.fields.titles
      this.fields.ids.set(f.ids, at)
      this.fields.years.set(f.years, at)
      this.fields.published.set(f.published, at)
      for (let p = 0; p < segment.size; p++) titles[at + p] = f.titles[p]!
    })
    this.rows = countBits(this.alive)
    this.orders = this.sortedLists(previous)
  }

  /** An index of the rows in one segment (their vectors, when given, as PostgreSQL prints them). */
  static of(rows: ReadonlyArray<IndexRow & Partial<SegmentRow>>): SearchIndex {
    const dictionary = new KeyDictionary()
    const segment = segmentOf(
      rows.map((r) => ({ ...r, vector: r.vector ?? null, ranked: r.ranked ?? null })),
      dictionary,
    )
    return new SearchIndex([{ segment, alive: null }], dictionary)
  }

  /** The sorted lists: the previous index's, less the rows now dead, merged with the new parts'; or every part's merged. */
  private sortedLists(previous: SearchIndex | undefined): Orders {
    const shared = previous ? this.sharedParts(previous) : 0
    const cut = this.offsets[shared]!
    const compare = comparators(this.fields)
    const orders = {} as Orders
    for (const name of orderNames) {
      const lists = this.parts.slice(shared).map(({ segment }, i) => this.aliveOf(segment.orders[name], this.offsets[shared + i]!))
      const added = mergeAll(lists, compare[name])
      orders[name] = shared === 0 ? added : mergeSorted(this.aliveOf(previous!.orders[name], 0, cut), added, compare[name])
    }
    return orders
  }

  /** How many first parts this index shares with `previous` (same segments, same places, no row come back to life). */
  private sharedParts(previous: SearchIndex): number {
    let n = 0
    while (n < this.parts.length - 1 && n < previous.parts.length && this.parts[n]!.segment === previous.parts[n]!.segment) n++
    for (let w = 0; w < this.offsets[n]! / 32; w++) if ((this.alive[w]! & ~previous.alive[w]!) !== 0) return 0
    return n
  }

  /** The positions of a list (plus `offset`) that are alive, below `end` when given. */
  private aliveOf(list: Int32Array, offset: number, end = this.size): Int32Array {
    const alive = this.alive
    const out = new Int32Array(list.length)
    let n = 0
    for (let i = 0; i < list.length; i++) {
      const p = list[i]! + offset
      if (p < end && (alive[p >>> 5]! & (1 << (p & 31))) !== 0) out[n++] = p
    }
    return out.subarray(0, n)
  }

  /** The position of a published case study, or undefined when the index does not hold it. */
  positionOf(id: number): number | undefined {
    for (let i = this.parts.length - 1; i >= 0; i--) {
      const { segment } = this.parts[i]!
      if (id < segment.lo || id >= segment.hi) continue
      const local = positionIn(segment, id)
      if (local === -1) continue
      const p = this.offsets[i]! + local
      if ((this.alive[p >>> 5]! & (1 << (p & 31))) !== 0) return p
    }
    return undefined
  }

  /** The segment holding a published case study and its place there, or undefined. */
  locate(id: number): { segment: Segment; local: number } | undefined {
    const p = this.positionOf(id)
    if (p === undefined) return undefined
    let i = this.parts.length - 1
    while (this.offsets[i]! > p) i--
    return { segment: this.parts[i]!.segment, local: p - this.offsets[i]! }
  }

  idAt(position: number): number {
    return this.fields.ids[position]!
  }

  /** Every position, most recently published first: relevance's tie order, and a feed's. */
  get newestPublished(): Int32Array {
    return this.orders.published
  }

  emptyBits(): Bits {
    return new Uint32Array(wordsOf(this.size))
  }

  /** Whether evaluate() answers the query exactly (see TextIndex.answers). */
  answers(node: TsNode): boolean {
    return this.parts.every(({ segment }) => segment.text.answers(node))
  }

  /**
   * The matches as a listing in a language shows them: where both versions of a translated case
   * study match, only the one in that language. The same bits when nothing changes (never altered).
   */
  preferLanguage(bits: Bits, language: 'en' | 'cy'): Bits {
    const pairs = (this.pairs ??= this.translationPairs())
    let out: Bits | null = null
    for (let i = 0; i < pairs.length; i += 2) {
      const english = pairs[i]!
      const welsh = pairs[i + 1]!
      const has = (p: number) => ((out ?? bits)[p >>> 5]! & (1 << (p & 31))) !== 0
      if (!has(english) || !has(welsh)) continue
      out ??= bits.slice()
      const other = language === 'cy' ? english : welsh
      out[other >>> 5]! &= ~(1 << (other & 31))
    }
    return out ?? bits
  }

  private translationPairs(): Int32Array {
    const groups = new Map<number, { english?: number; welsh?: number }>()
    this.parts.forEach(({ segment }, i) => {
      for (const { local, group, welsh } of segment.translations) {
        const p = this.offsets[i]! + local
        if ((this.alive[p >>> 5]! & (1 << (p & 31))) === 0) continue
        const pair = groups.get(group) ?? {}
        if (welsh) pair.welsh = p
        else pair.english = p
        groups.set(group, pair)
      }
    })
    const pairs: number[] = []
    for (const { english, welsh } of groups.values()) if (english !== undefined && welsh !== undefined) pairs.push(english, welsh)
    return Int32Array.from(pairs)
  }

  /** Whether some case study is (or was, in a row since changed) in Welsh. */
  get hasWelsh(): boolean {
    return this.parts.some(({ segment }) => segment.text.hasWelsh)
  }

  /** Whether some case study has (or had, in a row since changed) the lexeme. */
  has(lexeme: string): boolean {
    return this.parts.some(({ segment }) => segment.text.has(lexeme))
  }

  /** The positions matching the query (see TextIndex.evaluate), live ones only. */
  evaluate(node: TsNode): Bits {
    const bits = this.emptyBits()
    this.parts.forEach(({ segment }, i) => bits.set(segment.text.evaluate(node), this.offsets[i]! / 32))
    for (let w = 0; w < bits.length; w++) bits[w]! &= this.alive[w]!
    return bits
  }

  /** The matching positions best first, by the wanted lexemes' weights in titles and summaries; ties most recently published first. */
  rank(bits: Bits, wanted: Iterable<string>): Int32Array {
    const lexemes = [...wanted]
    const scores = (this.scores ??= new Uint32Array(this.size))
    this.parts.forEach(({ segment }, i) => segment.text.addScores(lexemes, scores, this.offsets[i]!))
    const ranked = rankByScores(bits, scores, this.orders.published)
    this.parts.forEach(({ segment }, i) => segment.text.clearScores(lexemes, scores, this.offsets[i]!))
    return ranked
  }

  /**
   * Filters the matches (every live position when `matches` is null; its bits must hold live
   * positions only, as evaluate() and positionOf() give) by the chosen keys — OR within a facet,
   * AND across — and counts every facet: a facet with choices is counted over the matches of the
   * other facets' choices. Returns the counts and which positions pass.
   */
  count(
    matches: MatchSet | null,
    chosen: Partial<Record<ListParam, readonly string[]>>,
    /** A listing in this language: of a translated case study matching in both languages, the version in this one only (preferLanguage). */
    language?: 'en' | 'cy',
  ): Counted & { passing: Uint8Array } {
    const keys: ChosenKeys = this.dictionary.chosen(chosen)
    const perKey = new Int32Array(this.dictionary.size)
    const passing = new Uint8Array(this.size)
    let total = 0
    const whole = matches ? matches.bits : this.alive
    const preferred = language ? this.preferLanguage(whole, language) : whole
    this.parts.forEach(({ segment, alive }, i) => {
      const at = this.offsets[i]!
      const bits = matches || preferred !== whole ? preferred.subarray(at / 32, at / 32 + wordsOf(segment.size)) : alive
      total += segment.facets.countInto(bits, keys, perKey, passing, at)
    })
    return { total, counts: this.dictionary.countsOf(perKey), passing }
  }

  /**
   * Every live position (of a translated case study, the version in `language` only, as count()
   * keeps it) counted at once: every key (count() with no choice); for each key of the `rows`
   * facets, how many positions hold it (count() with that key alone chosen) and its counts of the
   * `columns` facets' keys (that count()'s counts of those facets, when not its own); and how many
   * positions hold 0, 1, 2, … keys of the `histogram` facet. One pass instead of a count() per
   * key: what the insight pages show.
   */
  crossCount(
    rows: readonly ListParam[],
    columns: readonly ListParam[],
    histogram: ListParam,
    language?: 'en' | 'cy',
  ): { total: number; counts: Map<string, number>; rows: Map<string, Map<string, number>>; histogram: number[] } {
    const table: CrossTable = {
      perKey: new Int32Array(this.dictionary.size),
      rows: new Map(),
      rowFacets: rows.map((l) => listParams.indexOf(l)),
      columnFacets: columns.map((l) => listParams.indexOf(l)),
      histogramFacet: listParams.indexOf(histogram),
      histogram: [],
    }
    const preferred = language ? this.preferLanguage(this.alive, language) : this.alive
    let total = 0
    this.parts.forEach(({ segment, alive }, i) => {
      const at = this.offsets[i]!
      const bits = preferred !== this.alive ? preferred.subarray(at / 32, at / 32 + wordsOf(segment.size)) : alive
      total += segment.facets.crossInto(bits, table)
    })
    const byKey = new Map<string, Map<string, number>>()
    for (const [key, row] of table.rows) byKey.set(this.dictionary.names[key]!, this.dictionary.countsOf(row))
    return { total, counts: this.dictionary.countsOf(table.perKey), rows: byKey, histogram: Array.from(table.histogram, (n) => n ?? 0) }
  }

  /**
   * The ids of one page of the passing positions, in the order asked; 'published' is most
   * recently published first, what a feed wants.
   */
  page(passing: Uint8Array, sort: SortOrder | 'published', matches: MatchSet | null, offset: number, limit: number): number[] {
    const order = sort === 'relevance' ? (matches ? matches.positions : this.orders.newest) : this.orders[sort]
    const out: number[] = []
    let skipped = 0
    for (let i = 0; i < order.length && out.length < limit; i++) {
      const p = order[i]!
      if (passing[p] !== 1) continue
      if (skipped < offset) skipped++
      else out.push(this.fields.ids[p]!)
    }
    return out
  }

  /** Bytes of typed arrays held (segments and this index's own lists), for the benchmark's account of memory. */
  get bytes(): number {
    const own = [this.alive, this.fields.ids, this.fields.years, this.fields.published, ...Object.values(this.orders)].reduce((sum, a) => sum + a.byteLength, 0)
    const segments = this.parts.reduce((sum, { segment: s, alive }) => {
      const lists = [s.fields.ids, s.fields.years, s.fields.published, ...Object.values(s.orders)].reduce((n, a) => n + a.byteLength, 0)
      return sum + lists + s.text.bytes + s.facets.bytes + s.listing.bytes + (alive?.byteLength ?? 0)
    }, 0)
    return own + segments + (this.scores?.byteLength ?? 0)
  }
}
