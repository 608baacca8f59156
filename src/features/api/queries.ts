import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import type { MemberRow } from './present.ts'

/**
 * Member organisations (any tier but "none", as on /members), with the first day of their open
 * membership and the number of published case studies they lead or take part in — the same case
 * studies the `member` filter finds, each once. Nothing financial: see presentMembers.
 */
export async function listMembersForApi(db: Database): Promise<MemberRow[]> {
  const result = await db.execute<{
    slug: string
    name: string
    kind: MemberRow['kind']
    tier: MemberRow['tier']
    council_type: string | null
    nation: string | null
    region: string | null
    website: string | null
    member_since: string | null
    case_study_count: number
  }>(sql`
    SELECT o.slug, o.name, o.kind, o.tier, o.council_type, o.nation, o.region, o.website,
      (SELECT m.member_since::text FROM memberships m
        WHERE m.organisation_id = o.id AND m.status NOT IN ('lapsed', 'resigned', 'refused', 'converted')
        ORDER BY m.id DESC LIMIT 1) AS member_since,
      (SELECT count(DISTINCT cs.id)::int FROM case_study_organisations cso
        JOIN case_studies cs ON cs.id = cso.case_study_id
        WHERE cso.organisation_id = o.id AND cso.role IN ('lead', 'participant') AND cs.status = 'published') AS case_study_count
    FROM organisations o
    WHERE o.tier <> 'none'
    ORDER BY o.name, o.slug`)
  return result.rows.map((r) => ({
    slug: r.slug,
    name: r.name,
    kind: r.kind,
    tier: r.tier,
    councilType: r.council_type,
    nation: r.nation,
    region: r.region,
    website: r.website,
    memberSince: r.member_since,
    caseStudyCount: r.case_study_count,
  }))
}
