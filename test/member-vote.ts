// Factories for member votes: a closed call decided by vote, with submitted bids of set costs, and
// its vote set up and opened directly in the database (the routes' own tests post the forms).
import { eq } from 'drizzle-orm'
import type { Database } from '../src/db/client.ts'
import { bidBudgetLines, bidDecisions, bids as bidsTable, calls, votes } from '../src/db/schema/index.ts'
import type { BallotType, CountCompletion, CountingRule, DecisionMethod, PaidTier, VoteStatus } from '../src/db/schema/enums.ts'
import { buildBid, buildCall } from './co-production.ts'

export interface VoteCallOverrides {
  decisionMethod?: DecisionMethod
  /** Bids as [title, cost in pence, lead organisation id]; submitted in this order. */
  bids?: Array<[string, number, number]>
  /** For assessment-then-vote: the titles a panel shortlisted. */
  shortlisted?: string[]
  potPence?: number
}

let n = 0

export async function buildVoteCall(db: Database, over: VoteCallOverrides & { leadOrganisationId: number }) {
  n += 1
  const call = await buildCall(db, { slug: `vote-call-${n}`, title: `Policy Prototypes vote ${n}`, status: 'closed', potPence: over.potPence ?? 6_000_000 })
  await db
    .update(calls)
    .set({ decisionMethod: over.decisionMethod ?? 'member-vote' })
    .where(eq(calls.id, call.id))
  const bids = []
  const rows = over.bids ?? [
    ['Tenant-led retrofit', 1_500_000, over.leadOrganisationId],
    ['Community wealth toolkit', 980_000, over.leadOrganisationId],
    ['Youth budget', 400_000, over.leadOrganisationId],
  ]
  for (const [i, [title, cost, lead]] of rows.entries()) {
    const bid = await buildBid(db, { callId: call.id, leadOrganisationId: lead, status: 'submitted', title })
    // Submission order is the tie rule's last step: make it explicit.
    await db.update(bidBudgetLines).set({ amountPence: cost }).where(eq(bidBudgetLines.bidId, bid.id))
    await db
      .update(bidsTable)
      .set({ submittedAt: new Date(Date.UTC(2027, 2, 1, 9, i)) })
      .where(eq(bidsTable.id, bid.id))
    if (over.shortlisted?.includes(title)) await db.insert(bidDecisions).values({ bidId: bid.id, outcome: 'shortlisted', feedback: 'To the vote.' })
    bids.push({ ...bid, costPence: cost })
  }
  return { call: { ...call, decisionMethod: over.decisionMethod ?? 'member-vote' }, bids }
}

export interface VoteOverrides {
  ballotType?: BallotType
  minChoices?: number
  maxChoices?: number | null
  pointsPerBallot?: number | null
  countingRule?: CountingRule
  completion?: CountCompletion
  compareWithGreedy?: boolean
  budgetPence?: number
  tiers?: PaidTier[]
  status?: VoteStatus
  opensAt?: Date
  closesAt?: Date
}

/** A vote on a call, open now (from an hour ago to a day from now) unless told. */
export async function buildVote(db: Database, callId: number, over: VoteOverrides = {}) {
  const [vote] = await db
    .insert(votes)
    .values({
      callId,
      ballotType: over.ballotType ?? 'approval',
      minChoices: over.minChoices ?? 1,
      maxChoices: over.maxChoices ?? null,
      pointsPerBallot: over.pointsPerBallot ?? (over.ballotType === 'cumulative' ? 10 : null),
      countingRule: over.countingRule ?? 'equal-shares',
      completion: over.completion ?? 'add1',
      compareWithGreedy: over.compareWithGreedy ?? false,
      budgetPence: over.budgetPence ?? 2_000_000,
      electorate: { tiers: over.tiers ?? ['full', 'associate'] },
      opensAt: over.opensAt ?? new Date(Date.now() - 3_600_000),
      closesAt: over.closesAt ?? new Date(Date.now() + 86_400_000),
      status: over.status ?? 'open',
    })
    .returning()
  return vote!
}
