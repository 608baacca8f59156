import { unitSize, type PbElection } from './election.ts'
import { runEqualShares, type EqualSharesRun, type Share } from './equal-shares.ts'
import { runGreedy, type GreedyRun } from './greedy.ts'
import { buildProfile, type Profile } from './profile.ts'
import { rational, roundHalfUp, type Rational } from './rational.ts'

/**
 * Counting a participatory-budgeting vote, and the typed result a results page explains.
 * Everything is exact: money in smallest units (bigint) or fractions of them (Rational).
 */

export type CountRule = 'greedy' | 'equal-shares'
export type Completion = 'none' | 'add1'

export interface CountOptions {
  readonly rule: CountRule
  /** Equal Shares only; default 'none'. */
  readonly completion?: Completion
  /** Equal Shares only: publish the greedy outcome instead when more voters prefer it. */
  readonly compareWithGreedy?: boolean
  /** Project ids in tie order, replacing the published tie rule (to reproduce pabutools). */
  readonly tieOrder?: readonly string[]
  /** Add1's raise, in smallest units; default one whole currency unit. Larger steps suit currencies of small units (forint, yen). */
  readonly add1Step?: bigint
}

/** An amount exactly (smallest units, possibly a fraction of one) and rounded to whole currency units for display. */
export interface Money {
  readonly exact: Rational
  /** Whole currency units (pounds, euros), halves rounded up. */
  readonly rounded: bigint
}

/** One line of what a funded project cost its supporters under Equal Shares. */
export interface Payment {
  /** What each of these voters paid. */
  readonly perVoter: Money
  readonly voters: number
  /** True when these voters paid all they had left, less than the others. */
  readonly allTheyHadLeft: boolean
}

export interface ProjectOutcome {
  readonly id: string
  readonly cost: bigint
  readonly funded: boolean
  /** 1 for the first project funded, 2 for the next…; null when not funded. */
  readonly round: number | null
  /** Voters who approved it (or gave it points). */
  readonly supporters: number
  /** Greedy's measure: the points for cumulative and scoring votes, otherwise the supporters. */
  readonly support: number
  /** Under Equal Shares, funded: who paid what, the full payers first. Otherwise empty. */
  readonly payments: readonly Payment[]
  /** Under Equal Shares, not funded: what its supporters had left between them when the count ended. */
  readonly supportersLeft: Money | null
  /** Under greedy: what was left of the budget when its turn came (it is funded if its cost fitted). */
  readonly budgetLeftWhenReached: bigint | null
}

export interface Add1Detail {
  /** The whole-unit share the raises started from: floor(budget / voters) whole units, in smallest units. */
  readonly startShare: bigint
  /** The share of the published outcome (smallest units per voter). */
  readonly finalShare: bigint
  /** Raises of one unit from the start to the published outcome. */
  readonly raises: number
  /** 'over-budget': the next raise's outcome cost more than the budget; 'everything-funded': every supported project was funded. */
  readonly stoppedBecause: 'over-budget' | 'everything-funded'
}

export interface Comparison {
  /** Voters whose funded approved projects cost more in the greedy outcome than in Equal Shares'. */
  readonly preferGreedy: number
  readonly preferEqualShares: number
  readonly indifferent: number
  /** True when the greedy outcome was published (strictly more voters preferred it). */
  readonly switched: boolean
  /** The Equal Shares outcome that was compared (ids, file order). */
  readonly equalSharesWinners: readonly string[]
  readonly greedyWinners: readonly string[]
}

export interface CountResult {
  /** The rule asked for. */
  readonly rule: CountRule
  readonly completion: Completion
  /** The rule whose outcome is published: differs from `rule` only when the comparison switched. */
  readonly publishedRule: CountRule
  readonly comparison: Comparison | null
  readonly budget: bigint
  /** Total cost of the funded projects. */
  readonly cost: bigint
  readonly decimals: number
  readonly voters: number
  /** Equal Shares: each voter's share in its count (smallest units; with Add1 the final share); null for greedy alone. */
  readonly share: Money | null
  readonly add1: Add1Detail | null
  /** Funded project ids, in the file's order. */
  readonly winners: readonly string[]
  /** Every project, in the file's order. */
  readonly projects: readonly ProjectOutcome[]
  /** Project ids in the tie order used (first wins a tie). */
  readonly tieOrder: readonly string[]
}

