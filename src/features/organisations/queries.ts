import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Database, Executor } from '../../db/client.ts'
import { caseStudies, caseStudyOrganisations, organisations } from '../../db/schema/index.ts'

// Written out with aliases: drizzle leaves columns unqualified in a selected expression, which
// inside a correlated subquery would bind to the wrong table.
const publishedRoleCount = (role: 'lead' | 'participant') => sql<number>`(
  SELECT count(*)::int FROM case_study_organisations cso
  JOIN case_studies cs ON cs.id = cso.case_study_id
  WHERE cso.organisation_id = organisations.id AND cso.role = ${role} AND cs.status = 'published'
)`

/** The first day of the organisation's open membership, when known ('YYYY-MM-DD'). */
const openMemberSince = sql<string | null>`(
  SELECT m.member_since::text FROM memberships m
  WHERE m.organisation_id = organisations.id AND m.status NOT IN ('lapsed', 'resigned', 'refused', 'converted')
  ORDER BY m.id DESC LIMIT 1
)`

/** Members of the network (any tier but none), with how many published case studies they lead or join, and since when. */
export async function listMembers(db: Database) {
  return db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      kind: organisations.kind,
      tier: organisations.tier,
      councilType: organisations.councilType,
      region: organisations.region,
      nation: organisations.nation,
      leadCount: publishedRoleCount('lead'),
      participantCount: publishedRoleCount('participant'),
      memberSince: openMemberSince,
    })
    .from(organisations)
    .where(sql`${organisations.tier} <> 'none'`)
    .orderBy(asc(organisations.name))
}

/**
 * One organisation a visitor may see, by its slug: a member, or another organisation named in a
 * published case study. An organisation an officer added with a draft stays out of sight until an
 * editor publishes a case study naming it.
 */
export async function findPublicOrganisation(db: Database, slug: string) {
  const [row] = await db
    .select()
    .from(organisations)
    .where(
      and(
        eq(organisations.slug, slug),
        sql`(${organisations.tier} <> 'none' OR EXISTS (
          SELECT 1 FROM case_study_organisations cso JOIN case_studies cs ON cs.id = cso.case_study_id
          WHERE cso.organisation_id = ${organisations.id} AND cs.status = 'published'))`,
      ),
    )
  return row ?? null
}

/** Published case studies an organisation leads or takes part in, newest first. */
export async function listCaseStudiesOfOrganisation(db: Database, organisationId: number) {
  return db
    .select({
      id: caseStudies.id,
      slug: caseStudies.slug,
      title: caseStudies.title,
      summary: caseStudies.summary,
      kind: caseStudies.kind,
      yearStart: caseStudies.yearStart,
      yearEnd: caseStudies.yearEnd,
      role: caseStudyOrganisations.role,
    })
    .from(caseStudyOrganisations)
    .innerJoin(caseStudies, eq(caseStudies.id, caseStudyOrganisations.caseStudyId))
    .where(and(eq(caseStudyOrganisations.organisationId, organisationId), eq(caseStudies.status, 'published')))
    .orderBy(sql`${caseStudies.publishedAt} DESC NULLS LAST`, asc(caseStudies.title))
}

/** Organisations outside the network named in published case studies (partners, funders), with how many. */
export async function listOtherOrganisations(db: Database) {
  return db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      kind: organisations.kind,
      caseStudyCount: sql<number>`count(DISTINCT ${caseStudies.id})::int`,
    })
    .from(organisations)
    .innerJoin(caseStudyOrganisations, eq(caseStudyOrganisations.organisationId, organisations.id))
    .innerJoin(caseStudies, and(eq(caseStudies.id, caseStudyOrganisations.caseStudyId), eq(caseStudies.status, 'published')))
    .where(sql`${organisations.tier} = 'none'`)
    .groupBy(organisations.id)
    .orderBy(asc(organisations.name))
}

/** The first day of an organisation's open membership, when known ('YYYY-MM-DD'). */
export async function memberSinceOf(db: Database, organisationId: number): Promise<string | null> {
  const result = await db.execute<{ member_since: string | null }>(sql`
    SELECT m.member_since::text AS member_since FROM memberships m
    WHERE m.organisation_id = ${organisationId} AND m.status NOT IN ('lapsed', 'resigned', 'refused', 'converted')
    ORDER BY m.id DESC LIMIT 1`)
  return result.rows[0]?.member_since ?? null
}

export interface FormerMember {
  slug: string
  name: string
  kind: (typeof organisations.$inferSelect)['kind']
  /** The year its last membership lapsed or was resigned. */
  leftYear: number | null
  /** Whether it has a public page: a published case study names it. */
  hasPage: boolean
}

/**
 * Organisations that are no longer members because their last membership lapsed or was resigned
 * (a converted membership's organisation goes on in another form; a refused application, even a
 * later one, does not count), with the year they left: the resignation's date, or the day the lapse was recorded.
 */
export async function listFormerMembers(db: Database): Promise<FormerMember[]> {
  const result = await db.execute<{ slug: string; name: string; kind: FormerMember['kind']; left_on: string | null; has_page: boolean }>(sql`
    SELECT o.slug, o.name, o.kind,
      coalesce(last.ended_on, (
        SELECT max(e.on_date) FROM membership_events e WHERE e.membership_id = last.id AND e.to_status = last.status
      ))::text AS left_on,
      EXISTS (SELECT 1 FROM case_study_organisations cso JOIN case_studies cs ON cs.id = cso.case_study_id
        WHERE cso.organisation_id = o.id AND cs.status = 'published') AS has_page
    FROM organisations o
    JOIN LATERAL (
      SELECT m.id, m.status, m.ended_on FROM memberships m WHERE m.organisation_id = o.id AND m.status <> 'refused' ORDER BY m.id DESC LIMIT 1
    ) last ON true
    WHERE o.tier = 'none' AND last.status IN ('lapsed', 'resigned')
    ORDER BY o.name, o.slug`)
  return result.rows.map((r) => ({
    slug: r.slug,
    name: r.name,
    kind: r.kind,
    leftYear: r.left_on ? Number(r.left_on.slice(0, 4)) : null,
    hasPage: r.has_page,
  }))
}

/** The year a former member left (its last membership lapsed or was resigned), or null when it was never a member. */
export async function yearLeftOf(db: Database, organisationId: number): Promise<number | null> {
  const result = await db.execute<{ left_on: string | null; status: string }>(sql`
    SELECT last.status, coalesce(last.ended_on, (
      SELECT max(e.on_date) FROM membership_events e WHERE e.membership_id = last.id AND e.to_status = last.status
    ))::text AS left_on
    FROM (SELECT m.id, m.status, m.ended_on FROM memberships m WHERE m.organisation_id = ${organisationId} AND m.status <> 'refused' ORDER BY m.id DESC LIMIT 1) last`)
  const row = result.rows[0]
  if (!row || !['lapsed', 'resigned'].includes(row.status) || !row.left_on) return null
  return Number(row.left_on.slice(0, 4))
}

/** Organisations whose name is one of these, ignoring case (names typed as free text, matched to the directory). */
export async function findOrganisationsNamed(db: Executor, names: string[]): Promise<Array<{ id: number; name: string }>> {
  if (names.length === 0) return []
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      inArray(
        sql`lower(${organisations.name})`,
        names.map((n) => n.toLowerCase()),
      ),
    )
}
