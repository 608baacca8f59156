// Facet counting in memory. Counting facets in SQL means unnesting every match's keys: for a
// common word in a large library that is millions of rows to group at every search
// (docs/benchmarks.md). Here every published case study of a segment (segment.ts) is a position with its keys
// as small integers shared by the engine's segments (KeyDictionary), and a search's matches are
// filtered and counted in one pass over typed arrays, each segment adding its counts to the
// engine's (search-index.ts). Pure.
import { listParams } from './query-string.ts'
import type { ListParam } from './query-string.ts'
import { countBits } from './bits.ts'
import { facetPrefix } from './facets.ts'
import { buildKeyTable, countFiltered } from './filtered-count.ts'
import type { KeyTable } from './filtered-count.ts'

export interface IndexRow {
  id: number
  keys: readonly string[]
  yearStart: number | null
  publishedAt: number | null
  title: string
}

/** A text search's matches: positions in the index, best first, and the same as a bit set. */
export interface MatchSet {
  positions: Int32Array
  /** One bit per position (bit p % 32 of word p / 32): counting walks these in memory order. */
  bits: Uint32Array
}

export interface Counted {
  total: number
  counts: Map<string, number>
}

/** What SearchIndex.crossCount adds up, every array indexed by key id. */
export interface CrossTable {
  perKey: Int32Array
  /** Per key of a row facet, the counts of the keys of the positions holding it. */
  rows: Map<number, Int32Array>
  /** Per facet (its place in listParams), whether its keys have rows. */
  isRowFacet: boolean[]
  histogramFacet: number
  /** Positions by their number of keys of the histogram's facet. */
  histogram: number[]
}

/** Chosen keys as ids, per facet (its place in listParams); an empty list is a choice nothing meets. */
export type ChosenKeys = ReadonlyMap<number, readonly number[]>

const facetOfPrefix = new Map(listParams.map((l, i) => [facetPrefix[l], i]))

/**
 * Every facet key met so far, numbered once for all the segments of an engine: their counts add
 * up in one array. Keys are never taken out: one no case study has any more counts 0.
 */
export class KeyDictionary {
  private readonly ids = new Map<string, number>()
  readonly names: string[] = []
  /** Each key's facet (its place in listParams), -1 for a key no facet shows. */
  readonly facets: number[] = []

  get size(): number {
    return this.names.length
  }

  idOf(key: string): number {
    let id = this.ids.get(key)
    if (id === undefined) {
      id = this.names.length
      this.ids.set(key, id)
      this.names.push(key)
      this.facets.push(facetOfPrefix.get(key.slice(0, 2)) ?? -1)
    }
    return id
  }

  chosen(keys: Partial<Record<ListParam, readonly string[]>>): ChosenKeys {
    const byFacet = new Map<number, number[]>()
    listParams.forEach((l, f) => {
      const chosen = keys[l]
      if (chosen && chosen.length > 0)
        byFacet.set(
          f,
          chosen.flatMap((k) => this.ids.get(k) ?? []),
        )
    })
    return byFacet
  }

  countsOf(perKey: Int32Array): Map<string, number> {
    const counts = new Map<string, number>()
    for (let key = 0; key < perKey.length; key++) {
      if (perKey[key]! > 0) counts.set(this.names[key]!, perKey[key]!)
    }
    return counts
  }
}

/** The facet keys of one segment's positions (CSR: keyList[keyStart[p]] … keyList[keyStart[p + 1] - 1]). */
export class FacetIndex {
  readonly size: number
  /** Every key's count over every position, worked out once. */
  private everyKey: Int32Array | null = null
  /** Keys as bit sets, for counting with filters; built the first time one is chosen. */
  private keyTable: KeyTable | null = null

  constructor(
    private readonly keyStart: Int32Array,
    private readonly keyList: Int32Array,
    private readonly dictionary: KeyDictionary,
  ) {
    this.size = keyStart.length - 1
  }

  static of(rows: ReadonlyArray<{ keys: readonly string[] }>, dictionary: KeyDictionary): FacetIndex {
    const keyStart = new Int32Array(rows.length + 1)
    const list: number[] = []
    rows.forEach((row, p) => {
      for (const key of row.keys) list.push(dictionary.idOf(key))
      keyStart[p + 1] = list.length
    })
    return new FacetIndex(keyStart, Int32Array.from(list), dictionary)
  }

