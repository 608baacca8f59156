import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import type { MatchSet } from './facet-index.ts'
import type { ListingNames } from './listing.ts'
import { tsquery } from '../../db/text-search.ts'
import type { FoundRow } from './search-query.ts'
import type { SearchIndex } from './search-index.ts'
import type { Bits } from './text-index.ts'
import { tsqueryText, wantedLexemes, welshTree } from './tsquery-text.ts'
import type { TsNode } from './tsquery-text.ts'

/** Match sets kept per text, up to this many bytes: room for about a hundred of the largest (a common word's in a big library). */
const matchCacheBytes = 48 * 1024 * 1024
/** Most terms a search for some of its words counts: each is a match set of its own. */
const maxTerms = 8

interface Terms {
  wanted: TsNode[]
  unwanted: TsNode[]
}

/** The terms of a text whose terms must all hold (two or more wanted), or null. */
export function termsOf(tree: TsNode): Terms | null {
  if (tree.op !== 'and') return null
  const wanted = tree.args.filter((arg) => arg.op !== 'not')
  if (wanted.length < 2 || wanted.length > maxTerms) return null
  return { wanted, unwanted: tree.args.filter((arg) => arg.op === 'not') }
}

/** Bodies read per query when the engine starts. */
const bodyBatch = 1_000

/** A text to search for and PostgreSQL's reading of it (null: one the index cannot answer alone). */
export interface TextQuery {
  q: string
  tree: TsNode | null
}

/**
 * Bodies kept for snippets, up to a number of bytes: all of them in a library of ten thousand, the
 * newest in a larger one (docs/benchmarks.md). Reading a page's bodies was the one
 * query left in most searches, and on the embedded database each waits its turn. The least
 * recently used go first; a changed case study's body is dropped and read again when shown. Kept
 * as UTF-8: a JavaScript string of text with one character past Latin-1 (a curly quote) takes
 * two bytes a character.
 */
export class BodyCache {
  private readonly bodies = new Map<number, Buffer>()
  private size = 0

  constructor(readonly capacity: number) {}

  get bytes(): number {
    return this.size
  }

  has(id: number): boolean {
    return this.bodies.has(id)
  }

  /** The body, marked as recently used. */
  get(id: number): string | undefined {
    const body = this.bodies.get(id)
    if (body === undefined) return undefined
    this.bodies.delete(id)
    this.bodies.set(id, body)
    return body.toString('utf8')
  }

  keep(id: number, text: string): void {
    this.delete(id)
    const body = Buffer.from(text)
    this.bodies.set(id, body)
    this.size += bodySize(body)
    for (const [oldestId] of this.bodies) {
      if (this.size <= this.capacity) break
      this.delete(oldestId)
    }
  }

  delete(id: number): void {
    const old = this.bodies.get(id)
    if (old === undefined) return
    this.bodies.delete(id)
    this.size -= bodySize(old)
  }

  clear(): void {
    this.bodies.clear()
    this.size = 0
  }

  /** Reads the bodies of the newest case studies until full, a batch at a time. */
  async readNewest(db: Database, index: SearchIndex): Promise<void> {
    const order = index.newestPublished
    for (let from = 0; from < order.length && this.size < this.capacity; from += bodyBatch) {
      const ids = Array.from(order.subarray(from, from + bodyBatch), (p) => index.idAt(p))
      for (const { id, body } of await bodiesOf(db, ids)) {
        if (this.size + Buffer.byteLength(body) + perBody > this.capacity) return
        this.keep(id, body)
      }
    }
  }
}

/** About how much memory a kept body takes: its bytes and the buffer's own. */
const perBody = 96
const bodySize = (body: Buffer) => body.byteLength + perBody

const bodiesOf = async (db: Database, ids: readonly number[]) =>
  (
    await db.execute<{ id: number; body: string }>(
      sql`SELECT id, body FROM case_studies WHERE id IN (SELECT json_array_elements_text(${JSON.stringify(ids)}::json)::int)`,
    )
  ).rows

/**
 * The in-memory side of search for one state of the content, as the live engine
 * (live-search-engine.ts) last made it: the index, each text's matches once found, and the rows
 * of results pages. A search holds one from start to end, so it never sees a change halfway.
 */
export class SearchEngine {
  private readonly cache = new Map<string, Promise<MatchSet>>()
  /** Bytes of each loaded match set; a set still loading has none yet and is never evicted. */
  private readonly sizes = new Map<string, number>()
  private bytes = 0

  constructor(
    private readonly db: Database,
    readonly index: SearchIndex,
    /** The names results pages show (members, principles, themes), as they are now. */
    private readonly names: ListingNames,
    private readonly bodies: BodyCache,
    /**
     * The index misses changes it has been told of, being read again in the background (after a
     * change of thousands of case studies): results may be slightly old, and pages made from
     * them are not cached.
     */
    readonly stale: boolean,
  ) {}

  /** Published case studies matching the text, best first by their title and summary. */
  matches(query: TextQuery): Promise<MatchSet> {
    return this.remembered(query.q, () => this.load(query))
  }

