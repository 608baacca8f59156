import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { FacetIndex } from './facet-index.ts'
import type { IndexRow, MatchSet } from './facet-index.ts'
import { ListingBuilder, listedColumns } from './listing.ts'
import type { ListedColumns, ListedRow } from './listing.ts'
import { tsquery } from './search-query.ts'
import type { FoundRow } from './search-query.ts'
import { TextIndexBuilder } from './text-index.ts'
import type { Bits, TextIndex } from './text-index.ts'
import { wantedLexemes } from './tsquery-text.ts'
import type { TsNode } from './tsquery-text.ts'

/** Match sets kept per text, up to this many bytes (a common word at 100,000 case studies is under 0.5 MB). */
const matchCacheBytes = 48 * 1024 * 1024
/**
 * Bodies kept for snippets, up to about this many bytes: all of them at 10,000 case studies (22 MB
 * of text in the generated set), the newest quarter at 100,000. Reading a page's bodies was the
 * one query left in most searches, and on the embedded database each waits its turn.
 */
const defaultBodyCacheBytes = 64 * 1024 * 1024
/** Bodies read per query when the engine is built. */
const bodyBatch = 1_000

/** About how much memory a kept body takes (mostly one byte a character: V8 keeps Latin-1 text so). */
const bodySize = (body: string) => body.length + 64

/** A text to search for and PostgreSQL's reading of it (null: one the index cannot answer alone). */
export interface TextQuery {
  q: string
  tree: TsNode | null
}

/**
 * The in-memory side of search for one state of the content: the facet index, the text index,
 * each text's matches once found, and the rows of results pages once shown. Built again when content changes (the page cache's memo
 * forgets it), so nothing here outlives the content it was read from.
 */
export class SearchEngine {
  private readonly cache = new Map<string, Promise<MatchSet>>()
  /** Bytes of each loaded match set; a set still loading has none yet and is never evicted. */
  private readonly sizes = new Map<string, number>()
  private bytes = 0
  private readonly bodies = new Map<number, string>()
  private bodyBytes = 0

  constructor(
    private readonly db: Database,
    readonly index: FacetIndex,
    readonly text: TextIndex,
    /** Every published case study as a page of results lists it. */
    private readonly listing: ReadonlyMap<number, ListedRow>,
    private readonly bodyCacheBytes = defaultBodyCacheBytes,
  ) {}

  /** Published case studies matching the text, best first by their title and summary. */
  matches(query: TextQuery): Promise<MatchSet> {
    const { q } = query
    let entry = this.cache.get(q)
    if (entry) {
      // Most recently used last, so the least recently used go first.
      this.cache.delete(q)
      this.cache.set(q, entry)
      return entry
    }
    const loading = this.load(query)
    entry = loading
    this.cache.set(q, loading)
    loading.then(
      (m) => {
        if (this.cache.get(q) !== loading) return
        const size = m.positions.byteLength + m.bits.byteLength
        this.sizes.set(q, size)
        this.bytes += size
        this.evict(q)
      },
      () => this.cache.delete(q),
    )
    return entry
  }

  /**
   * The rows of a page of results, in order, from the listing read with the engine; with their body
   * when `withBody` (for snippets), each body read from the database once while this content lasts
   * and room allows: results pages keep showing the same case studies (the best matches of common
   * words, the newest).
   */
  async rowsOf(ids: readonly number[], withBody: boolean): Promise<FoundRow[]> {
    const listed = ids.flatMap((id) => this.listing.get(id) ?? [])
    if (!withBody) return listed.map((row) => ({ ...row, body: null }))
    const missing = listed.filter((row) => !this.bodies.has(row.id)).map((row) => row.id)
    // Read now: used for this page whether or not there is room to keep them.
    const read = new Map<number, string>()
    if (missing.length > 0) {
      for (const { id, body } of await bodiesOf(this.db, missing)) read.set(id, body)
    }
    const found = listed.map((row) => {
      const body = this.bodies.get(row.id) ?? read.get(row.id) ?? null
      if (body !== null && !read.has(row.id)) {
        // Most recently used last, so the least recently used go first.
        this.bodies.delete(row.id)
        this.bodies.set(row.id, body)
      }
      return { ...row, body }
    })
    for (const [id, body] of read) this.keepBody(id, body)
    return found
  }

