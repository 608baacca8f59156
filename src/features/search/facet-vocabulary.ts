import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import type { FacetVocabulary } from './facets.ts'

/**
 * The names of every facet value: principles, organisations, themes, and the council types,
 * nations and regions organisations have, keyed by the slug the database's coophub_slug gives
 * them (the same slug the facet keys hold).
 */
export async function loadFacetVocabulary(db: Database): Promise<FacetVocabulary> {
  // Sequential on purpose: the embedded database has one connection.
  const principles = await db.execute<{ id: number; slug: string; short_name: string }>(sql`SELECT id, slug, short_name FROM principles ORDER BY position, short_name`)
  const members = await db.execute<{ id: number; slug: string; name: string }>(sql`SELECT id, slug, name FROM organisations ORDER BY name`)
  const themes = await db.execute<{ id: number; slug: string; name: string }>(sql`SELECT id, slug, name FROM themes ORDER BY name`)
  const details = await db.execute<{ facet: 'c' | 'n' | 'r'; slug: string; name: string }>(sql`
    SELECT DISTINCT ON (facet, slug) facet, slug, name FROM (
      SELECT 'c' AS facet, coophub_slug(council_type) AS slug, council_type AS name FROM organisations
      UNION ALL SELECT 'n', coophub_slug(nation), nation FROM organisations
      UNION ALL SELECT 'r', coophub_slug(region), region FROM organisations
    ) AS d WHERE slug IS NOT NULL ORDER BY facet, slug, name`)
  const byFacet = (facet: 'c' | 'n' | 'r') => new Map(details.rows.filter((r) => r.facet === facet).map((r) => [r.slug, r.name]))
  return {
    principles: principles.rows.map((p) => ({ id: p.id, slug: p.slug, shortName: p.short_name })),
    members: members.rows,
    themes: themes.rows,
    councilTypes: byFacet('c'),
    nations: byFacet('n'),
    regions: byFacet('r'),
  }
}
