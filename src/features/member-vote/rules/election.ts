// A vote's ballots as the counting engine's election (and the pabulib file anyone can recount).
// Money is in pence with two decimals, so Add1 raises every share by one pound (100 pence), and
// projects are in the order of submission, the last step of the published tie rule.
import type { BallotType, CountCompletion, CountingRule } from '../../../db/schema/enums.ts'
import type { PbBallot, PbElection } from '../../participatory-budgeting/election.ts'
import type { CountOptions } from '../../participatory-budgeting/count.ts'

export interface ElectionBid {
  id: number
  title: string
  costPence: number
}

export interface ElectionBallot {
  receiptCode: string
  choices: readonly { bidId: number; points: number }[]
}

export interface ElectionInput {
  callTitle: string
  ballotType: BallotType
  budgetPence: number
  countingRule: CountingRule
  /** In the order of submission. */
  bids: readonly ElectionBid[]
  ballots: readonly ElectionBallot[]
  opensOn: string
  closesOn: string
}

/** Pence are the smallest unit: £9,800 is 980000 with two decimals. */
export const penceDecimals = 2

/**
 * Knapsack ballots are approvals that fit the pot, as pabulib writes them; cumulative ballots
 * keep their points. Ballots are sorted by receipt code, so their order says nothing of when
 * they were cast, and the voter ids are the receipt codes, which name nobody.
 */
export function electionOf(input: ElectionInput): PbElection {
  const order = new Map(input.bids.map((b, i) => [b.id, i]))
  const withPoints = input.ballotType === 'cumulative'
  const ballots: PbBallot[] = [...input.ballots]
    .sort((a, b) => (a.receiptCode < b.receiptCode ? -1 : a.receiptCode > b.receiptCode ? 1 : 0))
    .map((ballot) => {
      const choices = ballot.choices.filter((c) => order.has(c.bidId)).sort((a, b) => order.get(a.bidId)! - order.get(b.bidId)!)
      return {
        voterId: ballot.receiptCode,
        projects: choices.map((c) => String(c.bidId)),
        ...(withPoints ? { points: choices.map((c) => c.points) } : {}),
        fields: {},
      }
    })
  return {
    meta: [
      ['description', input.callTitle],
      ['country', 'United Kingdom'],
      ['unit', input.callTitle],
      ['instance', input.closesOn.slice(0, 4)],
      ['num_projects', String(input.bids.length)],
      ['num_votes', String(ballots.length)],
      ['budget', ''],
      ['vote_type', ''],
      ['rule', input.countingRule === 'greedy' ? 'greedy' : 'equalshares'],
      ['currency', 'GBP'],
      ['date_begin', input.opensOn],
      ['date_end', input.closesOn],
      ['language', 'en'],
    ],
    voteType: withPoints ? 'cumulative' : 'approval',
    budget: BigInt(input.budgetPence),
    decimals: penceDecimals,
    projects: input.bids.map((b) => ({ id: String(b.id), cost: BigInt(b.costPence), fields: { name: b.title } })),
    ballots,
    projectColumns: ['name'],
    voteColumns: [],
  }
}

/**
 * The engine's options for a vote. No tie order is passed: the engine's own published rule is
 * the network's (most supporters, then the lower cost, then the bid submitted first — the
 * election's project order), and the count records the order it used.
 */
export function countOptionsOf(vote: { countingRule: CountingRule; completion: CountCompletion; compareWithGreedy: boolean }): CountOptions {
  if (vote.countingRule === 'greedy') return { rule: 'greedy' }
  return { rule: 'equal-shares', completion: vote.completion, compareWithGreedy: vote.compareWithGreedy }
}
