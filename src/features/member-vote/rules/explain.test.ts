import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { countElection } from '../../participatory-budgeting/count.ts'
import { countOptionsOf, electionOf, type ElectionInput } from './election.ts'
import { explainProject } from './explain.ts'
import { storedResultOf, type StoredCount } from './stored-count.ts'
import { translator } from '../../../i18n/catalogue.ts'

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
  completion: 'none',
  compareWithGreedy: false,
  minChoices: 1,
  maxChoices: null,
  pointsPerBallot: null,
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
      [false, 'notFundedShares', { left: '£2,222.22', cost: '£9,800' }, []],
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

describe('amounts in the explanations, to the penny', () => {
  // A count of one bid of £9,800 under Equal Shares, with what its supporters paid or had left.
  const money = (num: number | bigint, den: number | bigint = 1) => ({ exact: { num: String(num), den: String(den) }, rounded: '0' })
  const countWith = (project: Partial<StoredCount['projects'][number]>): StoredCount =>
    ({
      publishedRule: 'equal-shares',
      projects: [
        {
          id: '1',
          cost: '980000',
          funded: false,
          round: null,
          supporters: 4,
          support: 4,
          payments: [],
          supportersLeft: null,
          budgetLeftWhenReached: null,
          ...project,
        },
      ],
    }) as unknown as StoredCount
  const said = (project: Partial<StoredCount['projects'][number]>) => {
    const count = countWith(project)
    const e = explainProject(count, count.projects[0]!, { points: false })
    return [e.sentence.values, ...e.lines.map((l) => l.values)]
  }

  for (const [what, project, values] of [
    ['whole pounds left stay whole', { supportersLeft: money(300_000) }, [{ left: '£3,000', cost: '£9,800' }]],
    ['a miss by 40p shows the pence', { supportersLeft: money(979_960) }, [{ left: '£9,799.60', cost: '£9,800' }]],
    ['a miss by under a penny is never shown as the cost', { supportersLeft: money(9_799_999, 10) }, [{ left: '£9,799.99', cost: '£9,800' }]],
    ['fractions of a penny left round down', { supportersLeft: money(1_000_019, 100) }, [{ left: '£100', cost: '£9,800' }]],
    [
      'an equal payment in whole pounds',
      { funded: true, payments: [{ perVoter: money(245_000), voters: 4, allTheyHadLeft: false }] },
      [{ supporters: 4, amount: '£2,450' }],
    ],
    [
      'an equal payment in pounds and pence, to the nearest penny',
      { funded: true, supporters: 3, payments: [{ perVoter: money(980_000, 3), voters: 3, allTheyHadLeft: false }] },
      [{ supporters: 3, amount: '£3,266.67' }],
    ],
    [
      'unequal payments, each to the penny',
      {
        funded: true,
        payments: [
          { perVoter: money(300_050), voters: 3, allTheyHadLeft: false },
          { perVoter: money(79_850), voters: 1, allTheyHadLeft: true },
        ],
      },
      [{ supporters: 4 }, { voters: 3, amount: '£3,000.50' }, { voters: 1, amount: '£798.50' }],
    ],
  ] as const)
    it(what, () => assert.deepEqual(said(project as Partial<StoredCount['projects'][number]>), values))

  it('says the pence in English and in Welsh', () => {
    const count = countWith({ supportersLeft: money(979_960) })
    const { sentence } = explainProject(count, count.projects[0]!, { points: false })
    assert.equal(translator('en')(sentence.key, sentence.values), 'Not funded: its supporters had £9,799.60 left between them, and it cost £9,800.')
    assert.equal(
      translator('cy')(sentence.key, sentence.values),
      'Heb ei ariannu: roedd gan ei gefnogwyr £9,799.60 ar ôl rhyngddynt, ac roedd yn costio £9,800.',
    )
  })
})
