import type { Profile } from './profile.ts'

/**
 * The Method of Equal Shares with cost satisfaction (Peters & Skowron), exactly.
 *
 * Every voter starts with the same share. In each round, for every project still possible, find
 * the least cap q such that its supporters, each paying min(what they have left, q), cover its
 * cost; its price per unit of satisfaction is ρ = q / cost (with cost satisfaction a supporter's
 * satisfaction from a project is its cost). The project with the least ρ is funded (ties by the
 * tie order) and its supporters pay; a project whose supporters have less left between them than
 * it costs is dropped for good. The count stops when no project is left.
 *
 * Exactness and speed: budgets are integers over one common denominator D (a fraction of a
 * smallest money unit); when a cap q = rem / cnt does not divide evenly, D and every budget are
 * multiplied by just enough to make it whole. Supporters are ordered by a float key that is a
 * monotone function of the exact budget (so it never contradicts the exact order) with exact
 * comparison when keys are equal; floats also guess who pays less than the cap, and the guess
 * is checked exactly. A project's last ρ is a lower bound of its next (budgets only fall), so a
 * round re-evaluates only the projects whose bound could still beat the best found.
 */

export interface Share {
  /** The share of one voter, num / den smallest units. */
  readonly num: bigint
  readonly den: bigint
}

/** What one funded project cost its supporters: `voters` voters each paid `num / den` smallest units. */
export interface RawPayment {
  readonly num: bigint
  readonly den: bigint
  readonly voters: number
  /** These voters paid all they had left, less than the cap the others paid. */
  readonly allTheyHadLeft: boolean
}

export interface EqualSharesRun {
  /** Funded projects (indices) in the order they were funded. */
  readonly winners: readonly number[]
  readonly cost: bigint
  /** With `explain`: per funded project, its payments, largest first. */
  readonly payments?: ReadonlyMap<number, readonly RawPayment[]>
  /** With `explain`: per unfunded project with supporters, what they had left between them at the end (num / den). */
  readonly supportersLeft?: ReadonlyMap<number, { readonly num: bigint; readonly den: bigint }>
}

const keyShift = 64n
const keyScale = 2 ** 64

function gcdSmall(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b]
  return a
}

/** A cap found: q = rem / cnt in units of 1/D, paid by `payers` (the groups with money left). */
interface Cap {
  readonly rem: bigint
  readonly cnt: bigint
  readonly payers: readonly number[]
  /** ρ as a float, only to choose the order in which bounds are examined. */
  readonly rhoF: number
}

