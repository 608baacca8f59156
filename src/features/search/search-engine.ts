import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { FacetIndex } from './facet-index.ts'
import type { MatchSet } from './facet-index.ts'
import { tsquery } from './search-query.ts'

/** Match sets kept per text, up to this many bytes (a common word at 100,000 case studies is under 1 MB). */
const matchCacheBytes = 48 * 1024 * 1024

/**
 * The in-memory side of search for one state of the content: the facet index, and each text's
 * matches with their relevance, asked of PostgreSQL once. Built again when content changes (the
 * page cache's memo forgets it), so nothing here outlives the content it was read from.
 */
export class SearchEngine {
  private readonly cache = new Map<string, Promise<MatchSet>>()
  /** Bytes of each loaded match set; a set still loading has none yet and is never evicted. */
  private readonly sizes = new Map<string, number>()
  private bytes = 0

  constructor(
    private readonly db: Database,
    readonly index: FacetIndex,
  ) {}

  /** Published case studies matching the text, best first by their title and summary. */
  matches(q: string): Promise<MatchSet> {
    let entry = this.cache.get(q)
    if (entry) {
      // Most recently used last, so the least recently used go first.
      this.cache.delete(q)
      this.cache.set(q, entry)
      return entry
    }
    const loading = this.load(q)
    entry = loading
    this.cache.set(q, loading)
    loading.then(
      (m) => {
        if (this.cache.get(q) !== loading) return
        const size = m.positions.byteLength + m.ranks.byteLength
        this.sizes.set(q, size)
        this.bytes += size
        this.evict(q)
      },
      () => this.cache.delete(q),
    )
    return entry
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

  private async load(q: string): Promise<MatchSet> {
    // Ranked by the small title-and-summary vector: ranking every match by its whole text is what
    // made common words slow. A match only in the body ranks 0 and sorts by publication.
    // For a word most case studies use, the planner prefers reading the whole table, which
    // unpacks every stored search vector to test it: 186 ms against 28 ms through the index at
    // 10,000 case studies (measured). The index answers exactly, so the table is never needed.
    const rows = await this.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`)
      const result = await tx.execute<{ id: number; rank: number }>(sql`
        SELECT id, ts_rank_cd(rank_vector, ${tsquery(q)}, 32) AS rank FROM case_studies
        WHERE status = 'published' AND search_vector @@ ${tsquery(q)}
        ORDER BY rank DESC, published_at DESC NULLS LAST, id DESC`)
      return result.rows
    })
    return this.index.matchSet(rows)
  }
}

export async function loadSearchEngine(db: Database): Promise<SearchEngine> {
  const result = await db.execute<{ id: number; keys: string[] | null; year_start: number | null; published: number | null; title: string }>(sql`
    SELECT id, facet_keys AS keys, year_start, extract(epoch FROM published_at)::float8 AS published, title
    FROM case_studies WHERE status = 'published'`)
  const rows = result.rows.map((r) => ({ id: r.id, keys: r.keys ?? [], yearStart: r.year_start, publishedAt: r.published === null ? null : Number(r.published), title: r.title }))
  return new SearchEngine(db, new FacetIndex(rows))
}
