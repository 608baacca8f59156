import { asc, desc, eq, ne, sql, and } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { caseStudies, organisations } from '../../db/schema/index.ts'

const columns = {
  id: caseStudies.id,
  slug: caseStudies.slug,
  title: caseStudies.title,
  status: caseStudies.status,
  reviewState: caseStudies.reviewState,
  revision: caseStudies.revision,
  publishedRevision: caseStudies.publishedRevision,
  submittedAt: caseStudies.submittedAt,
  updatedAt: caseStudies.updatedAt,
  owner: organisations.name,
}

/** Submissions waiting for an editor, oldest first: an editor's dashboard shows them. */
export async function listWaitingForReview(db: Database, limit = 50) {
  return db
    .select(columns)
    .from(caseStudies)
    .leftJoin(organisations, eq(organisations.id, caseStudies.ownerOrganisationId))
    .where(eq(caseStudies.reviewState, 'submitted'))
    .orderBy(asc(caseStudies.submittedAt))
    .limit(limit)
}

/** Submissions waiting (oldest first), then those sent back, then other unpublished work. */
export async function listReviewQueue(db: Database) {
  const base = () => db.select(columns).from(caseStudies).leftJoin(organisations, eq(organisations.id, caseStudies.ownerOrganisationId))
  const [waiting, sentBack, drafts] = await Promise.all([
    base().where(eq(caseStudies.reviewState, 'submitted')).orderBy(asc(caseStudies.submittedAt)),
    base().where(eq(caseStudies.reviewState, 'changes-requested')).orderBy(desc(caseStudies.updatedAt)),
    base()
      .where(
        and(
          eq(caseStudies.reviewState, 'none'),
          ne(caseStudies.status, 'archived'),
          sql`(${caseStudies.status} <> 'published' OR ${caseStudies.publishedRevision} IS DISTINCT FROM ${caseStudies.revision})`,
        ),
      )
      .orderBy(desc(caseStudies.updatedAt))
      .limit(100),
  ])
  return { waiting, sentBack, drafts }
}
