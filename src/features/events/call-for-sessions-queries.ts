// What the event's call for sessions shows: its submitted proposals with how many members back each.
// Beside queries.ts (not in it) so the call's section stays one small piece of the events feature.
import { and, asc, count, eq, inArray } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { bidBackings, bids, organisations } from '../../db/schema/index.ts'

/** The proposals to a call, with their lead, the backers' count and whether `organisationId` backs each. */
export async function listProposals(db: Executor, callId: number, organisationId: number | null) {
  const rows = await db
    .select({
      id: bids.id,
      title: bids.title,
      status: bids.status,
      leadOrganisationId: bids.leadOrganisationId,
      createdByUserId: bids.createdByUserId,
      lead: organisations.name,
    })
    .from(bids)
    .leftJoin(organisations, eq(organisations.id, bids.leadOrganisationId))
    .where(eq(bids.callId, callId))
    .orderBy(asc(bids.title), asc(bids.id))
  const ids = rows.map((r) => r.id)
  const counts =
    ids.length === 0
      ? []
      : await db.select({ bidId: bidBackings.bidId, n: count() }).from(bidBackings).where(inArray(bidBackings.bidId, ids)).groupBy(bidBackings.bidId)
  const ours =
    ids.length === 0 || organisationId === null
      ? []
      : await db
          .select({ bidId: bidBackings.bidId })
          .from(bidBackings)
          .where(and(inArray(bidBackings.bidId, ids), eq(bidBackings.organisationId, organisationId)))
  return rows.map((r) => ({
    ...r,
    backers: counts.find((c) => c.bidId === r.id)?.n ?? 0,
    backedByUs: ours.some((o) => o.bidId === r.id),
  }))
}

export type ProposalRow = Awaited<ReturnType<typeof listProposals>>[number]
