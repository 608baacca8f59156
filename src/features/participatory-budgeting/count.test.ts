import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { countElection, type CountOptions } from './count.ts'
import type { PbElection, VoteType } from './election.ts'
import { rational, type Rational } from './rational.ts'

/** An election from a table: costs by project id (whole units), ballots as "A,B" (or "A:3,B:1" for points). */
function election(budget: number, costs: Record<string, number>, ballots: string[], voteType: VoteType = 'approval'): PbElection {
  return {
    meta: [],
    voteType,
    budget: BigInt(budget),
    decimals: 0,
    projects: Object.entries(costs).map(([id, cost]) => ({ id, cost: BigInt(cost), fields: {} })),
    ballots: ballots.map((text, i) => {
      const entries = text === '' ? [] : text.split(',').map((e) => e.split(':'))
      const withPoints = voteType === 'cumulative' || voteType === 'scoring'
      return {
        voterId: String(i + 1),
        projects: entries.map(([id]) => id!),
        ...(withPoints ? { points: entries.map(([, points]) => Number(points ?? 1)) } : {}),
        fields: {},
      }
    }),
    projectColumns: [],
    voteColumns: [],
  }
}

const count = (e: PbElection, options: CountOptions) => countElection(e, options)
const exact = (num: bigint, den = 1n) => rational(num, den)

describe('greedy', () => {
  for (const { name, e, winners, cost } of [
    {
      name: 'funds by support and skips what no longer fits',
      e: election(100, { A: 60, B: 50, C: 40 }, ['A,B', 'A,B', 'A', 'C']),
      winners: ['A', 'C'],
      cost: 100n,
    },
    { name: 'counts points for cumulative votes', e: election(100, { A: 60, B: 50 }, ['A:1,B:9', 'A:5,B:5', 'A:6'], 'cumulative'), winners: ['B'], cost: 50n },
    { name: 'funds nothing when every project costs more than the budget', e: election(10, { A: 60, B: 50 }, ['A', 'B']), winners: [], cost: 0n },
    { name: 'funds everything that fits together', e: election(1000, { A: 60, B: 50, C: 1 }, ['A', 'B', 'C']), winners: ['A', 'B', 'C'], cost: 111n },
    { name: 'never funds a project nobody voted for', e: election(1000, { A: 60, B: 50 }, ['A']), winners: ['A'], cost: 60n },
    // A and B tie on support; B is cheaper, so the published tie rule takes it first and A no longer fits.
    { name: 'breaks a tie in support by lower cost', e: election(70, { A: 60, B: 50, C: 20 }, ['A,B', 'B,A', 'C']), winners: ['B', 'C'], cost: 70n },
    // Same support and cost: the order of submission decides.
    { name: 'then by the order of submission', e: election(50, { A: 50, B: 50 }, ['B', 'A']), winners: ['A'], cost: 50n },
  ])
    it(name, () => {
      const result = count(e, { rule: 'greedy' })
      assert.deepEqual(result.winners, winners)
      assert.equal(result.cost, cost)
      assert.equal(result.publishedRule, 'greedy')
      assert.equal(result.share, null)
    })

  it('says what was left when each project’s turn came', () => {
    const result = count(election(100, { A: 60, B: 50, C: 40 }, ['A,B', 'A,B', 'A', 'C']), { rule: 'greedy' })
    assert.deepEqual(
      result.projects.map((p) => [p.id, p.funded, p.round, p.supporters, p.budgetLeftWhenReached]),
      [
        ['A', true, 1, 3, 100n],
        ['B', false, null, 2, 40n],
        ['C', true, 2, 1, 40n],
      ],
    )
  })

  it('counts ordinal and choose-1 ballots as approvals, and adds up scoring points', () => {
    assert.deepEqual(count(election(100, { A: 60, B: 50 }, ['B,A', 'A']), { rule: 'greedy' }).winners, ['A'])
    assert.deepEqual(count(election(100, { A: 60, B: 50 }, ['B,A', 'A'], 'ordinal'), { rule: 'greedy' }).winners, ['A'])
    assert.deepEqual(count(election(100, { A: 60, B: 50 }, ['B', 'A', 'B'], 'choose-1'), { rule: 'greedy' }).winners, ['B'])
    const scored = count(election(100, { A: 60, B: 50 }, ['A:1,B:3', 'A:2,B:0', 'A:1'], 'scoring'), { rule: 'greedy' })
    assert.deepEqual(scored.winners, ['A'])
    // A score of 0 is not support.
    assert.deepEqual(
      scored.projects.map((p) => [p.id, p.support, p.supporters]),
      [
        ['A', 4, 3],
        ['B', 3, 1],
      ],
    )
  })

  it('follows an explicit tie order', () => {
    assert.deepEqual(count(election(50, { A: 50, B: 50 }, ['B', 'A']), { rule: 'greedy', tieOrder: ['B', 'A'] }).winners, ['B'])
    assert.throws(() => count(election(50, { A: 50 }, ['A']), { rule: 'greedy', tieOrder: ['Z'] }), RangeError)
  })
})

