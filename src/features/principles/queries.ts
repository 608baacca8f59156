import { asc, eq, sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { principles } from '../../db/schema/index.ts'

/** Every principle with the number of published case studies that meet it. */
export async function listPrinciplesWithCounts(db: Database) {
  return db
    .select({
      slug: principles.slug,
      shortName: principles.shortName,
      statement: principles.statement,
      shortNameCy: principles.shortNameCy,
      statementCy: principles.statementCy,
      // Written out with aliases: drizzle leaves columns unqualified in a selected expression,
      // which inside a correlated subquery would bind to the wrong table.
      caseStudyCount: sql<number>`(
        SELECT count(*)::int FROM case_study_principles csp
        JOIN case_studies cs ON cs.id = csp.case_study_id
        WHERE csp.principle_id = principles.id AND cs.status = 'published'
      )`,
    })
    .from(principles)
    .orderBy(asc(principles.position), asc(principles.shortName))
}

export async function findPrinciple(db: Database, slug: string) {
  const [row] = await db.select().from(principles).where(eq(principles.slug, slug))
  return row ?? null
}
