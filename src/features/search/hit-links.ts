import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import type { SearchHit } from './search-types.ts'

export type HitLinks = Pick<SearchHit, 'lead' | 'participants' | 'principles' | 'themes'>

/** Lead, participating members, principles and themes of the rows shown, in one query. */
export async function loadHitLinks(db: Database, ids: number[]): Promise<Map<number, HitLinks>> {
  const links = new Map<number, HitLinks>()
  if (ids.length === 0) return links
  const result = await db.execute<{ id: number; lead: HitLinks['lead']; participants: HitLinks['participants']; principles: HitLinks['principles']; themes: HitLinks['themes'] }>(sql`
    SELECT cs.id,
      (SELECT json_build_object('slug', o.slug, 'name', o.name) FROM case_study_organisations l JOIN organisations o ON o.id = l.organisation_id
        WHERE l.case_study_id = cs.id AND l.role = 'lead' LIMIT 1) AS lead,
      coalesce((SELECT json_agg(json_build_object('slug', o.slug, 'name', o.name) ORDER BY l.position, o.name) FROM case_study_organisations l
        JOIN organisations o ON o.id = l.organisation_id WHERE l.case_study_id = cs.id AND l.role = 'participant'), '[]') AS participants,
      coalesce((SELECT json_agg(json_build_object('slug', p.slug, 'shortName', p.short_name) ORDER BY p.position, p.short_name) FROM case_study_principles cp
        JOIN principles p ON p.id = cp.principle_id WHERE cp.case_study_id = cs.id), '[]') AS principles,
      coalesce((SELECT json_agg(json_build_object('slug', t.slug, 'name', t.name) ORDER BY t.name) FROM case_study_themes ct
        JOIN themes t ON t.id = ct.theme_id WHERE ct.case_study_id = cs.id), '[]') AS themes
    FROM case_studies cs WHERE cs.id IN (SELECT json_array_elements_text(${JSON.stringify(ids)}::json)::int)`)
  for (const r of result.rows) links.set(r.id, { lead: r.lead, participants: r.participants, principles: r.principles, themes: r.themes })
  return links
}
