import { asc, eq, sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { caseStudies, organisations, principles } from '../../db/schema/index.ts'

export async function findCaseStudyBySlug(db: Database, slug: string) {
  const [row] = await db.select().from(caseStudies).where(eq(caseStudies.slug, slug))
  return row ?? null
}

export type CaseStudyRow = NonNullable<Awaited<ReturnType<typeof findCaseStudyBySlug>>>

/** Everything the form offers: principles with their statements (and Welsh wordings), organisations by name (and whether each is a member). */
export async function loadFormChoices(db: Database) {
  const [principleRows, organisationRows] = await Promise.all([
    db
      .select({
        id: principles.id,
        name: principles.shortName,
        slug: principles.slug,
        statement: principles.statement,
        shortNameCy: principles.shortNameCy,
        statementCy: principles.statementCy,
      })
      .from(principles)
      .orderBy(asc(principles.position)),
    db
      .select({ id: organisations.id, name: organisations.name, slug: organisations.slug, member: sql<boolean>`${organisations.tier} <> 'none'` })
      .from(organisations)
      .orderBy(asc(organisations.name)),
  ])
  return { principles: principleRows, organisations: organisationRows }
}

export type FormChoiceLists = Awaited<ReturnType<typeof loadFormChoices>>
