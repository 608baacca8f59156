import { and, asc, desc, eq, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import {
  caseStudies,
  caseStudyOrganisations,
  caseStudyRevisions,
  caseStudyThemes,
  organisations,
  people,
  principles,
  reviewComments,
  themes,
} from '../../db/schema/index.ts'
import type { CaseStudySnapshot } from './snapshot.ts'

/** The case study's row as a snapshot: for rows saved before revisions were kept. */
export async function snapshotFromRow(db: Executor, caseStudyId: number): Promise<CaseStudySnapshot | null> {
  const [row] = await db.select().from(caseStudies).where(eq(caseStudies.id, caseStudyId))
  if (!row) return null
  // One after another: inside a transaction all queries share one connection.
  const principleRows = await db.execute<{ id: number; name: string }>(sqlPrinciples(caseStudyId))
  const organisationRows = await db
    .select({ id: organisations.id, name: organisations.name, role: caseStudyOrganisations.role })
    .from(caseStudyOrganisations)
    .innerJoin(organisations, eq(organisations.id, caseStudyOrganisations.organisationId))
    .where(eq(caseStudyOrganisations.caseStudyId, caseStudyId))
    .orderBy(asc(caseStudyOrganisations.position))
  const themeRows = await db
    .select({ name: themes.name })
    .from(caseStudyThemes)
    .innerJoin(themes, eq(themes.id, caseStudyThemes.themeId))
    .where(eq(caseStudyThemes.caseStudyId, caseStudyId))
    .orderBy(asc(themes.name))
  const contactRows =
    row.contactPersonId === null
      ? []
      : await db
          .select({ person: people, organisationName: organisations.name })
          .from(people)
          .leftJoin(organisations, eq(organisations.id, people.organisationId))
          .where(eq(people.id, row.contactPersonId))
  const byRole = (role: string) => organisationRows.filter((o) => o.role === role).map(({ id, name }) => ({ id, name }))
  const contact = contactRows[0]
  return {
    language: row.language,
    title: row.title,
    summary: row.summary,
    body: row.body,
    kind: row.kind,
    yearStart: row.yearStart,
    yearEnd: row.yearEnd,
    outcomes: row.outcomes,
    principles: principleRows.rows,
    lead: byRole('lead')[0] ?? null,
    participants: byRole('participant'),
    partners: byRole('partner'),
    funders: byRole('funder'),
    themes: themeRows.map((t) => t.name),
    contact: contact
      ? {
          name: contact.person.name,
          jobTitle: contact.person.jobTitle ?? '',
          organisation:
            contact.person.organisationId !== null && contact.organisationName ? { id: contact.person.organisationId, name: contact.organisationName } : null,
          email: contact.person.email ?? '',
          phone: contact.person.phone ?? '',
          publishContact: contact.person.publishContact,
        }
      : null,
  }
}

function sqlPrinciples(caseStudyId: number) {
  return sql`SELECT p.id, p.short_name AS name FROM case_study_principles csp JOIN ${principles} p ON p.id = csp.principle_id
    WHERE csp.case_study_id = ${caseStudyId} ORDER BY p.position`
}

export async function findRevision(db: Executor, caseStudyId: number, number: number) {
  const [row] = await db
    .select()
    .from(caseStudyRevisions)
    .where(and(eq(caseStudyRevisions.caseStudyId, caseStudyId), eq(caseStudyRevisions.number, number)))
  return row ? { ...row, snapshot: row.snapshot as CaseStudySnapshot } : null
}

/** The working copy: the latest revision, or the row itself when no revision was kept. */
export async function latestSnapshot(db: Executor, caseStudyId: number, revision: number): Promise<CaseStudySnapshot | null> {
  const found = await findRevision(db, caseStudyId, revision)
  return found ? found.snapshot : snapshotFromRow(db, caseStudyId)
}

export async function listRevisions(db: Executor, caseStudyId: number) {
  return db
    .select({
      number: caseStudyRevisions.number,
      authorLabel: caseStudyRevisions.authorLabel,
      action: caseStudyRevisions.action,
      createdAt: caseStudyRevisions.createdAt,
    })
    .from(caseStudyRevisions)
    .where(eq(caseStudyRevisions.caseStudyId, caseStudyId))
    .orderBy(desc(caseStudyRevisions.number))
}

export async function latestReviewComment(db: Executor, caseStudyId: number) {
  const [row] = await db.select().from(reviewComments).where(eq(reviewComments.caseStudyId, caseStudyId)).orderBy(desc(reviewComments.id)).limit(1)
  return row ?? null
}
