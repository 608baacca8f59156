import { and, asc, count, eq, inArray, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { ballotChoices, ballots, bidBudgetLines, bidDecisions, bids, calls, organisations, votes, voteVoters } from '../../db/schema/index.ts'
import type { PaidTier } from '../../db/schema/enums.ts'
import { readStoredResult } from './rules/stored-count.ts'
import { countLedProjectsUnderway } from '../projects/queries.ts'

export type VoteRow = typeof votes.$inferSelect
export type VoteCall = Pick<typeof calls.$inferSelect, 'id' | 'slug' | 'title' | 'status' | 'decisionMethod' | 'potPence' | 'capPence' | 'opensOn' | 'closesOn'>

/** A call decides by a member vote when its method says so; assessment alone never does. */
export const decidesByVote = (call: Pick<VoteCall, 'decisionMethod'>): boolean =>
  call.decisionMethod === 'member-vote' || call.decisionMethod === 'assessment-then-vote'

const callColumns = {
  id: calls.id,
  slug: calls.slug,
  title: calls.title,
  status: calls.status,
  decisionMethod: calls.decisionMethod,
  potPence: calls.potPence,
  capPence: calls.capPence,
  opensOn: calls.opensOn,
  closesOn: calls.closesOn,
}

/** A call with its vote (null when none is set up yet). */
export async function findCallAndVote(db: Executor, where: { id: number } | { slug: string }) {
  const [row] = await db
    .select({ call: callColumns, vote: votes })
    .from(calls)
    .leftJoin(votes, eq(votes.callId, calls.id))
    .where('id' in where ? eq(calls.id, where.id) : eq(calls.slug, where.slug))
  return row ?? null
}

export async function findVoteOfCall(db: Executor, callId: number): Promise<VoteRow | null> {
  const [row] = await db.select().from(votes).where(eq(votes.callId, callId))
  return row ?? null
}

const costPence =
  sql<number>`coalesce((select sum(${bidBudgetLines.amountPence}) from ${bidBudgetLines} where ${bidBudgetLines.bidId} = ${bids.id}), 0)::bigint`.mapWith(
    Number,
  )

/**
 * The bids on a vote's ballot, in the order of submission (the tie rule's last step): for a
 * member vote every submitted bid, after an assessment the shortlisted ones. Once counted, the
 * bids the count had and those it left out, whatever their decisions say now.
 */
export async function listBallotBids(db: Executor, call: Pick<VoteCall, 'id' | 'decisionMethod'>, vote: Pick<VoteRow, 'result'> | null) {
  const counted = vote ? readStoredResult(vote.result) : null
  const query = db
    .select({ id: bids.id, title: bids.title, lead: organisations.name, leadOrganisationId: bids.leadOrganisationId, costPence, submittedAt: bids.submittedAt })
    .from(bids)
    .leftJoin(organisations, eq(organisations.id, bids.leadOrganisationId))
    .leftJoin(bidDecisions, eq(bidDecisions.bidId, bids.id))
  const ids = counted ? [...counted.count.projects.map((p) => Number(p.id)), ...counted.leadsAProject].filter((id) => Number.isSafeInteger(id)) : null
  const where = ids
    ? and(eq(bids.callId, call.id), inArray(bids.id, ids.length ? ids : [-1]))
    : call.decisionMethod === 'assessment-then-vote'
      ? and(eq(bids.callId, call.id), eq(bids.status, 'submitted'), eq(bidDecisions.outcome, 'shortlisted'))
      : and(eq(bids.callId, call.id), eq(bids.status, 'submitted'))
  return query.where(where).orderBy(asc(bids.submittedAt), asc(bids.id))
}

export type BallotBidRow = Awaited<ReturnType<typeof listBallotBids>>[number]

/** The organisation an officer votes for, with its tier and name. */
export async function findVoterOrganisation(db: Executor, organisationId: number) {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name, tier: organisations.tier })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
  return row ?? null
}

export async function hasVoted(db: Executor, voteId: number, organisationId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: voteVoters.id })
    .from(voteVoters)
    .where(and(eq(voteVoters.voteId, voteId), eq(voteVoters.organisationId, organisationId)))
  return Boolean(row)
}

/** Member organisations of the electorate's tiers: the most ballots there can be. */
export async function electorateSize(db: Executor, tiers: readonly PaidTier[]): Promise<number> {
  if (tiers.length === 0) return 0
  const [row] = await db
    .select({ n: count() })
    .from(organisations)
    .where(inArray(organisations.tier, [...tiers]))
  return row?.n ?? 0
}

export async function votersCount(db: Executor, voteId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(voteVoters).where(eq(voteVoters.voteId, voteId))
  return row?.n ?? 0
}

/** The anonymised ballots, by receipt code: nothing in them says who cast them or when. */
export async function listBallots(db: Executor, voteId: number) {
  const rows = await db
    .select({ receiptCode: ballots.receiptCode, bidId: ballotChoices.bidId, points: ballotChoices.points })
    .from(ballots)
    .leftJoin(ballotChoices, eq(ballotChoices.receiptCode, ballots.receiptCode))
    .where(eq(ballots.voteId, voteId))
    .orderBy(asc(ballots.receiptCode), asc(ballotChoices.bidId))
  const byCode = new Map<string, { receiptCode: string; choices: { bidId: number; points: number }[] }>()
  for (const row of rows) {
    let ballot = byCode.get(row.receiptCode)
    if (!ballot) byCode.set(row.receiptCode, (ballot = { receiptCode: row.receiptCode, choices: [] }))
    if (row.bidId !== null) ballot.choices.push({ bidId: row.bidId, points: row.points ?? 1 })
  }
  // Sorted here too: the database's collation must not decide the published order.
  return [...byCode.values()].sort((a, b) => (a.receiptCode < b.receiptCode ? -1 : a.receiptCode > b.receiptCode ? 1 : 0))
}

/**
 * The bids whose lead organisation already leads a project underway: under the rule of one funded
 * project per member at a time, the count leaves them out.
 */
export async function bidsLedByProjectLeads<B extends Pick<BallotBidRow, 'id' | 'leadOrganisationId'>>(db: Executor, onBallot: readonly B[]): Promise<B[]> {
  const leads = new Map<number, boolean>()
  const out: B[] = []
  for (const bid of onBallot) {
    const lead = bid.leadOrganisationId
    if (lead === null) continue
    if (!leads.has(lead)) leads.set(lead, (await countLedProjectsUnderway(db, lead)) > 0)
    if (leads.get(lead)) out.push(bid)
  }
  return out
}
