import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { tsquery } from '../../db/text-search.ts'
import type { SimilarCandidate } from './similar.ts'

const perSource = 40

/**
 * Candidates for "similar case studies", from two bounded lists so a page stays quick at any
 * size: the 40 whose title and summary best match this one's title words, and the 40 sharing
 * most of its themes and principles among those sharing a theme (recent first on a tie).
 */
export async function findSimilarCandidates(db: Database, caseStudyId: number, title: string): Promise<{ myKeys: string[]; candidates: SimilarCandidate[] }> {
  const words = title.match(/[\p{L}\p{N}]+/gu) ?? []
  const query = tsquery(words.join(' or '))
  const result = await db.execute<{
    id: number
    slug: string
    title: string
    language: string
    keys: string[] | null
    text_rank: number | null
    mine: string[] | null
  }>(sql`
    WITH me AS (SELECT coalesce(facet_keys, '{}') AS keys FROM case_studies WHERE id = ${caseStudyId}),
    my_themes AS (SELECT coalesce(array_agg(k), '{}') AS keys FROM me, unnest(me.keys) AS k WHERE left(k, 2) = 'h:'),
    by_text AS (
      SELECT cs.id, ts_rank_cd(cs.rank_vector, ${query}, 32) AS text_rank FROM case_studies cs
      WHERE cs.status = 'published' AND cs.id <> ${caseStudyId} AND cs.rank_vector @@ ${query}
      ORDER BY text_rank DESC, cs.id LIMIT ${perSource}
    ),
    by_links AS (
      SELECT cs.id FROM case_studies cs, me, my_themes
      WHERE cs.status = 'published' AND cs.id <> ${caseStudyId} AND cs.facet_keys && my_themes.keys
      ORDER BY (SELECT count(*) FROM unnest(cs.facet_keys) AS k WHERE k = ANY (me.keys) AND left(k, 2) IN ('h:', 'p:')) DESC,
        cs.published_at DESC NULLS LAST, cs.id LIMIT ${perSource}
    ),
    candidates AS (SELECT id, max(text_rank) AS text_rank FROM (SELECT id, text_rank FROM by_text UNION ALL SELECT id, 0 FROM by_links) AS c GROUP BY id)
    SELECT cs.id, cs.slug, cs.title, cs.language, cs.facet_keys AS keys, c.text_rank, (SELECT keys FROM me) AS mine
    FROM candidates c JOIN case_studies cs ON cs.id = c.id
    UNION ALL SELECT NULL, NULL, NULL, NULL, NULL, NULL, (SELECT keys FROM me)`)
  const myKeys = result.rows[0]?.mine ?? []
  const candidates = result.rows
    .filter((r) => r.id !== null)
    .map((r) => ({ id: r.id, slug: r.slug, title: r.title, language: r.language, keys: r.keys ?? [], textRank: Number(r.text_rank ?? 0) }))
  return { myKeys, candidates }
}
