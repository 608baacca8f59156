import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { listedRowOf } from './listing.ts'
import type { ListedColumns } from './listing.ts'
import { tsquery } from '../../db/text-search.ts'
import type { SearchHit } from './search-types.ts'

/** A case study as a page of results lists it, with its body when a snippet is to be made of it. */
export type FoundRow = Omit<SearchHit, 'headline'> & { body: string | null }

/** PostgreSQL's reading of the text as a tsquery, in its text form: '' when it has no searchable word. */
export async function readTsquery(db: Database, q: string): Promise<string> {
  const rows = await db.execute<{ query: string }>(sql`SELECT ${tsquery(q)}::text AS query`)
  return rows.rows[0]?.query ?? ''
}

/**
 * The rows of one page, by id, in the order given, with their lead, participating members,
 * principles and themes, in one query; `withBody` adds the body (for snippets).
 */
export async function findRows(db: Database, ids: readonly number[], withBody: boolean): Promise<FoundRow[]> {
  if (ids.length === 0) return []
  const result = await db.execute<
    ListedColumns & {
      body: string | null
      lead: SearchHit['lead']
      participants: SearchHit['participants']
      principles: SearchHit['principles']
      themes: SearchHit['themes']
    }
  >(sql`
    SELECT cs.id, cs.slug, cs.title, cs.summary, cs.kind, cs.year_start, cs.year_end, cs.published_at, cs.language,
      ${withBody ? sql`cs.body` : sql`NULL::text`} AS body,
      (SELECT json_build_object('slug', o.slug, 'name', o.name) FROM case_study_organisations l JOIN organisations o ON o.id = l.organisation_id
        WHERE l.case_study_id = cs.id AND l.role = 'lead' LIMIT 1) AS lead,
      coalesce((SELECT json_agg(json_build_object('slug', o.slug, 'name', o.name) ORDER BY l.position, o.name) FROM case_study_organisations l
        JOIN organisations o ON o.id = l.organisation_id WHERE l.case_study_id = cs.id AND l.role = 'participant'), '[]') AS participants,
      coalesce((SELECT json_agg(json_build_object('slug', p.slug, 'shortName', p.short_name, 'shortNameCy', p.short_name_cy) ORDER BY p.position, p.short_name) FROM case_study_principles cp
        JOIN principles p ON p.id = cp.principle_id WHERE cp.case_study_id = cs.id), '[]') AS principles,
      coalesce((SELECT json_agg(json_build_object('slug', t.slug, 'name', t.name) ORDER BY t.name) FROM case_study_themes ct
        JOIN themes t ON t.id = ct.theme_id WHERE ct.case_study_id = cs.id), '[]') AS themes
    FROM case_studies cs WHERE cs.status = 'published' AND cs.id IN (SELECT json_array_elements_text(${JSON.stringify(ids)}::json)::int)`)
  const byId = new Map(result.rows.map((r) => [r.id, r]))
  return ids.flatMap((id) => {
    const r = byId.get(id)
    if (!r) return []
    return [{ ...listedRowOf(r, { lead: r.lead, participants: r.participants, principles: r.principles, themes: r.themes }), body: r.body }]
  })
}
