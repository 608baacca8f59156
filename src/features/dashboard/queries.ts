import { desc, eq, inArray, or } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { caseStudies, caseStudyRevisions, organisations } from '../../db/schema/index.ts'
import type { Actor } from '../accounts/actor.ts'

const columns = {
  id: caseStudies.id,
  slug: caseStudies.slug,
  title: caseStudies.title,
  status: caseStudies.status,
  reviewState: caseStudies.reviewState,
  revision: caseStudies.revision,
  publishedRevision: caseStudies.publishedRevision,
  updatedAt: caseStudies.updatedAt,
}

/** An officer's organisation's case studies, and any the person wrote elsewhere; newest first. */
export async function listWorkOf(db: Database, actor: Actor) {
  const authored = db.select({ id: caseStudyRevisions.caseStudyId }).from(caseStudyRevisions).where(eq(caseStudyRevisions.authorUserId, actor.id))
  return db
    .select(columns)
    .from(caseStudies)
    .where(
      actor.organisationId === null
        ? inArray(caseStudies.id, authored)
        : or(eq(caseStudies.ownerOrganisationId, actor.organisationId), inArray(caseStudies.id, authored)),
    )
    .orderBy(desc(caseStudies.updatedAt))
    .limit(200)
}

export async function organisationName(db: Database, id: number | null): Promise<string | null> {
  if (id === null) return null
  const [row] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id))
  return row?.name ?? null
}