describe('Method of Equal Shares', () => {
  // Budget 100, 4 voters: a share of 25 each. A (60) costs its 3 supporters 20 each, ρ = 1/3; C
  // (30) would cost its 2 supporters 15 each, ρ = 1/2; B (40) is beyond its one supporter's 25. A
  // is funded; then C's supporters have 5 + 25 = 30: voter 3 pays their last 5, voter 4 pays 25.
  const worked = election(100, { A: 60, B: 40, C: 30 }, ['A', 'A', 'A,C', 'B,C'])

  it('funds the projects the worked example says, and explains each', () => {
    const result = count(worked, { rule: 'equal-shares' })
    assert.deepEqual(result.winners, ['A', 'C'])
    assert.equal(result.cost, 90n)
    assert.deepEqual(result.share, { exact: exact(25n), rounded: 25n })
    const [a, b, c] = result.projects
    assert.deepEqual(a, {
      id: 'A',
      cost: 60n,
      funded: true,
      round: 1,
      supporters: 3,
      support: 3,
      payments: [{ perVoter: { exact: exact(20n), rounded: 20n }, voters: 3, allTheyHadLeft: false }],
      supportersLeft: null,
      budgetLeftWhenReached: null,
    })
    assert.equal(b?.funded, false)
    assert.deepEqual(b?.supportersLeft, { exact: exact(0n), rounded: 0n })
    assert.deepEqual(c?.payments, [
      { perVoter: { exact: exact(25n), rounded: 25n }, voters: 1, allTheyHadLeft: false },
      { perVoter: { exact: exact(5n), rounded: 5n }, voters: 1, allTheyHadLeft: true },
    ])
    assert.equal(c?.round, 2)
  })

  it('pays in exact fractions and rounds them to whole units for display', () => {
    // 3 voters share 10 each; A (10) costs each 10/3.
    const result = count(election(30, { A: 10, B: 25 }, ['A', 'A', 'A,B']), { rule: 'equal-shares' })
    assert.deepEqual(result.projects[0]?.payments, [{ perVoter: { exact: exact(10n, 3n), rounded: 3n }, voters: 3, allTheyHadLeft: false }])
    // B's one supporter has 10 − 10/3 = 20/3 left, below its 25.
    assert.deepEqual(result.projects[1]?.supportersLeft, { exact: exact(20n, 3n), rounded: 7n })
  })

  it('funds nothing when no group of supporters can afford a project', () => {
    const result = count(election(100, { A: 60, B: 60 }, ['A', 'B']), { rule: 'equal-shares' })
    assert.deepEqual(result.winners, [])
    assert.equal(result.cost, 0n)
  })

  it('funds everything when every project is within its supporters’ shares', () => {
    const result = count(election(100, { A: 10, B: 20, C: 30 }, ['A,B,C', 'B,C']), { rule: 'equal-shares' })
    assert.deepEqual(result.winners, ['A', 'B', 'C'])
    assert.equal(result.cost, 60n)
  })

  it('counts voters with empty ballots in the share', () => {
    // 2 voters: a share of 5 each; the one supporter of A (cost 6) cannot pay it alone.
    assert.deepEqual(count(election(10, { A: 6 }, ['A', '']), { rule: 'equal-shares' }).winners, [])
    assert.deepEqual(count(election(10, { A: 5 }, ['A', '']), { rule: 'equal-shares' }).winners, ['A'])
  })

  it('breaks a tie in ρ by the published rule, or by an explicit tie order', () => {
    // Two voters approve everything, share 5: A, B, C all cost ρ = 1/2; the cheapest, B, goes first and leaves 3.5 each,
    // too little for A or C (9).
    const e = election(10, { A: 9, B: 3, C: 9 }, ['A,B,C', 'A,B,C'])
    assert.deepEqual(count(e, { rule: 'equal-shares' }).winners, ['B'])
    assert.deepEqual(count(e, { rule: 'equal-shares', tieOrder: ['C', 'A', 'B'] }).winners, ['C'])
  })
})

