// A vote's ballots as the counting engine's election (and the pabulib file anyone can recount).
// Money is in pence with two decimals, so Add1 raises every share by one pound (100 pence), and
// projects are in the order of submission, the last step of the published tie rule.
import type { BallotType, CountCompletion, CountingRule } from '../../../db/schema/enums.ts'
import { formatAmount, type PbBallot, type PbElection } from '../../participatory-budgeting/election.ts'
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
  completion: CountCompletion
  compareWithGreedy: boolean
  /** The ballot's limits: choices for approval and knapsack ballots, points for cumulative ones. */
  minChoices: number
  maxChoices: number | null
  pointsPerBallot: number | null
  /** Bids on the ballot the count left out (their lead already leads a project underway, or a bid this count funds): said in the file's comment. */
  leftOut?: readonly { id: number; title: string }[]
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
      ['rule', pabulibRule(input)],
      ...ballotLimits(input),
      ['currency', 'GBP'],
      ['date_begin', input.opensOn],
      ['date_end', input.closesOn],
      ['language', 'en'],
      ['comment', commentOf(input)],
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

type VoteMethod = Pick<
  ElectionInput,
  'ballotType' | 'budgetPence' | 'countingRule' | 'completion' | 'compareWithGreedy' | 'minChoices' | 'maxChoices' | 'pointsPerBallot'
>

/** What of a vote's set-up the election and its file need: the ballot, its limits and the counting rule. */
export const voteMethodOf = (vote: VoteMethod): VoteMethod => ({
  ballotType: vote.ballotType,
  budgetPence: vote.budgetPence,
  countingRule: vote.countingRule,
  completion: vote.completion,
  compareWithGreedy: vote.compareWithGreedy,
  minChoices: vote.minChoices,
  maxChoices: vote.maxChoices,
  pointsPerBallot: vote.pointsPerBallot,
})

/** pabulib's name for the rule: `equalshares/add1-comparison` is Equal Shares completed by Add1 and compared with greedy. */
export function pabulibRule(vote: Pick<ElectionInput, 'countingRule' | 'completion' | 'compareWithGreedy'>): string {
  if (vote.countingRule === 'greedy') return 'greedy'
  return `equalshares${vote.completion === 'add1' ? '/add1' : ''}${vote.compareWithGreedy ? '-comparison' : ''}`
}

/**
 * The ballot's limits under pabulib's keys: min_length and max_length (how many bids a ballot
 * chooses), max_sum_cost (a knapsack ballot's bids fit the budget), min_sum_points and
 * max_sum_points (a cumulative ballot shares out exactly so many points).
 */
function ballotLimits(input: ElectionInput): [string, string][] {
  if (input.ballotType === 'cumulative') {
    const points = String(input.pointsPerBallot ?? 0)
    return [
      ['min_sum_points', points],
      ['max_sum_points', points],
    ]
  }
  const rows: [string, string][] = [['min_length', String(input.minChoices)]]
  if (input.maxChoices !== null) rows.push(['max_length', String(input.maxChoices)])
  if (input.ballotType === 'knapsack') rows.push(['max_sum_cost', formatAmount(BigInt(input.budgetPence), penceDecimals)])
  return rows
}

/** How the vote was counted, in words, numbered as pabulib's comments are, with the command that recounts it. */
function commentOf(input: ElectionInput): string {
  const method =
    input.countingRule === 'greedy'
      ? 'Counted by greedy: bids in order of support (ballots choosing each' +
        (input.ballotType === 'cumulative' ? ', or here the points given to each' : '') +
        '), each funded if it still fits in what is left of the budget'
      : 'Counted by the Method of Equal Shares (cost satisfaction; points ballots count as approvals)' +
        (input.completion === 'add1'
          ? " completed by Add1 (raise each voter's share by £1 from the budget divided by the ballots, rounded down to whole pounds, and count again; the last outcome that fits the budget is kept)"
          : ', not completed') +
        (input.compareWithGreedy ? ", compared with greedy (greedy's outcome is published instead when strictly more ballots prefer it)" : '')
  const options =
    input.countingRule === 'greedy'
      ? '--rule greedy'
      : `--rule equal-shares --completion ${input.completion}${input.compareWithGreedy ? ' --compare-with-greedy' : ''}`
  const notes = [
    `${method}.`,
    'Ties: the bid chosen by more ballots first, then the cheaper bid, then the bid submitted first (the order of PROJECTS).',
    ...(input.leftOut?.length
      ? [
          `Left out of the count, as their lead organisation already leads a project underway or a bid funded before them in this count (one funded project per member at a time): ${input.leftOut
            .map((b) => `${b.id} (${b.title})`)
            .join(', ')}. Ballots' choices of them are dropped.`,
        ]
      : []),
    `Recount with: coophub pb count FILE ${options}.`,
    "voter_id is the ballot's receipt code, which names nobody.",
  ]
  return notes.map((note, i) => `#${i + 1}: ${note}`).join(' ')
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
