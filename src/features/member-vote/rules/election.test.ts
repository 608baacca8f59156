import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { countElection } from '../../participatory-budgeting/count.ts'
import { parsePabulib, toPabulib } from '../../participatory-budgeting/pabulib.ts'
import { metaValue } from '../../participatory-budgeting/election.ts'
import { countOptionsOf, electionOf, type ElectionInput } from './election.ts'
import { readStoredResult, storedResultOf } from './stored-count.ts'

const bids = [
  { id: 7, title: 'Tenants steer the retrofit', costPence: 1_500_000 },
  { id: 3, title: 'Community wealth; a "toolkit"', costPence: 980_000 },
  { id: 9, title: 'Youth budget', costPence: 450_050 },
]
const ballot = (receiptCode: string, ...bidIds: number[]) => ({ receiptCode, choices: bidIds.map((bidId) => ({ bidId, points: 1 })) })
const input: ElectionInput = {
  callTitle: 'Policy Labs 2027',
  ballotType: 'approval',
  budgetPence: 2_000_000,
  countingRule: 'equal-shares',
  completion: 'none',
  compareWithGreedy: false,
  minChoices: 1,
  maxChoices: null,
  pointsPerBallot: null,
  bids,
  ballots: [ballot('ZZZZ-AAAA-BBBB-CCCC', 7), ballot('AAAA-AAAA-AAAA-AAAA', 3, 9), ballot('MMMM-MMMM-MMMM-MMMM', 9, 7), ballot('BBBB-BBBB-BBBB-BBBB', 7)],
  opensOn: '2027-06-01',
  closesOn: '2027-06-15',
}

describe('a vote as an election', () => {
  it('lists the bids in the order of submission, costs in pence, and ballots by receipt code', () => {
    const election = electionOf(input)
    assert.deepEqual(
      election.projects.map((p) => [p.id, p.cost]),
      [
        ['7', 1_500_000n],
        ['3', 980_000n],
        ['9', 450_050n],
      ],
    )
    assert.equal(election.decimals, 2)
    assert.deepEqual(
      election.ballots.map((b) => [b.voterId, b.projects.join(',')]),
      [
        ['AAAA-AAAA-AAAA-AAAA', '3,9'],
        ['BBBB-BBBB-BBBB-BBBB', '7'],
        ['MMMM-MMMM-MMMM-MMMM', '7,9'],
        ['ZZZZ-AAAA-BBBB-CCCC', '7'],
      ],
    )
  })

  it('raises shares under Add1 by one pound (100 pence)', () => {
    const result = countElection(electionOf(input), countOptionsOf({ countingRule: 'equal-shares', completion: 'add1', compareWithGreedy: false }))
    assert.ok(result.add1)
    assert.equal(result.add1.startShare, 500_000n)
    assert.equal(result.add1.finalShare - result.add1.startShare, BigInt(result.add1.raises) * 100n)
  })

  for (const ballotType of ['approval', 'cumulative'] as const) {
    it(`writes a ${ballotType} pabulib file that reads back and recounts to the same winners`, () => {
      const withPoints =
        ballotType === 'cumulative'
          ? { ...input, ballotType, ballots: input.ballots.map((b) => ({ ...b, choices: b.choices.map((c, i) => ({ ...c, points: i + 2 })) })) }
          : input
      const election = electionOf(withPoints)
      const text = toPabulib(election)
      assert.match(text, /^budget;20000\.00$/m)
      assert.match(text, /^currency;GBP$/m)
      assert.match(text, /^9;4500\.50;/m)
      const read = parsePabulib(text)
      assert.equal(read.budget, 2_000_000n)
      for (const countingRule of ['greedy', 'equal-shares'] as const)
        for (const completion of ['none', 'add1'] as const) {
          const options = countOptionsOf({ countingRule, completion, compareWithGreedy: true })
          assert.deepEqual(countElection(read, options).winners, countElection(election, options).winners)
        }
    })
  }

  it('keeps a count as JSON, bigints as strings', () => {
    const result = countElection(electionOf(input), countOptionsOf({ countingRule: 'equal-shares', completion: 'add1', compareWithGreedy: true }))
    const stored = JSON.parse(JSON.stringify(storedResultOf(result, 12))) as unknown
    const read = readStoredResult(stored)
    assert.ok(read)
    assert.equal(read.electorate, 12)
    assert.equal(read.count.budget, '2000000')
    assert.deepEqual(read.count.winners, result.winners)
    assert.equal(readStoredResult({ electorate: 'x' }), null)
  })

  describe('says in its META how the vote was counted, under pabulib’s keys', () => {
    const metaOf = (over: Partial<ElectionInput>) => {
      const read = parsePabulib(toPabulib(electionOf({ ...input, ...over })))
      const keys = ['vote_type', 'rule', 'min_length', 'max_length', 'max_sum_cost', 'min_sum_points', 'max_sum_points']
      return Object.fromEntries(keys.flatMap((k) => (metaValue(read, k) === undefined ? [] : [[k, metaValue(read, k)]])))
    }
    for (const [what, over, meta] of [
      [
        'greedy, approval with a range',
        { countingRule: 'greedy', minChoices: 2, maxChoices: 3 },
        { vote_type: 'approval', rule: 'greedy', min_length: '2', max_length: '3' },
      ],
      ['Equal Shares alone', {}, { vote_type: 'approval', rule: 'equalshares', min_length: '1' }],
      ['Equal Shares with Add1', { completion: 'add1' }, { vote_type: 'approval', rule: 'equalshares/add1', min_length: '1' }],
      [
        'Equal Shares with Add1, compared with greedy',
        { completion: 'add1', compareWithGreedy: true },
        { vote_type: 'approval', rule: 'equalshares/add1-comparison', min_length: '1' },
      ],
      [
        'knapsack: the bids fit the budget',
        { ballotType: 'knapsack' },
        { vote_type: 'approval', rule: 'equalshares', min_length: '1', max_sum_cost: '20000.00' },
      ],
      [
        'cumulative: exactly so many points',
        { ballotType: 'cumulative', pointsPerBallot: 10, ballots: [] },
        { vote_type: 'cumulative', rule: 'equalshares', min_sum_points: '10', max_sum_points: '10' },
      ],
    ] as const)
      it(what, () => assert.deepEqual(metaOf(over as Partial<ElectionInput>), meta))

    it('comments in words, numbered as pabulib’s comments are, with the options that recount it', () => {
      const read = parsePabulib(toPabulib(electionOf({ ...input, completion: 'add1', compareWithGreedy: true, leftOut: [{ id: 4, title: 'Second project' }] })))
      const comment = metaValue(read, 'comment') ?? ''
      assert.match(
        comment,
        /^#1: Counted by the Method of Equal Shares \(cost satisfaction; points ballots count as approvals\) completed by Add1 \(raise each voter's share by £1 /,
      )
      assert.match(comment, /, compared with greedy \(greedy's outcome is published instead when strictly more ballots prefer it\)\. #2: Ties: /)
      assert.match(comment, /#3: Left out of the count, as their lead organisation already leads a project underway .*: 4 \(Second project\)\./)
      assert.match(comment, /#4: Recount with: coophub pb count FILE --rule equal-shares --completion add1 --compare-with-greedy\./)
      const greedy = metaValue(parsePabulib(toPabulib(electionOf({ ...input, countingRule: 'greedy' }))), 'comment') ?? ''
      assert.match(greedy, /^#1: Counted by greedy: .* #3: Recount with: coophub pb count FILE --rule greedy\./)
    })
  })
})