describe('Add1', () => {
  it('raises the share while the outcome still fits, and stops when everything is funded', () => {
    // Budget 10, 2 voters. Share 5: X (6) costs 3 each and leaves 2, too little for Y (4).
    // Share 6 leaves 3; share 7 leaves 4: Y is funded and the outcome costs 10, everything.
    const result = count(election(10, { X: 6, Y: 4 }, ['X,Y', 'X']), { rule: 'equal-shares', completion: 'add1' })
    assert.deepEqual(result.winners, ['X', 'Y'])
    assert.equal(result.cost, 10n)
    assert.deepEqual(result.add1, { startShare: 5n, finalShare: 7n, raises: 2, stoppedBecause: 'everything-funded' })
    assert.deepEqual(result.share, { exact: exact(7n), rounded: 7n })
    assert.equal(count(election(10, { X: 6, Y: 4 }, ['X,Y', 'X']), { rule: 'equal-shares' }).cost, 6n)
  })

  it('keeps the last outcome within budget when the next raise overspends', () => {
    // As above with Y costing 5: at share 8 Y is funded and the outcome (11) exceeds 10.
    const result = count(election(10, { X: 6, Y: 5 }, ['X,Y', 'X']), { rule: 'equal-shares', completion: 'add1' })
    assert.deepEqual(result.winners, ['X'])
    assert.deepEqual(result.add1, { startShare: 5n, finalShare: 7n, raises: 2, stoppedBecause: 'over-budget' })
  })

  it('goes on past an outcome that leaves too little for any other project', () => {
    // Tie order A, B, C. Share 4: only B (3) is affordable; 6 left is less than A or C (9). A rule stopping there
    // would publish B. Share 5: A, B, C tie at ρ = 1/2, A goes first and costs the whole 9, and the outcome still
    // fits. Share 6: A then B, 12, over the budget. So A, at share 5.
    const e = election(9, { A: 9, B: 3, C: 9 }, ['A,B,C', 'A,B,C'])
    const result = count(e, { rule: 'equal-shares', completion: 'add1', tieOrder: ['A', 'B', 'C'] })
    assert.deepEqual(result.winners, ['A'])
    assert.deepEqual(result.add1, { startShare: 4n, finalShare: 5n, raises: 1, stoppedBecause: 'over-budget' })
  })

  it('starts from the whole-unit share and raises by one whole currency unit of a decimal currency', () => {
    // Budget £10.01 for 2 voters (pence): the start share is £5.00, raises of £1 (100 pence).
    const e = { ...election(1001, { X: 600, Y: 500 }, ['X,Y', 'X']), decimals: 2 }
    const result = count(e, { rule: 'equal-shares', completion: 'add1' })
    assert.equal(result.add1?.startShare, 500n)
    assert.equal((result.add1!.finalShare - 500n) % 100n, 0n)
    assert.ok(result.cost <= 1001n)
  })

  it('takes a larger step when asked', () => {
    const result = count(election(10, { X: 6, Y: 4 }, ['X,Y', 'X']), { rule: 'equal-shares', completion: 'add1', add1Step: 2n })
    // Steps of 2 from floor(10 / (2 × 2)) × 2 = 4: share 8 leaves 5 each after X, enough for Y.
    assert.deepEqual(result.add1, { startShare: 4n, finalShare: 8n, raises: 2, stoppedBecause: 'everything-funded' })
  })
})

describe('comparison with greedy', () => {
  // Budget 100, 7 voters, a share of 100/7 each. Four want the big project L (90), three want S1 and
  // S2 (20 each). Greedy funds L (most votes) and then nothing fits. Equal Shares: L's four
  // supporters have 400/7 < 90; S1 and S2 cost their three supporters 20/3 each. Voters 1–4 prefer
  // greedy (90 > 0), voters 5–7 prefer Equal Shares (40 > 0).
  const e = election(100, { L: 90, S1: 20, S2: 20 }, ['L', 'L', 'L', 'L', 'S1,S2', 'S1,S2', 'S1,S2'])

  it('publishes the greedy outcome when more voters prefer it', () => {
    const result = count(e, { rule: 'equal-shares', compareWithGreedy: true })
    assert.deepEqual(result.winners, ['L'])
    assert.equal(result.publishedRule, 'greedy')
    assert.equal(result.cost, 90n)
    assert.deepEqual(result.comparison, {
      preferGreedy: 4,
      preferEqualShares: 3,
      indifferent: 0,
      switched: true,
      equalSharesWinners: ['S1', 'S2'],
      greedyWinners: ['L'],
    })
    assert.equal(result.projects[0]?.budgetLeftWhenReached, 100n)
    assert.deepEqual(result.projects[1]?.payments, [])
  })

  it('keeps Equal Shares when as many voters prefer it', () => {
    // Four and four; the tie order makes greedy take L before the equally supported S1 and S2.
    const balanced = election(100, { L: 90, S1: 20, S2: 20 }, ['L', 'L', 'L', 'L', 'S1,S2', 'S1,S2', 'S1,S2', 'S1,S2', ''])
    const result = count(balanced, { rule: 'equal-shares', compareWithGreedy: true, tieOrder: ['L', 'S1', 'S2'] })
    assert.equal(result.publishedRule, 'equal-shares')
    assert.deepEqual(
      result.comparison && [result.comparison.switched, result.comparison.preferGreedy, result.comparison.preferEqualShares, result.comparison.indifferent],
      [false, 4, 4, 1],
    )
    assert.deepEqual(result.winners, ['S1', 'S2'])
    assert.deepEqual(result.projects[1]?.payments, [{ perVoter: { exact: exact(5n), rounded: 5n }, voters: 4, allTheyHadLeft: false }])
  })

  it('is not made without being asked for', () => assert.equal(count(e, { rule: 'equal-shares' }).comparison, null))
})