export function runEqualShares(profile: Profile, share: Share, explain = false): EqualSharesRun {
  const { groups, supporterGroups, costs, tieRank, supporters } = profile
  const weights = groups.map((g) => BigInt(g.weight))
  const budgets = new Array<bigint>(groups.length).fill(share.num)
  const alive = new Uint8Array(groups.length).fill(share.num > 0n ? 1 : 0)
  let denominator = share.den

  // Rescaling every budget whenever D grows would cost a multiplication per group per round; a
  // group's budget is brought up to the current D only when it is read (`fresh`).
  const epochOf = new Int32Array(groups.length)
  const scaleSince: bigint[] = [1n]
  let epoch = 0
  const rescale = (factor: bigint) => {
    for (let e = 0; e <= epoch; e++) scaleSince[e] = scaleSince[e]! * factor
    scaleSince.push(1n)
    epoch += 1
    denominator *= factor
  }
  const fresh = (g: number): bigint => {
    if (epochOf[g] !== epoch) {
      budgets[g] = budgets[g]! * scaleSince[epochOf[g]!]!
      epochOf[g] = epoch
    }
    return budgets[g]!
  }
  const keyOf = (b: bigint) => Number((b << keyShift) / denominator)
  const keys = new Float64Array(groups.length).fill(keyOf(share.num))
  const byBudget = (a: number, b: number) => keys[a]! - keys[b]! || (budgets[a]! < budgets[b]! ? -1 : budgets[a]! > budgets[b]! ? 1 : 0)

  // ρ bounds as fractions: rem / (cnt · cost · D at the time).
  const boundNum = new Array<bigint>(costs.length).fill(0n)
  const boundDen = new Array<bigint>(costs.length).fill(1n)
  const boundF = new Float64Array(costs.length)
  let remaining = [...costs.keys()].filter((p) => supporters[p]! > 0)
  const winners: number[] = []
  const payments = new Map<number, RawPayment[]>()
  let spent = 0n

  const rhoOf = (p: number, rem: bigint, cnt: bigint) =>
    costs[p]! === 0n ? 0 : Number((rem << keyShift) / (cnt * denominator)) / (Number(costs[p]!) * keyScale)

  /** The exact walk: supporters from the poorest up, each paying all they have until the rest can share what remains. */
  function exactCap(p: number, payers: number[], weight: bigint): Cap | null {
    for (const g of payers) fresh(g)
    payers.sort(byBudget)
    let rem = costs[p]! * denominator
    let count = weight
    for (const g of payers) {
      if (budgets[g]! * count >= rem) return { rem, cnt: count, payers, rhoF: rhoOf(p, rem, count) }
      rem -= budgets[g]! * weights[g]!
      count -= weights[g]!
    }
    return null
  }

  /**
   * The least cap at which the supporters of p cover its cost, or null. The poor (those paying
   * less than the cap) are guessed with floats, then the guess is checked exactly: the cap it
   * gives is the answer when no one guessed poor has more than it and no one else less. A guess
   * that fails the check falls back to the exact walk.
   */
  function cap(p: number): Cap | null {
    const payers: number[] = []
    let weightF = 0
    for (const g of supporterGroups[p]!)
      if (alive[g] === 1) {
        payers.push(g)
        weightF += groups[g]!.weight
      }
    const weight = BigInt(weightF)
    if (costs[p]! === 0n) return { rem: 0n, cnt: weight > 0n ? weight : 1n, payers, rhoF: 0 }
    if (weightF === 0) return null
    const target = Number(costs[p]!) * keyScale
    let poorWeight = 0
    let q = target / weightF
    for (;;) {
      let sum = 0
      let w = 0
      for (const g of payers)
        if (keys[g]! < q) {
          sum += keys[g]! * groups[g]!.weight
          w += groups[g]!.weight
        }
      if (w === poorWeight) break
      if (w === weightF) {
        // Everyone would pay all they have: most likely the project is beyond them, which an exact sum settles.
        let total = 0n
        for (const g of payers) total += fresh(g) * weights[g]!
        return total < costs[p]! * denominator ? null : exactCap(p, payers, weight)
      }
      poorWeight = w
      q = (target - sum) / (weightF - w)
    }
    let rem = costs[p]! * denominator
    let cnt = weight
    let maxPoorKey = -Infinity
    let minRichKey = Infinity
    for (const g of payers)
      if (keys[g]! < q) {
        rem -= fresh(g) * weights[g]!
        cnt -= weights[g]!
        if (keys[g]! > maxPoorKey) maxPoorKey = keys[g]!
      } else if (keys[g]! < minRichKey) minRichKey = keys[g]!
    let checked = cnt > 0n && rem >= 0n
    if (checked)
      for (const g of payers) {
        const k = keys[g]!
        if (k < q ? k === maxPoorKey && budgets[g]! * cnt > rem : k === minRichKey && fresh(g) * cnt < rem) {
          checked = false
          break
        }
      }
    return checked ? { rem, cnt, payers, rhoF: rhoOf(p, rem, cnt) } : exactCap(p, payers, weight)
  }

  while (remaining.length > 0) {
    // Examining the smallest bounds first finds a good best early; every other bound is still
    // compared exactly with it, so the float order never decides anything.
    remaining.sort((a, b) => boundF[a]! - boundF[b]! || tieRank[a]! - tieRank[b]!)
    let best = -1
    let bestCap: Cap | null = null
    const dropped = new Set<number>()
    for (const p of remaining) {
      if (best >= 0) {
        const left = boundNum[p]! * boundDen[best]!
        const right = boundNum[best]! * boundDen[p]!
        if (left > right || (left === right && tieRank[p]! > tieRank[best]!)) continue
      }
      const found = cap(p)
      if (found === null) {
        dropped.add(p)
        continue
      }
      boundNum[p] = found.rem
      boundDen[p] = costs[p]! === 0n ? 1n : found.cnt * costs[p]! * denominator
      boundF[p] = found.rhoF
      if (best < 0) {
        best = p
        bestCap = found
        continue
      }
      const left = boundNum[p]! * boundDen[best]!
      const right = boundNum[best]! * boundDen[p]!
      if (left < right || (left === right && tieRank[p]! < tieRank[best]!)) {
        best = p
        bestCap = found
      }
    }
    if (dropped.size > 0) remaining = remaining.filter((p) => !dropped.has(p))
    if (best < 0 || bestCap === null) break
    remaining = remaining.filter((p) => p !== best)

    const { rem, cnt, payers } = bestCap
    const scale = cnt / gcdSmall(cnt, rem % cnt)
    if (scale > 1n) rescale(scale)
    const q = (rem * scale) / cnt
    const paid: RawPayment[] = []
    let fullPayers = 0
    for (const g of payers) {
      const b = fresh(g)
      if (b >= q) {
        budgets[g] = b - q
        fullPayers += groups[g]!.weight
      } else {
        if (explain) paid.push({ num: b, den: denominator, voters: groups[g]!.weight, allTheyHadLeft: true })
        budgets[g] = 0n
      }
      if (budgets[g] === 0n) alive[g] = 0
      keys[g] = keyOf(budgets[g]!)
    }
    winners.push(best)
    spent += costs[best]!
    if (explain) {
      paid.sort((a, b) => (a.num > b.num ? -1 : a.num < b.num ? 1 : 0))
      if (fullPayers > 0) paid.unshift({ num: q, den: denominator, voters: fullPayers, allTheyHadLeft: false })
      payments.set(best, paid)
    }
  }

  if (!explain) return { winners, cost: spent }
  const funded = new Set(winners)
  const supportersLeft = new Map<number, { num: bigint; den: bigint }>()
  costs.forEach((_, p) => {
    if (funded.has(p) || supporters[p] === 0) return
    let left = 0n
    for (const g of supporterGroups[p]!) left += fresh(g) * weights[g]!
    supportersLeft.set(p, { num: left, den: denominator })
  })
  return { winners, cost: spent, payments, supportersLeft }
}