function money(num: bigint, den: bigint, decimals: number): Money {
  const exact = rational(num, den)
  return { exact, rounded: roundHalfUp(rational(exact.num, exact.den * unitSize(decimals))) }
}

/**
 * Add1: Equal Shares with every voter's share raised one whole currency unit at a time (or
 * `step` smallest units), from floor(budget / voters) in whole steps. Each raise is counted afresh. The raises continue while
 * their outcome fits in the budget — through outcomes that already leave too little for any other
 * project — and stop at the first raise whose outcome costs more than the budget, or once every
 * project with a supporter is funded (more money then changes nothing). The last outcome that fits
 * is published. The first is always within budget: all shares together are at most the budget.
 */
export function runAdd1(profile: Profile, step?: bigint): { run: EqualSharesRun; detail: Add1Detail } {
  const raising = add1Raises(profile, step)
  for (;;) {
    const next = raising.next()
    if (next.done) return next.value
  }
}

/** Add1 one raise at a time: yields the raises made so far after each, and returns what runAdd1 returns. */
export function* add1Raises(profile: Profile, step?: bigint): Generator<number, { run: EqualSharesRun; detail: Add1Detail }> {
  const unit = step ?? unitSize(profile.decimals)
  if (unit <= 0n) throw new RangeError('The Add1 step must be positive')
  const voters = BigInt(profile.voters)
  const startShare = (profile.budget / (voters * unit)) * unit
  const supported = profile.supporters.filter((s) => s > 0).length
  let share = startShare
  let run = runEqualShares(profile, { num: share, den: 1n })
  let raises = 0
  for (;;) {
    if (run.winners.length === supported) return { run, detail: { startShare, finalShare: share, raises, stoppedBecause: 'everything-funded' } }
    const next = runEqualShares(profile, { num: share + unit, den: 1n })
    if (next.cost > profile.budget) return { run, detail: { startShare, finalShare: share, raises, stoppedBecause: 'over-budget' } }
    run = next
    share += unit
    raises += 1
    yield raises
  }
}

/**
 * Each voter's cost satisfaction from an outcome: the total cost of the funded projects they
 * approved. A voter prefers the outcome that gives them more; equal is indifferent.
 */
function compare(
  profile: Profile,
  equalShares: readonly number[],
  greedy: readonly number[],
): Omit<Comparison, 'switched' | 'equalSharesWinners' | 'greedyWinners'> {
  const inShares = new Set(equalShares)
  const inGreedy = new Set(greedy)
  let preferGreedy = 0
  let preferEqualShares = 0
  let indifferent = profile.voters
  for (const group of profile.groups) {
    let shares = 0n
    let greedyCost = 0n
    for (const p of group.projects) {
      if (inShares.has(p)) shares += profile.costs[p]!
      if (inGreedy.has(p)) greedyCost += profile.costs[p]!
    }
    if (greedyCost > shares) preferGreedy += group.weight
    else if (shares > greedyCost) preferEqualShares += group.weight
    else continue
    indifferent -= group.weight
  }
  return { preferGreedy, preferEqualShares, indifferent }
}

function inFileOrder(profile: Profile, winners: readonly number[]): string[] {
  return [...winners].sort((a, b) => a - b).map((p) => profile.projectIds[p]!)
}

/** Counts an election. Throws RangeError for a tie order naming an unknown project. */
export function countElection(election: PbElection, options: CountOptions): CountResult {
  const profile = buildProfile(election, options.tieOrder)
  const add1 = options.rule === 'equal-shares' && options.completion === 'add1' && profile.voters > 0 ? runAdd1(profile, options.add1Step) : null
  return finishCount(profile, options, add1)
}

/**
 * countElection for a process that must stay responsive: Add1's raises give way to the event
 * loop every `sliceMs`, so that signals (Ctrl-C) and timers are handled during a long count.
 */
