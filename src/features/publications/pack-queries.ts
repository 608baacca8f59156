import { and, asc, eq, inArray, isNotNull, lte, gte } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { caseStudies, caseStudyOrganisations, caseStudyRevisions, organisations, principles, projects } from '../../db/schema/index.ts'
import { paidTiers } from '../../db/schema/enums.ts'
import type { CaseStudySnapshot } from '../case-studies/snapshot.ts'
import type { PackCandidate } from './rules/pack-content.ts'

/**
 * Every published case study as its published revision holds it (the public version, not the
 * working copy), with its lead member's region and tier. The period and kinds are chosen in
 * rules/pack-content.ts: a network has a few thousand case studies at most.
 */
export async function packCandidates(db: Executor): Promise<PackCandidate[]> {
  const rows = await db
    .select({
      caseStudyId: caseStudies.id,
      slug: caseStudies.slug,
      language: caseStudies.language,
      translationGroup: caseStudies.translationGroup,
      publishedAt: caseStudies.publishedAt,
      revisionId: caseStudyRevisions.id,
      revisionNumber: caseStudyRevisions.number,
      snapshot: caseStudyRevisions.snapshot,
      leadRegion: organisations.region,
      leadTier: organisations.tier,
    })
    .from(caseStudies)
    .innerJoin(caseStudyRevisions, and(eq(caseStudyRevisions.caseStudyId, caseStudies.id), eq(caseStudyRevisions.number, caseStudies.publishedRevision)))
    .leftJoin(caseStudyOrganisations, and(eq(caseStudyOrganisations.caseStudyId, caseStudies.id), eq(caseStudyOrganisations.role, 'lead')))
    .leftJoin(organisations, eq(organisations.id, caseStudyOrganisations.organisationId))
    .where(and(eq(caseStudies.status, 'published'), isNotNull(caseStudies.publishedRevision)))
    .orderBy(asc(caseStudies.id))
  return rows.map((r) => ({ ...r, snapshot: r.snapshot as CaseStudySnapshot }))
}

export async function packPrinciples(db: Executor) {
  return db
    .select({
      id: principles.id,
      name: principles.shortName,
      statement: principles.statement,
      nameCy: principles.shortNameCy,
      statementCy: principles.statementCy,
    })
    .from(principles)
    .orderBy(asc(principles.position))
}

/** Projects that ran during the period (from the first to the last day, as ISO dates). */
export async function packProjects(db: Executor, from: string, to: string) {
  return db
    .select({ title: projects.title, lead: organisations.name })
    .from(projects)
    .leftJoin(organisations, eq(organisations.id, projects.leadOrganisationId))
    .where(and(lte(projects.startsOn, to), gte(projects.endsOn, from)))
    .orderBy(asc(projects.title))
}

export async function packMembers(db: Executor) {
  return db
    .select({ name: organisations.name, tier: organisations.tier })
    .from(organisations)
    .where(and(inArray(organisations.tier, [...paidTiers]), eq(organisations.verified, true)))
    .orderBy(asc(organisations.name))
}
