// One segment of the search engine: the published case studies with ids in a range, read in id
// order, as a text index, a facet index and the fields the lists are sorted by. A segment never
// changes once built; the engine replaces it whole (search-index.ts puts segments side by side).
// Segments are kept small enough that building one beside the engine costs little memory. Pure.
import { FacetIndex } from './facet-index.ts'
import type { IndexRow, KeyDictionary } from './facet-index.ts'
import { ListingColumns } from './listing.ts'
import type { ListedData } from './listing.ts'
import { noYear, sortedOrders } from './sort-orders.ts'
import type { Orders, SortFields } from './sort-orders.ts'
import { TextIndexBuilder, maxIndexSize } from './text-index.ts'
import type { TextIndex } from './text-index.ts'

/** A published case study as the engine reads it: facet keys, sort fields, its two vectors as PostgreSQL prints them, and what a results page lists. */
export interface SegmentRow extends IndexRow {
  vector: string | null
  ranked: string | null
  /** The language of its text: a Welsh case study's vectors hold its words unstemmed. English when not given. */
  language?: string
  /** Its translation group (case_studies.translation_group): versions of one work in each language. */
  translationGroup?: number | null
  listed?: ListedData
}

/** A case study of the segment that has (or may have) a version in the other language. */
export interface Translated {
  local: number
  group: number
  welsh: boolean
}

export interface Segment {
  /** The ids it answers for: lo ≤ id < hi. */
  lo: number
  hi: number
  size: number
  /** ids ascending. */
  fields: SortFields
  orders: Orders
  text: TextIndex
  facets: FacetIndex
  listing: ListingColumns
  /** Its case studies in a translation group, by position: few, so a list. */
  translations: readonly Translated[]
}

/**
 * Case studies per segment: a segment is built beside the serving engine, so this bounds the
 * memory a rebuild adds (and the work of reading the newest one again through a bulk load); at
 * 100,000 case studies searches took as long with 12 segments as with 6.
 */
export const segmentSize = 8_192

export class SegmentBuilder {
  private readonly text = new TextIndexBuilder()
  private readonly ids: number[] = []
  private readonly years: number[] = []
  private readonly published: number[] = []
  private readonly titles: string[] = []
  private readonly keyStart: number[] = [0]
  private readonly keyList: number[] = []
  private readonly listed: Array<ListedData | undefined> = []
  private readonly translations: Translated[] = []

  constructor(
    private readonly dictionary: KeyDictionary,
    private readonly capacity = segmentSize,
  ) {
    if (capacity > maxIndexSize) throw new Error(`a segment holds at most ${maxIndexSize} case studies`)
  }

  get size(): number {
    return this.ids.length
  }

  get full(): boolean {
    return this.ids.length >= this.capacity
  }

  get lastId(): number | undefined {
    return this.ids[this.ids.length - 1]
  }

  /** The next row; ids must ascend. */
  add(row: SegmentRow): void {
    const last = this.lastId
    if (last !== undefined && row.id <= last) throw new Error(`segment rows must come in order of id (${row.id} after ${last})`)
    this.ids.push(row.id)
    this.years.push(row.yearStart ?? noYear)
    this.published.push(row.publishedAt ?? -Infinity)
    this.titles.push(row.title.toLowerCase())
    for (const key of row.keys) this.keyList.push(this.dictionary.idOf(key))
    this.keyStart.push(this.keyList.length)
    if (row.translationGroup !== undefined && row.translationGroup !== null)
      this.translations.push({ local: this.ids.length - 1, group: row.translationGroup, welsh: row.language === 'cy' })
    this.text.add(row.vector, row.ranked, row.language === 'cy')
    this.listed.push(row.listed)
  }

  build(lo: number, hi: number): Segment {
    const size = this.ids.length
    const fields: SortFields = {
      ids: Int32Array.from(this.ids),
      years: Int32Array.from(this.years),
      published: Float64Array.from(this.published),
      titles: this.titles,
    }
    return {
      lo,
      hi,
      size,
      fields,
      orders: sortedOrders(fields, size),
      text: this.text.build(),
      facets: new FacetIndex(Int32Array.from(this.keyStart), Int32Array.from(this.keyList), this.dictionary),
      listing: new ListingColumns(this.listed),
      translations: this.translations,
    }
  }
}

/** A segment of the rows given (any order), answering for ids lo ≤ id < hi. */
export function segmentOf(rows: readonly SegmentRow[], dictionary: KeyDictionary, lo = 0, hi = Number.MAX_SAFE_INTEGER): Segment {
  const builder = new SegmentBuilder(dictionary, Math.max(1, Math.min(maxIndexSize, rows.length)))
  for (const row of [...rows].sort((a, b) => a.id - b.id)) builder.add(row)
  return builder.build(lo, hi)
}

/** Where a case study is in the segment (its position), or -1. */
export function positionIn(segment: Segment, id: number): number {
  const ids = segment.fields.ids
  let lo = 0
  let hi = segment.size - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const at = ids[mid]!
    if (at === id) return mid
    if (at < id) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}
