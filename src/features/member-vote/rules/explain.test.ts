import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { countElection } from '../../participatory-budgeting/count.ts'
import { countOptionsOf, electionOf, type ElectionInput } from './election.ts'
import { explainProject } from './explain.ts'
import { storedResultOf } from './stored-count.ts'

// 41 ballots for the retrofit, 4 for the youth budget (which cannot pay its £9,800 from £4 x 4 x 10).
const bids = [
  { id: 1, title: 'Retrofit', costPence: 1_996_700 },
  { id: 2, title: 'Youth budget', costPence: 980_000 },
  { id: 3, title: 'Nobody’s idea', costPence: 100_000 },
]
const ballots = [
  ...Array.from({ length: 41 }, (_, i) => ({ receiptCode: `R${String(i).padStart(7, '0')}`, choices: [{ bidId: 1, points: 1 }] })),
  ...Array.from({ length: 4 }, (_, i) => ({ receiptCode: `Y${String(i).padStart(7, '0')}`, choices: [{ bidId: 2, points: 1 }] })),
]
const input: ElectionInput = {
  callTitle: 'Labs',
  ballotType: 'approval',
  budgetPence: 2_500_000,
  countingRule: 'equal-shares',
  bids,
  ballots,
  opensOn: '2027-06-01',
  closesOn: '2027-06-02',
}

function explained(countingRule: 'greedy' | 'equal-shares') {
  const count = storedResultOf(
    countElection(electionOf({ ...input, countingRule }), countOptionsOf({ countingRule, completion: 'none', compareWithGreedy: false })),
    50,
  ).count
  return count.projects.map((p) => {
    const e = explainProject(count, p, { points: false })
    return [
      e.funded,
      e.sentence.key.replace('memberVote.explain.', ''),
      e.sentence.values,
      e.lines.map((l) => [l.key.replace('memberVote.explain.', ''), l.values]),
    ]
  })
}

describe('every bid’s outcome in words', () => {
  it('under Equal Shares: what its supporters paid, or had left', () => {
    assert.deepEqual(explained('equal-shares'), [
      [true, 'fundedEqually', { supporters: 41, amount: '£487' }, []],
      [false, 'notFundedShares', { left: '£2,222', cost: '£9,800' }, []],
      [false, 'noSupport', {}, []],
    ])
  })
  it('under greedy: what was left of the pot when its turn came', () => {
    assert.deepEqual(explained('greedy'), [
      [true, 'fundedGreedyVotes', { support: 41, left: '£25,000', cost: '£19,967' }, []],
      [false, 'notFundedGreedyVotes', { support: 4, left: '£5,033', cost: '£9,800' }, []],
      [false, 'noSupport', {}, []],
    ])
  })

  it('lists what each group of supporters paid when some paid all they had left', () => {
    // Four ballots, £400: £100 each. The first bid takes £80 from each of three; the second needs
    // £110 from the third (£20 left, all of it) and the fourth (£90).
    const bids = [
      { id: 1, title: 'Shared', costPence: 24_000 },
      { id: 2, title: 'Pair', costPence: 11_000 },
    ]
    const ballot = (code: string, ...ids: number[]) => ({ receiptCode: code, choices: ids.map((bidId) => ({ bidId, points: 1 })) })
    const election = electionOf({
      ...input,
      budgetPence: 40_000,
      bids,
      ballots: [ballot('AAAAAAAA', 1), ballot('BBBBBBBB', 1), ballot('CCCCCCCC', 1, 2), ballot('DDDDDDDD', 2)],
    })
    const count = storedResultOf(
      countElection(election, countOptionsOf({ countingRule: 'equal-shares', completion: 'none', compareWithGreedy: false })),
      4,
    ).count
    const pair = explainProject(count, count.projects[1]!, { points: false })
    assert.equal(pair.funded, true)
    assert.deepEqual(pair.sentence, { key: 'memberVote.explain.fundedShares', values: { supporters: 2 } })
    assert.deepEqual(pair.lines, [
      { key: 'memberVote.explain.paidEach', values: { voters: 1, amount: '£90' } },
      { key: 'memberVote.explain.paidAllLeft', values: { voters: 1, amount: '£20' } },
    ])
  })

  it('speaks of points for cumulative ballots counted by greedy', () => {
    const ballots = [
      {
        receiptCode: 'AAAAAAAA',
        choices: [
          { bidId: 1, points: 7 },
          { bidId: 2, points: 3 },
        ],
      },
      { receiptCode: 'BBBBBBBB', choices: [{ bidId: 2, points: 10 }] },
    ]
    const election = electionOf({ ...input, ballotType: 'cumulative', countingRule: 'greedy', budgetPence: 2_000_000, ballots })
    const count = storedResultOf(countElection(election, { rule: 'greedy' }), 2).count
    const e = explainProject(count, count.projects[1]!, { points: true })
    assert.deepEqual([e.funded, e.sentence], [true, { key: 'memberVote.explain.fundedGreedyPoints', values: { support: 13, left: '£20,000', cost: '£9,800' } }])
  })
})
