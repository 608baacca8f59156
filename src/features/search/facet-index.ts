// Facet counting in memory. Counting facets in SQL means unnesting every match's keys: for a
// common word in a large library that is millions of rows to group at every search
// (docs/benchmarks.md). Here every published case study of a segment (segment.ts) is a position with its keys
// as small integers shared by the engine's segments (KeyDictionary), and a search's matches are
// filtered and counted in one pass over typed arrays, each segment adding its counts to the
// engine's (search-index.ts). Pure.
import { listParams } from './query-string.ts'
import type { ListParam } from './query-string.ts'
import { countBits, popcount } from './bits.ts'
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
  /** Per key of a row facet, its own count and those of the column facets' keys among the positions holding it. */
  rows: Map<number, Int32Array>
  /** Facets (their places in listParams) whose keys have rows, and those the rows count. */
  rowFacets: number[]
  columnFacets: number[]
  histogramFacet: number
  /** Positions by their number of keys of the histogram's facet. */
  histogram: number[]
}

/** Chosen keys as ids, per facet (its place in listParams); an empty list is a choice nothing meets. */
export type ChosenKeys = ReadonlyMap<number, readonly number[]>

const noChoice: ChosenKeys = new Map()

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
  /** Per facet asked for, each position's number of keys of it (crossInto's histogram). */
  private readonly perPosition = new Map<number, Uint8Array>()
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
    const perPosition = [...this.perPosition.values()].reduce((n, a) => n + a.byteLength, 0)
    return this.keyStart.byteLength + this.keyList.byteLength + (this.everyKey?.byteLength ?? 0) + (this.keyTable?.bytes ?? 0) + perPosition
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
   * Adds the positions of `bits` (null: every one) to `table` (see SearchIndex.crossCount): each
   * key's count as countInto() counts it, the histogram from each position's number of keys of its
   * facet (worked out once); each row key's count with each
   * column key by intersecting their bit sets (a few hundred popcounts over a segment's words,
   * where adding every key of every position to each of its rows took 100 ms at 100,000).
   * Returns how many positions it added.
   */
  crossInto(bits: Uint32Array | null, table: CrossTable): number {
    if (this.size === 0) return 0
    const { keyStart, keyList, size } = this
    const facets = this.dictionary.facets
    const { histogramFacet, histogram } = table
    // Every key's count as a search with no filter counts it (from the counts over every position, when most count).
    let total = size
    if (bits === null) {
      const every = this.everyKeyCounts()
      for (let key = 0; key < every.length; key++) table.perKey[key]! += every[key]!
    } else {
      total = this.countInto(bits, noChoice, table.perKey, new Uint8Array(size), 0)
    }
    let per = this.perPosition.get(histogramFacet)
    if (!per) {
      per = new Uint8Array(size)
      for (let p = 0; p < size; p++) for (let i = keyStart[p]!; i < keyStart[p + 1]!; i++) if (facets[keyList[i]!] === histogramFacet) per[p]!++
      this.perPosition.set(histogramFacet, per)
    }
    for (let p = 0; p < size; p++) {
      if (bits !== null && (bits[p >>> 5]! & (1 << (p & 31))) === 0) continue
      histogram[per[p]!] = (histogram[per[p]!] ?? 0) + 1
    }
    this.keyTable ??= buildKeyTable(this.size, keyStart, keyList, facets, listParams.length)
    const { keyBits, facetKeys } = this.keyTable
    for (const f of table.rowFacets) {
      // A row's own facet is not counted among the positions holding it: count() counts it over all.
      const columns = table.columnFacets.flatMap((c) => (c === f ? [] : facetKeys[c]!))
      for (const rowKey of facetKeys[f]!) {
        let rowBits = keyBits[rowKey]!
        if (bits !== null) rowBits = rowBits.map((word, w) => word & bits[w]!)
        let row = table.rows.get(rowKey)
        if (!row) table.rows.set(rowKey, (row = new Int32Array(table.perKey.length)))
        for (const key of columns) {
          const kb = keyBits[key]!
          let n = 0
          for (let w = 0; w < rowBits.length; w++) n += popcount(rowBits[w]! & kb[w]!)
          row[key]! += n
        }
        // Its own count too: the total of the search for it.
        let own = 0
        for (let w = 0; w < rowBits.length; w++) own += popcount(rowBits[w]!)
        row[rowKey]! += own
      }
    }
    return total
  }

  /** Every key's count over every position, worked out the first time it is asked for. */
  private everyKeyCounts(): Int32Array {
    if (!this.everyKey) {
      const every = new Int32Array(this.dictionary.size)
      for (let i = 0; i < this.keyList.length; i++) every[this.keyList[i]!]!++
      this.everyKey = every
    }
    return this.everyKey
  }

  /**
   * Counts without chosen filters for a text most case studies match (a common word): the counts
   * over every position less those of the few that do not match, instead of adding up the many
   * that do (at 100,000 case studies, 1.5 million keys to add up for a word in 98 % of them).
   */
  private countByComplement(bits: Uint32Array, perKey: Int32Array, passing: Uint8Array, offset: number): number {
    const { keyStart, keyList, size } = this
    const every = this.everyKeyCounts()
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
