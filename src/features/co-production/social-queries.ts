// What the social side of a bid reads: its backers, its comments, the lead's officers to tell.
import { and, asc, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { bidBackings, bidComments, organisations, users } from '../../db/schema/index.ts'

/** The organisations backing a bid, in the order they backed it. */
export async function listBackers(db: Executor, bidId: number) {
  return db
    .select({ organisationId: bidBackings.organisationId, name: organisations.name, createdAt: bidBackings.createdAt })
    .from(bidBackings)
    .leftJoin(organisations, eq(organisations.id, bidBackings.organisationId))
    .where(eq(bidBackings.bidId, bidId))
    .orderBy(asc(bidBackings.createdAt), asc(bidBackings.id))
}

/** Every comment of a bid, oldest first, with the organisation its author spoke for. */
export async function listComments(db: Executor, bidId: number) {
  return db
    .select({
      id: bidComments.id,
      parentId: bidComments.parentId,
      authorLabel: bidComments.authorLabel,
      organisation: organisations.name,
      body: bidComments.body,
      hiddenAt: bidComments.hiddenAt,
      hiddenReason: bidComments.hiddenReason,
      createdAt: bidComments.createdAt,
    })
    .from(bidComments)
    .leftJoin(organisations, eq(organisations.id, bidComments.authorOrganisationId))
    .where(eq(bidComments.bidId, bidId))
    .orderBy(asc(bidComments.createdAt), asc(bidComments.id))
}

export type CommentRow = Awaited<ReturnType<typeof listComments>>[number]

/** The active officers of an organisation, with the language of their emails. */
export async function officersOf(db: Executor, organisationId: number) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, language: users.language })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.role, 'officer'), eq(users.status, 'active')))
    .orderBy(asc(users.id))
}

/** An organisation's membership tier, or null when there is no such organisation. */
export async function tierOf(db: Executor, organisationId: number | null) {
  if (organisationId === null) return null
  const [row] = await db.select({ tier: organisations.tier, name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId))
  return row ?? null
}