  get bytes(): number {
    return this.keyStart.byteLength + this.keyList.byteLength + (this.everyKey?.byteLength ?? 0) + (this.keyTable?.bytes ?? 0)
  }

  /**
   * Filters `bits` (this segment's positions that may count; null: every one) by the chosen keys —
   * OR within a facet, AND across — and adds to `perKey` every facet's counts (a facet with choices
   * is counted over the positions meeting the other facets' choices) and to `passing`, from
   * `offset`, which positions pass. Returns how many pass.
   */
  countInto(bits: Uint32Array | null, chosen: ChosenKeys, perKey: Int32Array, passing: Uint8Array, offset: number): number {
    if (this.size === 0) return 0
    if (chosen.size > 0) {
      this.keyTable ??= buildKeyTable(this.size, this.keyStart, this.keyList, this.dictionary.facets, listParams.length)
      return countFiltered(this.keyTable, bits, chosen, perKey, passing, offset)
    }
    if (bits !== null && countBits(bits) > this.size / 2) return this.countByComplement(bits, perKey, passing, offset)
    // Locals rather than properties: this loop runs for every key of every match.
    const { keyStart, keyList, size } = this
    let total = 0
    // In position order, not in rank order: the keys are then read in the order they lie in
    // memory (at 100,000 case studies, rank order made this loop wait on memory: 3× slower).
    for (let p = 0; p < size; p++) {
      if (bits !== null && (bits[p >>> 5]! & (1 << (p & 31))) === 0) {
        // Skips a whole empty word at once.
        if ((p & 31) === 0 && bits[p >>> 5] === 0) p += 31
        continue
      }
      total++
      passing[offset + p] = 1
      for (let i = keyStart[p]!; i < keyStart[p + 1]!; i++) perKey[keyList[i]!]!++
    }
    return total
  }

  /**
   * Adds every position of `bits` (null: every one) to `table` (see SearchIndex.crossCount): its
   * keys, its keys again under each of its keys of the row facets, and its number of keys of the
   * histogram's facet. Returns how many positions it added.
   */
  crossInto(bits: Uint32Array | null, table: CrossTable): number {
    const { keyStart, keyList, size } = this
    const facets = this.dictionary.facets
    const { perKey, rows, isRowFacet, histogramFacet, histogram } = table
    let total = 0
    for (let p = 0; p < size; p++) {
      if (bits !== null && (bits[p >>> 5]! & (1 << (p & 31))) === 0) {
        if ((p & 31) === 0 && bits[p >>> 5] === 0) p += 31
        continue
      }
      total++
      const start = keyStart[p]!
      const end = keyStart[p + 1]!
      let n = 0
      for (let i = start; i < end; i++) {
        const key = keyList[i]!
        perKey[key]!++
        const facet = facets[key]!
        if (facet === histogramFacet) n++
        if (facet < 0 || !isRowFacet[facet]) continue
        let row = rows.get(key)
        if (!row) rows.set(key, (row = new Int32Array(perKey.length)))
        for (let j = start; j < end; j++) row[keyList[j]!]!++
      }
      histogram[n] = (histogram[n] ?? 0) + 1
    }
    return total
  }

  /**
   * Counts without chosen filters for a text most case studies match (a common word): the counts
   * over every position less those of the few that do not match, instead of adding up the many
   * that do (at 100,000 case studies, 1.5 million keys to add up for a word in 98 % of them).
   */
  private countByComplement(bits: Uint32Array, perKey: Int32Array, passing: Uint8Array, offset: number): number {
    const { keyStart, keyList, size } = this
    if (!this.everyKey) {
      const every = new Int32Array(this.dictionary.size)
      for (let i = 0; i < keyList.length; i++) every[keyList[i]!]!++
      this.everyKey = every
    }
    const every = this.everyKey
    for (let key = 0; key < every.length; key++) perKey[key]! += every[key]!
    let total = 0
    for (let p = 0; p < size; p++) {
      if ((bits[p >>> 5]! & (1 << (p & 31))) !== 0) {
        passing[offset + p] = 1
        total++
      } else {
        for (let i = keyStart[p]!; i < keyStart[p + 1]!; i++) perKey[keyList[i]!]!--
      }
    }
    return total
  }
}