  /** Reads the bodies of the newest case studies until the cache is full, a batch at a time. */
  async readBodies(): Promise<void> {
    const order = this.index.newestPublished
    for (let from = 0; from < order.length && this.bodyBytes < this.bodyCacheBytes; from += bodyBatch) {
      const ids = Array.from(order.subarray(from, from + bodyBatch), (p) => this.index.idAt(p))
      for (const { id, body } of await bodiesOf(this.db, ids)) {
        if (this.bodyBytes + bodySize(body) > this.bodyCacheBytes) return
        this.keepBody(id, body)
      }
    }
  }

  private keepBody(id: number, body: string): void {
    const old = this.bodies.get(id)
    if (old !== undefined) this.bodyBytes -= bodySize(old)
    this.bodies.set(id, body)
    this.bodyBytes += bodySize(body)
    for (const [oldestId, oldest] of this.bodies) {
      if (this.bodyBytes <= this.bodyCacheBytes) break
      this.bodies.delete(oldestId)
      this.bodyBytes -= bodySize(oldest)
    }
  }

  private evict(keep: string): void {
    for (const key of [...this.cache.keys()]) {
      if (this.bytes <= matchCacheBytes) return
      const size = this.sizes.get(key)
      if (size === undefined || key === keep) continue
      this.cache.delete(key)
      this.sizes.delete(key)
      this.bytes -= size
    }
  }

  private async load({ q, tree }: TextQuery): Promise<MatchSet> {
    let bits: Bits
    if (tree && this.text.answers(tree)) bits = this.text.evaluate(tree)
    else bits = await this.askDatabase(q)
    return { positions: this.text.rank(bits, tree ? wantedLexemes(tree) : [], this.index.newestPublished), bits }
  }

  /**
   * Matches of a query the index cannot answer: one it cannot read, a phrase of more than words
   * (websearch_to_tsquery makes none), or any query when a vector could not be read.
   */
  private async askDatabase(q: string): Promise<Bits> {
    // For a word most case studies use, the planner prefers reading the whole table, which
    // unpacks every stored vector: 186 ms against 28 ms through the index at 10,000 case studies
    // (measured). The index answers exactly. Only published rows have a vector.
    const rows = await this.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`)
      return (await tx.execute<{ id: number }>(sql`SELECT id FROM case_studies WHERE search_vector @@ ${tsquery(q)}`)).rows
    })
    return this.bitsOf(rows)
  }

  private bitsOf(rows: ReadonlyArray<{ id: number }>): Bits {
    const bits = this.text.emptyBits()
    for (const { id } of rows) {
      const p = this.index.positionOf(id)
      if (p !== undefined) bits[p >>> 5]! |= 1 << (p & 31)
    }
    return bits
  }
}

const bodiesOf = async (db: Database, ids: readonly number[]) =>
  (await db.execute<{ id: number; body: string }>(sql`SELECT id, body FROM case_studies WHERE id IN (SELECT json_array_elements_text(${JSON.stringify(ids)}::json)::int)`)).rows

/** Case studies read per query while loading, so that the whole text never sits in memory at once. */
const loadBatch = 5_000

type EngineRow = ListedColumns & { keys: string[] | null; published: number | null; vector: string | null; ranked: string | null }

const readBatch = async (db: Database, after: number) =>
  (
    await db.execute<EngineRow>(sql`
      SELECT id, facet_keys AS keys, year_start, extract(epoch FROM published_at)::float8 AS published, title, ${listedColumns},
        search_vector::text AS vector, rank_vector::text AS ranked
      FROM case_studies WHERE status = 'published' AND id > ${after} ORDER BY id LIMIT ${loadBatch}`)
  ).rows

/**
 * Reads every published case study's facet keys, order fields, vectors and listing into the
 * engine, then the newest bodies; `bodyCacheBytes`: room for bodies (64 MB unless a test asks for less).
 */
export async function loadSearchEngine(db: Database, bodyCacheBytes = defaultBodyCacheBytes): Promise<SearchEngine> {
  const rows: IndexRow[] = []
  const text = new TextIndexBuilder()
  const listing = await ListingBuilder.start(db)
  let batch = await readBatch(db, 0)
  while (batch.length > 0) {
    // The next batch is read while this one is indexed: the database and this process work at once.
    const next = batch.length < loadBatch ? Promise.resolve([]) : readBatch(db, batch[batch.length - 1]!.id)
    const links = listing.add(db, batch)
    for (const r of batch) {
      rows.push({ id: r.id, keys: r.keys ?? [], yearStart: r.year_start, publishedAt: r.published === null ? null : Number(r.published), title: r.title })
      text.add(r.vector, r.ranked)
    }
    await links
    batch = await next
  }
  const engine = new SearchEngine(db, new FacetIndex(rows), text.build(), listing.listing, bodyCacheBytes)
  await engine.readBodies()
  return engine
}
