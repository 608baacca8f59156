import { and, asc, desc, eq, isNull, ne, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { bidBudgetLines, bidMilestones, bidParticipants, bidPrinciples, bids, calls, organisations, users } from '../../db/schema/index.ts'
import { findCallById } from './queries.ts'
import { countLedProjectsUnderway } from '../projects/queries.ts'

/** A bid with its rows, its call (with the call's principles) and what the eligibility rules need of its lead. */
export async function findBid(db: Executor, id: number) {
  const [bid] = await db
    .select({ bid: bids, leadName: organisations.name, leadTier: organisations.tier })
    .from(bids)
    .leftJoin(organisations, eq(organisations.id, bids.leadOrganisationId))
    .where(eq(bids.id, id))
  if (!bid) return null
  const call = await findCallById(db, bid.bid.callId)
  if (!call) return null
  const [differences, milestones, budgetLines, participants, ledProjectsUnderway] = await Promise.all([
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
      .select({
        id: bidParticipants.id,
        organisationId: bidParticipants.organisationId,
        organisationName: organisations.name,
        name: bidParticipants.name,
        role: bidParticipants.role,
        acceptedAt: bidParticipants.acceptedAt,
        inviterOrganisationId: users.organisationId,
      })
      .from(bidParticipants)
      .leftJoin(organisations, eq(organisations.id, bidParticipants.organisationId))
      .leftJoin(users, eq(users.id, bidParticipants.invitedByUserId))
      .where(eq(bidParticipants.bidId, id))
      .orderBy(asc(bidParticipants.id)),
    countLedProjectsUnderway(db, bid.bid.leadOrganisationId),
  ])
  return {
    ...bid.bid,
    leadName: bid.leadName,
    leadTier: bid.leadTier,
    call,
    differences,
    milestones,
    budgetLines,
    // A member's own officer put the member in the group: it asked to join (the lead answers),
    // where an invitation came from the lead (the member answers).
    participants: participants.map(({ inviterOrganisationId, ...p }) => ({
      ...p,
      requested: p.role === 'member' && p.organisationId !== null && inviterOrganisationId === p.organisationId,
    })),
    participantOrganisationIds: participants.flatMap((p) => (p.organisationId === null ? [] : [p.organisationId])),
    acceptedMembers: participants.filter((p) => p.role === 'member' && p.acceptedAt !== null).length,
    ledProjectsUnderway,
  }
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

/** Invitations into working groups waiting for the organisation's answer. */
export async function listInvitationsFor(db: Executor, organisationId: number) {
  return (
    db
      .select({ participantId: bidParticipants.id, bidId: bids.id, title: bids.title, lead: organisations.name })
      .from(bidParticipants)
      .innerJoin(bids, eq(bids.id, bidParticipants.bidId))
      .leftJoin(organisations, eq(organisations.id, bids.leadOrganisationId))
      .leftJoin(users, eq(users.id, bidParticipants.invitedByUserId))
      // The organisation's own requests to join wait for the lead, not for it.
      .where(
        and(
          eq(bidParticipants.organisationId, organisationId),
          isNull(bidParticipants.acceptedAt),
          ne(bids.status, 'withdrawn'),
          sql`${users.organisationId} IS DISTINCT FROM ${bidParticipants.organisationId}`,
        ),
      )
      .orderBy(desc(bidParticipants.invitedAt))
  )
}

/** Organisations that may be invited as members: every member of the network but the lead. */
export async function listMemberChoices(db: Executor, leadOrganisationId: number | null) {
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(ne(organisations.tier, 'none'))
    .orderBy(asc(organisations.name))
  return rows.filter((r) => r.id !== leadOrganisationId)
}

/** A call's bids, withdrawn ones last, for the call's page (submitted only) and the administrators' (all). */
export async function listBidsOfCall(db: Executor, callId: number) {
  return db
    .select({ id: bids.id, title: bids.title, status: bids.status, lead: organisations.name, submittedAt: bids.submittedAt })
    .from(bids)
    .leftJoin(organisations, eq(organisations.id, bids.leadOrganisationId))
    .where(eq(bids.callId, callId))
    .orderBy(asc(bids.title), asc(bids.id))
}