  /**
   * Published case studies with some of the text's terms (the words and phrases it asks for, each
   * as a whole), those with most of them first, then by their title and summary; a "-word" still
   * leaves a case study out. Null when the text is not several terms that must all hold.
   */
  matchesSome(query: TextQuery): Promise<MatchSet> | null {
    const terms = query.tree ? termsOf(query.tree) : null
    if (!terms) return null
    return this.remembered(`\u0000some\u0000${query.q}`, () => this.loadSome(terms))
  }

  private remembered(q: string, load: () => Promise<MatchSet>): Promise<MatchSet> {
    let entry = this.cache.get(q)
    if (entry) {
      // Most recently used last, so the least recently used go first.
      this.cache.delete(q)
      this.cache.set(q, entry)
      return entry
    }
    const loading = load()
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
   * The rows of a page of results, in order, from the segments' listings; with their body when
   * `withBody` (for snippets), each body read from the database once while room allows: results
   * pages keep showing the same case studies (the best matches of common words, the newest).
   */
  async rowsOf(ids: readonly number[], withBody: boolean): Promise<FoundRow[]> {
    const listed = ids.flatMap((id) => {
      const at = this.index.locate(id)
      return at ? [at.segment.listing.row(at.local, id, this.names)] : []
    })
    if (!withBody) return listed.map((row) => ({ ...row, body: null }))
    const missing = listed.filter((row) => !this.bodies.has(row.id)).map((row) => row.id)
    // Read now: used for this page whether or not there is room to keep them.
    const read = new Map<number, string>()
    if (missing.length > 0) {
      for (const { id, body } of await bodiesOf(this.db, missing)) read.set(id, body)
    }
    const found = listed.map((row) => ({ ...row, body: read.get(row.id) ?? this.bodies.get(row.id) ?? null }))
    for (const [id, body] of read) this.bodies.keep(id, body)
    return found
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
    const bits = await this.bitsOf(q, tree)
    return { positions: this.index.rank(bits, tree ? wantedLexemes(tree) : []), bits }
  }

  private bitsOf(q: string, tree: TsNode | null): Promise<Bits> | Bits {
    return tree && this.index.answers(tree) ? this.index.evaluate(tree) : this.askDatabase(q, tree)
  }

  private async loadSome({ wanted, unwanted }: Terms): Promise<MatchSet> {
    const held = new Uint8Array(this.index.size)
    const bits = this.index.emptyBits()
    for (const term of wanted) {
      const termBits = await this.bitsOf('', term)
      for (let w = 0; w < bits.length; w++) {
        bits[w]! |= termBits[w]!
        for (let word = termBits[w]!; word !== 0; word &= word - 1) held[w * 32 + 31 - Math.clz32(word & -word)]!++
      }
    }
    for (const term of unwanted) {
      const termBits = await this.bitsOf('', term)
      for (let w = 0; w < bits.length; w++) bits[w]! &= termBits[w]!
    }
    const lexemes = wantedLexemes({ op: 'and', args: wanted })
    const ranked: Int32Array[] = []
    for (let n = wanted.length; n >= 1; n--) {
      const some = this.index.emptyBits()
      for (let w = 0; w < bits.length; w++) {
        for (let word = bits[w]!; word !== 0; word &= word - 1) {
          const bit = word & -word
          if (held[w * 32 + 31 - Math.clz32(bit)] === n) some[w]! |= bit
        }
      }
      ranked.push(this.index.rank(some, lexemes))
    }
    const positions = new Int32Array(ranked.reduce((sum, r) => sum + r.length, 0))
    let at = 0
    for (const r of ranked) {
      positions.set(r, at)
      at += r.length
    }
    return { positions, bits }
  }

  /**
   * Matches of a query the index cannot answer: one it cannot read, a phrase of more than words
   * (websearch_to_tsquery makes none), or any query when a vector could not be read.
   */
  private async askDatabase(q: string, tree: TsNode | null): Promise<Bits> {
    // For a word most case studies use, the planner prefers reading the whole table, which
    // unpacks every stored vector: several times slower than through the GIN index
    // (docs/benchmarks.md), which answers exactly. Only published rows have a vector.
    const english = tree ? sql`${tsqueryText(tree)}::tsquery` : tsquery(q)
    // Welsh case studies' vectors hold words unstemmed (the simple configuration); asked only
    // when there are some, each language with its own reading of the text.
    const welsh = tree ? sql`${tsqueryText(welshTree(tree))}::tsquery` : sql`websearch_to_tsquery('simple', ${q})`
    const statement = this.index.hasWelsh
      ? sql`SELECT id FROM case_studies WHERE language <> 'cy' AND search_vector @@ ${english}
          UNION ALL SELECT id FROM case_studies WHERE language = 'cy' AND search_vector @@ ${welsh}`
      : sql`SELECT id FROM case_studies WHERE search_vector @@ ${english}`
    const rows = await this.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`)
      return (await tx.execute<{ id: number }>(statement)).rows
    })
    const bits = this.index.emptyBits()
    for (const { id } of rows) {
      const p = this.index.positionOf(id)
      if (p !== undefined) bits[p >>> 5]! |= 1 << (p & 31)
    }
    return bits
  }
}
