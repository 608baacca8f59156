// The search engine kept up to date in place. It starts by reading every published case study
// into segments of up to segmentSize, by id range (segment.ts); then each change the page cache
// passes on (content_changes, read by every instance) is applied without rebuilding: the changed
// case studies are read again, their old positions marked dead, and the published ones indexed
// apart, in the delta (delta.ts), with the sorted lists merged (search-index.ts). A change of
// hundreds of case studies, a delta grown large, or `coophub search rebuild` has segments read
// again in the background, one at a time, while the current index keeps answering: the memory
// added is one segment's, never a second engine's.
import type { Database } from '../../db/client.ts'
import type { ContentChanges, FollowsContent } from '../../web/content-changes.ts'
import { publishedAmong, readBatch, readIds, readRange, segmentRowOf } from './engine-rows.ts'
import type { EngineRow } from './engine-rows.ts'
import { KeyDictionary } from './facet-index.ts'
import { ListingNames, listRows } from './listing.ts'
import { BodyCache, SearchEngine } from './search-engine.ts'
import { Delta } from './delta.ts'
import { SearchIndex, segmentFor } from './search-index.ts'
import { SegmentBuilder, segmentSize } from './segment.ts'
import type { Segment } from './segment.ts'

export interface EngineOptions {
  /** Room for bodies kept for snippets (64 MB unless a test asks for less). */
  bodyCacheBytes?: number
  /** Case studies per segment (tests make them small). */
  segmentSize?: number
  /** Changed case studies kept in the delta before the segment holding most of them is read again. */
  maxChanged?: number
  /** A change of more case studies than this is read by segment in the background. */
  maxDirect?: number
  /** Told of what fails in the background (the engine keeps answering with what it has). */
  onError?: (error: unknown) => void
}

const defaults = { bodyCacheBytes: 64 * 1024 * 1024, segmentSize, maxChanged: 1_024, maxDirect: 200 }

/** Every id is in one segment's range. */
const lastId = 2 ** 31
/** After a failed read of a segment, the next try. */
const retryMs = 5_000

/** Reads the published case studies with lo ≤ id < hi into segments of up to `size`. */
async function readSegments(db: Database, dictionary: KeyDictionary, lo: number, hi: number, size: number): Promise<Segment[]> {
  const segments: Segment[] = []
  let builder = new SegmentBuilder(dictionary, size)
  let from = lo
  let batch = await readRange(db, lo - 1, hi)
  while (batch.length > 0) {
    // The next batch is read while this one is indexed: the database and this process work at once.
    const next: Promise<EngineRow[]> = batch.length < readBatch ? Promise.resolve([]) : readRange(db, batch[batch.length - 1]!.id, hi)
    // Awaited below; until then a failure must not count as unhandled.
    next.catch(() => undefined)
    const listed = await listRows(db, batch, true)
    for (const row of batch) {
      if (builder.full) {
        segments.push(builder.build(from, row.id))
        from = row.id
        builder = new SegmentBuilder(dictionary, size)
      }
      builder.add(segmentRowOf(row, listed.get(row.id)))
    }
    batch = await next
  }
  segments.push(builder.build(from, hi))
  return segments
}

export class LiveSearchEngine implements FollowsContent {
  private readonly options: typeof defaults & Pick<EngineOptions, 'onError'>
  private readonly delta: Delta
  /** Published case studies changed in a large change, waiting for their segment to be read again, with when they were seen. */
  private readonly pending = new Map<number, number>()
  /** When each segment's read began (a seq, as the delta's changes have): a change read before that is older than the segment. */
  private readonly builtAt = new WeakMap<Segment, number>()
  private seq = 0
  /** Every segment from this id on is to be read again (a rebuild in progress); null: none. */
  private rebuildFrom: number | null = null
  /** Moves each time a rebuild is asked for: one asked during a segment's read starts again from the first. */
  private rebuilds = 0
  private worker: Promise<void> | null = null
  private closed = false
  private index: SearchIndex
  private snapshot: SearchEngine

  private constructor(
    private readonly db: Database,
    private segments: Segment[],
    private names: ListingNames,
    private readonly bodies: BodyCache,
    private readonly dictionary: KeyDictionary,
    options: EngineOptions,
  ) {
    this.options = { ...defaults, ...options }
    this.delta = new Delta(dictionary)
    for (const segment of segments) this.builtAt.set(segment, 0)
    this.index = new SearchIndex(this.delta.parts(segments), dictionary)
    this.snapshot = new SearchEngine(db, this.index, names, bodies, false)
  }

  /** Reads every published case study (seconds at 100,000), then the newest bodies. */
  static async start(db: Database, options: EngineOptions = {}): Promise<LiveSearchEngine> {
    const o = { ...defaults, ...options }
    const dictionary = new KeyDictionary()
    const names = await ListingNames.read(db)
    const segments = await readSegments(db, dictionary, 0, lastId, o.segmentSize)
    const bodies = new BodyCache(o.bodyCacheBytes)
    const engine = new LiveSearchEngine(db, segments, names, bodies, dictionary, options)
    await bodies.readNewest(db, engine.index)
    return engine
  }

  /** The engine as it is now; a search keeps the one it started with. */
  current(): SearchEngine {
    return this.snapshot
  }

  /** Case studies held (published ones), segments, changed rows in the delta, and bytes of typed arrays and bodies. */
  get stats() {
    return {
      rows: this.index.rows,
      segments: this.segments.length,
      changed: this.delta.size,
      pending: this.pending.size,
      indexBytes: this.index.bytes,
      bodyBytes: this.bodies.bytes,
    }
  }

