import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import type { FacetVocabulary } from './facets.ts'

type Named = { id: number; slug: string; name: string }
type Detail = { facet: 'c' | 'n' | 'r'; slug: string; name: string }

/**
 * The names of every facet value: principles (with their Welsh wordings), organisations, themes, and the council types,
 * nations and regions organisations have, keyed by the slug the database's coophub_slug gives
 * them (the same slug the facet keys hold). One statement: it is read again after every public
 * change, by the first search that follows.
 */
export async function loadFacetVocabulary(db: Database): Promise<FacetVocabulary> {
  const result = await db.execute<{
    principles: Array<{ id: number; slug: string; shortName: string; shortNameCy: string | null }>
    members: Named[]
    themes: Named[]
    details: Detail[]
  }>(sql`
    SELECT
      (SELECT coalesce(json_agg(json_build_object('id', id, 'slug', slug, 'shortName', short_name, 'shortNameCy', short_name_cy) ORDER BY position, short_name), '[]') FROM principles) AS principles,
      (SELECT coalesce(json_agg(json_build_object('id', id, 'slug', slug, 'name', name) ORDER BY name), '[]') FROM organisations) AS members,
      (SELECT coalesce(json_agg(json_build_object('id', id, 'slug', slug, 'name', name) ORDER BY name), '[]') FROM themes) AS themes,
      (SELECT coalesce(json_agg(json_build_object('facet', facet, 'slug', slug, 'name', name) ORDER BY facet, slug, name), '[]') FROM (
        SELECT DISTINCT ON (facet, slug) facet, slug, name FROM (
          SELECT 'c' AS facet, coophub_slug(council_type) AS slug, council_type AS name FROM organisations
          UNION ALL SELECT 'n', coophub_slug(nation), nation FROM organisations
          UNION ALL SELECT 'r', coophub_slug(region), region FROM organisations
        ) AS d WHERE slug IS NOT NULL ORDER BY facet, slug, name) AS details) AS details`)
  const { principles, members, themes, details } = result.rows[0]!
  const byFacet = (facet: Detail['facet']) => new Map(details.filter((r) => r.facet === facet).map((r) => [r.slug, r.name]))
  return { principles, members, themes, councilTypes: byFacet('c'), nations: byFacet('n'), regions: byFacet('r') }
}
