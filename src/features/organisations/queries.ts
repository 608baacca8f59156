import { and, asc, eq, sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { caseStudies, caseStudyOrganisations, organisations } from '../../db/schema/index.ts'

// Written out with aliases: drizzle leaves columns unqualified in a selected expression, which
// inside a correlated subquery would bind to the wrong table.
const publishedRoleCount = (role: 'lead' | 'participant') => sql<number>`(
  SELECT count(*)::int FROM case_study_organisations cso
  JOIN case_studies cs ON cs.id = cso.case_study_id
  WHERE cso.organisation_id = organisations.id AND cso.role = ${role} AND cs.status = 'published'
)`

/** Members of the network (any tier but none), with how many published case studies they lead or join. */
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