/** A plain reading of the method: per voter, every project evaluated every round. */
function naiveEqualShares(costs: bigint[], ballots: number[][], share: Rational, tieRank: number[]): number[] {
  const budget = ballots.map(() => share)
  const sub = (a: Rational, b: Rational) => rational(a.num * b.den - b.num * a.den, a.den * b.den)
  const less = (a: Rational, b: Rational) => a.num * b.den < b.num * a.den
  const left = new Set(costs.keys())
  const winners: number[] = []
  for (;;) {
    let best: { p: number; rho: Rational; q: Rational } | null = null
    for (const p of left) {
      const supporters = ballots
        .flatMap((b, i) => (b.includes(p) ? [i] : []))
        .sort((a, b) => (less(budget[a]!, budget[b]!) ? -1 : less(budget[b]!, budget[a]!) ? 1 : 0))
      if (supporters.length === 0) continue
      let rem = rational(costs[p]!)
      let k = BigInt(supporters.length)
      let q: Rational | null = null
      for (const i of supporters) {
        if (!less(rational(budget[i]!.num * k, budget[i]!.den), rem)) {
          q = rational(rem.num, rem.den * k)
          break
        }
        rem = sub(rem, budget[i]!)
        k -= 1n
      }
      if (q === null) continue
      const rho = costs[p] === 0n ? rational(0n) : rational(q.num, q.den * costs[p]!)
      if (!best || less(rho, best.rho) || (!less(best.rho, rho) && tieRank[p]! < tieRank[best.p]!)) best = { p, rho, q }
    }
    if (!best) return winners
    left.delete(best.p)
    winners.push(best.p)
    ballots.forEach((b, i) => {
      if (b.includes(best.p)) budget[i] = less(budget[i]!, best.q) ? rational(0n) : sub(budget[i]!, best.q)
    })
  }
}

describe('Equal Shares against a plain reading of the method', () => {
  it('agrees on 400 random small elections, with and without Add1', () => {
    let seed = 20261206
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    for (let trial = 0; trial < 400; trial++) {
      const m = 1 + random(6)
      const n = 1 + random(9)
      const costs = Array.from({ length: m }, () => BigInt(random(20) === 0 ? 0 : 1 + random(30)))
      const ballots = Array.from({ length: n }, () => [...Array(m).keys()].filter(() => random(2) === 0))
      const budget = random(60)
      const ids = costs.map((_, p) => `p${p}`)
      const tieOrder = [...ids].sort(() => random(3) - 1)
      const tieRank = ids.map((id) => tieOrder.indexOf(id))
      const e = election(
        budget,
        Object.fromEntries(ids.map((id, p) => [id, Number(costs[p])])),
        ballots.map((b) => b.map((p) => ids[p]).join(',')),
      )
      const expected = naiveEqualShares(costs, ballots, rational(BigInt(budget), BigInt(n)), tieRank)
        .sort((a, b) => a - b)
        .map((p) => ids[p])
      const result = count(e, { rule: 'equal-shares', tieOrder })
      assert.deepEqual(result.winners, expected, `trial ${trial}`)

      const add1 = count(e, { rule: 'equal-shares', completion: 'add1', tieOrder })
      const a = add1.add1!
      const atShare = (s: bigint) => naiveEqualShares(costs, ballots, rational(s), tieRank)
      const costOf = (w: number[]) => w.reduce((sum, p) => sum + costs[p]!, 0n)
      assert.equal(a.startShare, BigInt(Math.floor(budget / n)), `trial ${trial}`)
      assert.deepEqual(
        add1.winners,
        atShare(a.finalShare)
          .sort((x, y) => x - y)
          .map((p) => ids[p]),
        `trial ${trial}`,
      )
      for (let s = a.startShare; s <= a.finalShare; s++) assert.ok(costOf(atShare(s)) <= BigInt(budget), `trial ${trial}: share ${s} fits`)
      if (a.stoppedBecause === 'over-budget') assert.ok(costOf(atShare(a.finalShare + 1n)) > BigInt(budget), `trial ${trial}: the next raise overspends`)
      else assert.equal(add1.winners.length, ids.filter((_, p) => ballots.some((b) => b.includes(p))).length, `trial ${trial}`)
    }
  })
})
