import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import type { OrganisationRole } from '../../db/schema/enums.ts'
import {
  caseStudies,
  caseStudyOrganisations,
  caseStudyPrinciples,
  caseStudyThemes,
  organisations,
  people,
  principles,
  themes,
} from '../../db/schema/index.ts'

export interface LinkedPrinciple {
  slug: string
  shortName: string
  statement: string
}

export interface LinkedOrganisation {
  slug: string
  name: string
  role: OrganisationRole
}

/** Principles and organisations of many case studies at once, for lists of results. */
export async function loadListLinks(
  db: Database,
  ids: number[],
): Promise<Map<number, { principles: LinkedPrinciple[]; lead: LinkedOrganisation | null }>> {
  const links = new Map(ids.map((id) => [id, { principles: [] as LinkedPrinciple[], lead: null as LinkedOrganisation | null }]))
  if (ids.length === 0) return links
  const [principleRows, leadRows] = await Promise.all([
    db
      .select({
        caseStudyId: caseStudyPrinciples.caseStudyId,
        slug: principles.slug,
        shortName: principles.shortName,
        statement: principles.statement,
      })
      .from(caseStudyPrinciples)
      .innerJoin(principles, eq(principles.id, caseStudyPrinciples.principleId))
      .where(inArray(caseStudyPrinciples.caseStudyId, ids))
      .orderBy(asc(principles.position)),
    db
      .select({ caseStudyId: caseStudyOrganisations.caseStudyId, slug: organisations.slug, name: organisations.name })
      .from(caseStudyOrganisations)
      .innerJoin(organisations, eq(organisations.id, caseStudyOrganisations.organisationId))
      .where(and(inArray(caseStudyOrganisations.caseStudyId, ids), eq(caseStudyOrganisations.role, 'lead'))),
  ])
  for (const { caseStudyId, ...p } of principleRows) links.get(caseStudyId)?.principles.push(p)
  for (const { caseStudyId, ...o } of leadRows) {
    const entry = links.get(caseStudyId)
    if (entry) entry.lead = { ...o, role: 'lead' }
  }
  return links
}

export async function findPublishedCaseStudy(db: Database, slug: string) {
  const [row] = await db
    .select()
    .from(caseStudies)
    .where(and(eq(caseStudies.slug, slug), eq(caseStudies.status, 'published')))
  if (!row) return null

  const [principleRows, organisationRows, themeRows, contactRows] = await Promise.all([
    db
      .select({ slug: principles.slug, shortName: principles.shortName, statement: principles.statement })
      .from(caseStudyPrinciples)
      .innerJoin(principles, eq(principles.id, caseStudyPrinciples.principleId))
      .where(eq(caseStudyPrinciples.caseStudyId, row.id))
      .orderBy(asc(principles.position)),
    db
      .select({ slug: organisations.slug, name: organisations.name, role: caseStudyOrganisations.role })
      .from(caseStudyOrganisations)
      .innerJoin(organisations, eq(organisations.id, caseStudyOrganisations.organisationId))
      .where(eq(caseStudyOrganisations.caseStudyId, row.id))
      .orderBy(asc(caseStudyOrganisations.position), asc(organisations.name)),
    db
      .select({ slug: themes.slug, name: themes.name })
      .from(caseStudyThemes)
      .innerJoin(themes, eq(themes.id, caseStudyThemes.themeId))
      .where(eq(caseStudyThemes.caseStudyId, row.id))
      .orderBy(asc(themes.name)),
    row.contactPersonId === null
      ? Promise.resolve([])
      : db
          .select({
            name: people.name,
            jobTitle: people.jobTitle,
            email: people.email,
            phone: people.phone,
            publishContact: people.publishContact,
            organisationName: organisations.name,
            organisationSlug: organisations.slug,
          })
          .from(people)
          .leftJoin(organisations, eq(organisations.id, people.organisationId))
          .where(eq(people.id, row.contactPersonId)),
  ])
  return {
    caseStudy: row,
    principles: principleRows,
    organisations: organisationRows,
    themes: themeRows,
    contact: contactRows[0] ?? null,
  }
}

export type PublishedCaseStudy = NonNullable<Awaited<ReturnType<typeof findPublishedCaseStudy>>>