export async function countElectionInSlices(election: PbElection, options: CountOptions, sliceMs = 100): Promise<CountResult> {
  const profile = buildProfile(election, options.tieOrder)
  let add1: { run: EqualSharesRun; detail: Add1Detail } | null = null
  if (options.rule === 'equal-shares' && options.completion === 'add1' && profile.voters > 0) {
    const raising = add1Raises(profile, options.add1Step)
    let sliceEnd = performance.now() + sliceMs
    for (;;) {
      const next = raising.next()
      if (next.done) {
        add1 = next.value
        break
      }
      if (performance.now() >= sliceEnd) {
        await new Promise((resolve) => setImmediate(resolve))
        sliceEnd = performance.now() + sliceMs
      }
    }
  }
  return finishCount(profile, options, add1)
}

function finishCount(profile: Profile, options: CountOptions, counted: { run: EqualSharesRun; detail: Add1Detail } | null): CountResult {
  const completion: Completion = options.rule === 'equal-shares' ? (options.completion ?? 'none') : 'none'
  const { decimals } = profile
  let greedy: GreedyRun | null = options.rule === 'greedy' || options.compareWithGreedy ? runGreedy(profile) : null
  let shares: EqualSharesRun | null = null
  let share: Money | null = null
  let add1: Add1Detail | null = null
  let comparison: Comparison | null = null

  if (options.rule === 'equal-shares') {
    let perVoter: Share = { num: profile.budget, den: BigInt(Math.max(profile.voters, 1)) }
    if (counted) {
      add1 = counted.detail
      perVoter = { num: counted.detail.finalShare, den: 1n }
    }
    // The published run is counted once more with its explanations, which the raises do without.
    shares = runEqualShares(profile, perVoter, true)
    share = money(perVoter.num, perVoter.den, decimals)
    if (greedy) {
      const c = compare(profile, shares.winners, greedy.winners)
      const switched = c.preferGreedy > c.preferEqualShares
      comparison = { ...c, switched, equalSharesWinners: inFileOrder(profile, shares.winners), greedyWinners: inFileOrder(profile, greedy.winners) }
      if (switched) shares = null
      else greedy = null
    }
  }

  const published = shares ?? greedy!
  const rounds = new Map(published.winners.map((p, i) => [p, i + 1]))
  const projects: ProjectOutcome[] = profile.projectIds.map((id, p) => {
    const payments = (shares?.payments?.get(p) ?? []).map((raw) => ({
      perVoter: money(raw.num, raw.den, decimals),
      voters: raw.voters,
      allTheyHadLeft: raw.allTheyHadLeft,
    }))
    const left = shares?.supportersLeft?.get(p)
    return {
      id,
      cost: profile.costs[p]!,
      funded: rounds.has(p),
      round: rounds.get(p) ?? null,
      supporters: profile.supporters[p]!,
      support: profile.support[p]!,
      payments: mergeEqualPayments(payments),
      supportersLeft: left ? money(left.num, left.den, decimals) : null,
      budgetLeftWhenReached: greedy && !shares ? greedy.leftWhenReached[p]! : null,
    }
  })
  const tieOrder = [...profile.tieRank.keys()].sort((a, b) => profile.tieRank[a]! - profile.tieRank[b]!).map((p) => profile.projectIds[p]!)
  return {
    rule: options.rule,
    completion,
    publishedRule: shares ? 'equal-shares' : 'greedy',
    comparison,
    budget: profile.budget,
    cost: published.cost,
    decimals,
    voters: profile.voters,
    share,
    add1,
    winners: inFileOrder(profile, published.winners),
    projects,
    tieOrder,
  }
}

/** Groups of voters who paid exactly the same are one line (payments arrive largest first and stay so). */
function mergeEqualPayments(payments: Payment[]): Payment[] {
  const merged = new Map<string, Payment>()
  for (const payment of payments) {
    const key = `${payment.allTheyHadLeft} ${payment.perVoter.exact.num}/${payment.perVoter.exact.den}`
    const same = merged.get(key)
    merged.set(key, same ? { ...same, voters: same.voters + payment.voters } : payment)
  }
  return [...merged.values()]
}
