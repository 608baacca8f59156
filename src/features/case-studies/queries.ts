import { and, asc, eq, ne } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { caseStudies, caseStudyOrganisations, caseStudyPrinciples, caseStudyThemes, organisations, people, principles, themes } from '../../db/schema/index.ts'

export async function findPublishedCaseStudy(db: Database, slug: string) {
  const [row] = await db
    .select()
    .from(caseStudies)
    .where(and(eq(caseStudies.slug, slug), eq(caseStudies.status, 'published')))
  if (!row) return null

  const [principleRows, organisationRows, themeRows, contactRows, translationRows] = await Promise.all([
    db
      .select({
        id: principles.id,
        slug: principles.slug,
        shortName: principles.shortName,
        statement: principles.statement,
        shortNameCy: principles.shortNameCy,
        statementCy: principles.statementCy,
      })
      .from(caseStudyPrinciples)
      .innerJoin(principles, eq(principles.id, caseStudyPrinciples.principleId))
      .where(eq(caseStudyPrinciples.caseStudyId, row.id))
      .orderBy(asc(principles.position)),
    db
      .select({ slug: organisations.slug, name: organisations.name, tier: organisations.tier, kind: organisations.kind, role: caseStudyOrganisations.role })
      .from(caseStudyOrganisations)
      .innerJoin(organisations, eq(organisations.id, caseStudyOrganisations.organisationId))
      .where(eq(caseStudyOrganisations.caseStudyId, row.id))
      .orderBy(asc(caseStudyOrganisations.position), asc(organisations.name)),
    db
      .select({ id: themes.id, slug: themes.slug, name: themes.name })
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
            organisationTier: organisations.tier,
          })
          .from(people)
          .leftJoin(organisations, eq(organisations.id, people.organisationId))
          .where(eq(people.id, row.contactPersonId)),
    // Its version in the other language, when that is public.
    row.translationGroup === null
      ? Promise.resolve([])
      : db
          .select({ slug: caseStudies.slug, title: caseStudies.title, language: caseStudies.language })
          .from(caseStudies)
          .where(and(eq(caseStudies.translationGroup, row.translationGroup), ne(caseStudies.id, row.id), eq(caseStudies.status, 'published')))
          .limit(1),
  ])
  return {
    caseStudy: row,
    principles: principleRows,
    organisations: organisationRows,
    themes: themeRows,
    contact: contactRows[0] ?? null,
    translation: translationRows[0] ?? null,
  }
}

type Found = NonNullable<Awaited<ReturnType<typeof findPublishedCaseStudy>>>
type FoundPrinciple = Found['principles'][number]

/** A published case study with its links; the Welsh wordings and the translation may be absent (presenters fall back to the English, and no link). */
export type PublishedCaseStudy = Omit<Found, 'principles' | 'translation' | 'organisations'> & {
  principles: Array<Omit<FoundPrinciple, 'shortNameCy' | 'statementCy'> & Partial<Pick<FoundPrinciple, 'shortNameCy' | 'statementCy'>>>
  /** `kind` says which schema.org type an organisation is (insights/page-head.ts); an organisation without it is an Organization. */
  organisations: Array<Omit<Found['organisations'][number], 'kind'> & Partial<Pick<Found['organisations'][number], 'kind'>>>
  translation?: Found['translation']
}
