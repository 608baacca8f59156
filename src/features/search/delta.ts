// The case studies changed since their segment was read: as read again (null when no longer
// published), when (a number that grows with every read, so that a segment read later can be
// told newer), and indexed in two layers so that one more change costs little: the recent layer,
// of the last few changes, built again at each change, and the older layer, built again when
// the recent layer grows past recentMax (every changed row then moves to it) or when rows leave
// the delta because their segment was read again. Pure.
import type { KeyDictionary } from './facet-index.ts'
import { partsOf } from './search-index.ts'
import type { Part } from './search-index.ts'
import { segmentOf } from './segment.ts'
import type { Segment, SegmentRow } from './segment.ts'

interface Entry {
  row: SegmentRow | null
  seq: number
  layer: 'older' | 'recent'
}

export class Delta {
  private readonly entries = new Map<number, Entry>()
  private recentCount = 0
  private older: Segment | null = null
  private recent: Segment | null = null
  private olderStale = false
  private recentStale = false

  constructor(
    private readonly dictionary: KeyDictionary,
    private readonly recentMax = 64,
  ) {}

  get size(): number {
    return this.entries.size
  }

  ids(): IterableIterator<number> {
    return this.entries.keys()
  }

  has(id: number): boolean {
    return this.entries.has(id)
  }

  /** The case study as read at `seq`: null when it is no longer published. */
  set(id: number, row: SegmentRow | null, seq: number): void {
    const old = this.entries.get(id)
    if (old?.layer !== 'recent') this.recentCount++
    this.entries.set(id, { row, seq, layer: 'recent' })
    this.recentStale = true
  }

  /** Forgets the changes to ids lo ≤ id < hi read before `seq` (their segment has been read since); returns their ids. */
  dropBefore(lo: number, hi: number, seq: number): number[] {
    const dropped: number[] = []
    for (const [id, entry] of this.entries) {
      if (id < lo || id >= hi || entry.seq >= seq) continue
      this.entries.delete(id)
      dropped.push(id)
      if (entry.layer === 'recent') {
        this.recentCount--
        this.recentStale = true
      } else {
        this.olderStale = true
      }
    }
    return dropped
  }

  /** The index's parts: the segments with every changed row dead there, then the two layers. */
  parts(segments: readonly Segment[]): Part[] {
    if (this.recentCount > this.recentMax) {
      for (const entry of this.entries.values()) entry.layer = 'older'
      this.recentCount = 0
      this.olderStale = this.recentStale = true
    }
    if (this.olderStale) this.older = this.layer('older')
    if (this.recentStale) this.recent = this.layer('recent')
    this.olderStale = this.recentStale = false
    const layers = [
      ...(this.older ? [{ segment: this.older, current: (id: number) => this.entries.get(id)?.layer === 'older' }] : []),
      ...(this.recent ? [{ segment: this.recent, current: () => true }] : []),
    ]
    return partsOf(segments, this.entries.keys(), layers)
  }

  private layer(layer: Entry['layer']): Segment | null {
    const rows = [...this.entries.values()].flatMap((e) => (e.layer === layer && e.row ? [e.row] : []))
    return rows.length > 0 ? segmentOf(rows, this.dictionary) : null
  }
}
