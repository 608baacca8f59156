import { and, asc, count, desc, eq, isNotNull } from 'drizzle-orm'
import type { Database, Executor } from '../../db/client.ts'
import { bidBudgetLines, bidMilestones, bidParticipants, bidPrinciples, bids, calls, organisations } from '../../db/schema/index.ts'
import { findCallById } from './queries.ts'

/** A bid with its rows, its call (with the call's principles) and what the eligibility rules need of its lead. */
export async function findBid(db: Database, id: number) {
  const [bid] = await db
    .select({ bid: bids, leadName: organisations.name, leadTier: organisations.tier })
    .from(bids)
    .leftJoin(organisations, eq(organisations.id, bids.leadOrganisationId))
    .where(eq(bids.id, id))
  if (!bid) return null
  const call = await findCallById(db, bid.bid.callId)
  if (!call) return null
  const [differences, milestones, budgetLines, [accepted]] = await Promise.all([
    db.select({ principleId: bidPrinciples.principleId, difference: bidPrinciples.difference }).from(bidPrinciples).where(eq(bidPrinciples.bidId, id)),
    db
      .select({ title: bidMilestones.title, dueOn: bidMilestones.dueOn })
      .from(bidMilestones)
      .where(eq(bidMilestones.bidId, id))
      .orderBy(asc(bidMilestones.position)),
    db
      .select({ description: bidBudgetLines.description, amountPence: bidBudgetLines.amountPence })
      .from(bidBudgetLines)
      .where(eq(bidBudgetLines.bidId, id))
      .orderBy(asc(bidBudgetLines.position)),
    db
      .select({ n: count() })
      .from(bidParticipants)
      .where(and(eq(bidParticipants.bidId, id), eq(bidParticipants.role, 'member'), isNotNull(bidParticipants.acceptedAt))),
  ])
  return { ...bid.bid, leadName: bid.leadName, leadTier: bid.leadTier, call, differences, milestones, budgetLines, acceptedMembers: accepted?.n ?? 0 }
}

export type BidRow = NonNullable<Awaited<ReturnType<typeof findBid>>>

/** The bids an organisation leads, newest first, for its officers' dashboard. */
export async function listBidsLedBy(db: Executor, organisationId: number) {
  return db
    .select({ id: bids.id, title: bids.title, status: bids.status, callTitle: calls.title, callSlug: calls.slug, updatedAt: bids.updatedAt })
    .from(bids)
    .innerJoin(calls, eq(calls.id, bids.callId))
    .where(eq(bids.leadOrganisationId, organisationId))
    .orderBy(desc(bids.updatedAt))
}