  /**
   * Applies a change: each changed case study read again (a few milliseconds for one), or, for a
   * change of more than maxDirect, the unpublished ones taken out at once and the segments of the
   * others read again in the background. Never rejects: what fails has the engine read again.
   */
  async followChanges(changes: ContentChanges): Promise<void> {
    const ids = [...new Set(changes.caseStudyIds)]
    const names = changes.everything || ['organisations', 'principles', 'themes'].some((s) => changes.subjects.has(s))
    // A change of contacts only (people): nothing the engine holds.
    if (!names && ids.length === 0) return
    try {
      if (names) this.names = await ListingNames.read(this.db)
      if (changes.everything) {
        this.bodies.clear()
        this.rebuildAll()
      } else if (ids.length > this.options.maxDirect) {
        await this.takeOutUnpublished(ids)
      } else if (ids.length > 0) {
        await this.readAgain(ids)
      }
    } catch (error) {
      this.options.onError?.(error)
      this.rebuildAll()
    }
    this.install()
    this.work()
  }

  private rebuildAll(): void {
    this.rebuildFrom = 0
    this.rebuilds++
  }

  close(): void {
    this.closed = true
  }

  /** Resolves once nothing is being read in the background. */
  async idle(): Promise<void> {
    while (this.worker) await this.worker
  }

  private async readAgain(ids: number[]): Promise<void> {
    const seq = ++this.seq
    const byId = new Map((await readIds(this.db, ids)).map((r) => [r.id, r]))
    for (const id of ids) {
      if (this.olderThanSegment(id, seq)) continue
      this.delta.set(id, byId.get(id) ?? null, seq)
      this.pending.delete(id)
      this.bodies.delete(id)
    }
  }

  /** For a large change: out of search at once when no longer published; read with their segments otherwise. */
  private async takeOutUnpublished(ids: number[]): Promise<void> {
    const seq = ++this.seq
    const published = await publishedAmong(this.db, ids)
    for (const id of ids) {
      if (this.olderThanSegment(id, seq)) continue
      this.bodies.delete(id)
      if (published.has(id)) {
        this.pending.set(id, seq)
      } else {
        this.delta.set(id, null, seq)
        this.pending.delete(id)
      }
    }
  }

  /** Whether the segment holding the id was read after this change was (so it is newer). */
  private olderThanSegment(id: number, seq: number): boolean {
    const segment = this.segments[segmentFor(this.segments, id)]
    return segment !== undefined && (this.builtAt.get(segment) ?? 0) > seq
  }

  private install(): void {
    this.index = new SearchIndex(this.delta.parts(this.segments), this.dictionary, this.index)
    this.snapshot = new SearchEngine(this.db, this.index, this.names, this.bodies, this.rebuildFrom !== null || this.pending.size > 0)
  }

  /** Reads segments again in the background, one at a time, while there is a reason to. */
  private work(): void {
    if (this.worker || this.closed) return
    this.worker = (async () => {
      for (let next = this.nextToRead(); next && !this.closed; next = this.nextToRead()) {
        try {
          await this.readSegmentAgain(next)
        } catch (error) {
          this.options.onError?.(error)
          // The database may be back in a moment: the index answers as it is meanwhile.
          setTimeout(() => this.work(), retryMs).unref()
          return
        }
      }
    })().finally(() => (this.worker = null))
  }

  /** The segment to read again next: the rebuild's next one, one holding a pending change, or the one holding most changed rows when the delta is large. */
  private nextToRead(): Segment | null {
    if (this.rebuildFrom !== null) return this.segments[segmentFor(this.segments, this.rebuildFrom)] ?? null
    const [pendingId] = this.pending.keys()
    if (pendingId !== undefined) return this.segments[segmentFor(this.segments, pendingId)] ?? null
    if (this.delta.size <= this.options.maxChanged) return null
    const counts = new Map<Segment, number>()
    for (const id of this.delta.ids()) {
      const segment = this.segments[segmentFor(this.segments, id)]!
      counts.set(segment, (counts.get(segment) ?? 0) + 1)
    }
    return [...counts].sort((a, b) => b[1] - a[1])[0]![0]
  }

  private async readSegmentAgain(old: Segment): Promise<void> {
    const began = ++this.seq
    const rebuilds = this.rebuilds
    const read = await readSegments(this.db, this.dictionary, old.lo, old.hi, this.options.segmentSize)
    const at = this.segments.indexOf(old)
    if (at === -1 || this.closed) return
    this.segments = [...this.segments.slice(0, at), ...read, ...this.segments.slice(at + 1)]
    for (const segment of read) this.builtAt.set(segment, began)
    // What the segment read holds is newer than changes read before it began.
    this.delta.dropBefore(old.lo, old.hi, began)
    for (const [id, seen] of this.pending) if (id >= old.lo && id < old.hi && seen < began) this.pending.delete(id)
    if (this.rebuildFrom !== null && this.rebuilds === rebuilds) this.rebuildFrom = old.hi >= lastId ? null : old.hi
    this.install()
  }
}

/** A search engine read now, not following changes: for tests and the benchmark's account of memory. */
export async function loadSearchEngine(db: Database, bodyCacheBytes?: number): Promise<SearchEngine> {
  return (await LiveSearchEngine.start(db, bodyCacheBytes === undefined ? {} : { bodyCacheBytes })).current()
}
