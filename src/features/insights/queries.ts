import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'

export interface QuietMember {
  slug: string
  name: string
  tier: string
  /** When a case study it led or took part in was last published; null for never. */
  lastPublished: Date | null
}

/** Members (any tier) with no case study published, as lead or participant, since `since`. For editors. */
export async function quietMembers(db: Database, since: Date): Promise<QuietMember[]> {
  const result = await db.execute<{ slug: string; name: string; tier: string; last_published: string | Date | null }>(sql`
    SELECT o.slug, o.name, o.tier, max(cs.published_at) AS last_published
    FROM organisations o
    LEFT JOIN case_study_organisations cso ON cso.organisation_id = o.id AND cso.role IN ('lead', 'participant')
    LEFT JOIN case_studies cs ON cs.id = cso.case_study_id AND cs.status = 'published'
    WHERE o.tier <> 'none'
    GROUP BY o.id
    HAVING max(cs.published_at) IS NULL OR max(cs.published_at) < ${since.toISOString()}::timestamptz
    ORDER BY o.name, o.slug`)
  return result.rows.map((r) => ({
    slug: r.slug,
    name: r.name,
    tier: r.tier,
    lastPublished: r.last_published === null ? null : new Date(r.last_published),
  }))
}

export type MapOrganisation = {
  id: number
  slug: string
  name: string
  tier: string
  /** The council's GSS code (its own, or its register entry's): the hex map's key. */
  gssCode: string
}

/** Organisations the hex map can place: those with a GSS code, directly or through the local authorities register. */
export async function mapOrganisations(db: Database): Promise<MapOrganisation[]> {
  const result = await db.execute<MapOrganisation>(sql`
    SELECT o.id, o.slug, o.name, o.tier, coalesce(nullif(o.gss_code, ''), la.gss_code) AS "gssCode"
    FROM organisations o
    LEFT JOIN local_authorities la ON la.code = o.authority_code
    WHERE coalesce(nullif(o.gss_code, ''), la.gss_code) IS NOT NULL
    ORDER BY o.id`)
  return result.rows
}
