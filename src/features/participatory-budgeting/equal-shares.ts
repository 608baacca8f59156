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
 * comparison when keys are equal. A project's last ρ is a lower bound of its next (budgets only
 * fall), so a round re-evaluates only the projects whose bound could still beat the best found.
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

function gcdSmall(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b]
  return a
}

export function runEqualShares(profile: Profile, share: Share, explain = false): EqualSharesRun {
  const { groups, supporterGroups, costs, tieRank, supporters } = profile
  const weights = groups.map((g) => BigInt(g.weight))
  const budgets = new Array<bigint>(groups.length).fill(share.num)
  let denominator = share.den
  const keyOf = (b: bigint) => Number((b << keyShift) / denominator)
  const keys = new Float64Array(groups.length).fill(keyOf(share.num))
  const byBudget = (a: number, b: number) => keys[a]! - keys[b]! || (budgets[a]! < budgets[b]! ? -1 : budgets[a]! > budgets[b]! ? 1 : 0)

  // ρ bounds as fractions: rem / (cnt · cost · D at the time).
  const boundNum = new Array<bigint>(costs.length).fill(0n)
  const boundDen = new Array<bigint>(costs.length).fill(1n)
  let remaining = [...costs.keys()].filter((p) => supporters[p]! > 0)
  const winners: number[] = []
  const payments = new Map<number, RawPayment[]>()
  let spent = 0n

  /** The least cap (rem / cnt, in units of 1/D) at which the supporters of p cover its cost, or null. */
  function cap(p: number): { rem: bigint; cnt: bigint; payers: number[] } | null {
    const payers: number[] = []
    let count = 0n
    for (const g of supporterGroups[p]!)
      if (budgets[g]! > 0n) {
        payers.push(g)
        count += weights[g]!
      }
    let rem = costs[p]! * denominator
    if (rem === 0n) return { rem, cnt: count > 0n ? count : 1n, payers }
    payers.sort(byBudget)
    for (const g of payers) {
      if (budgets[g]! * count >= rem) return { rem, cnt: count, payers }
      rem -= budgets[g]! * weights[g]!
      count -= weights[g]!
    }
    return null
  }

  while (remaining.length > 0) {
    remaining.sort((a, b) => {
      const left = boundNum[a]! * boundDen[b]!
      const right = boundNum[b]! * boundDen[a]!
      return left < right ? -1 : left > right ? 1 : tieRank[a]! - tieRank[b]!
    })
    let best = -1
    let bestCap: { rem: bigint; cnt: bigint; payers: number[] } | null = null
    const dropped = new Set<number>()
    for (const p of remaining) {
      if (best >= 0) {
        const left = boundNum[p]! * boundDen[best]!
        const right = boundNum[best]! * boundDen[p]!
        if (left > right || (left === right && tieRank[p]! > tieRank[best]!)) break
      }
      const found = cap(p)
      if (found === null) {
        dropped.add(p)
        continue
      }
      boundNum[p] = found.rem
      boundDen[p] = costs[p]! === 0n ? 1n : found.cnt * costs[p]! * denominator
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
    if (scale > 1n) {
      denominator *= scale
      for (let g = 0; g < budgets.length; g++) if (budgets[g]! > 0n) budgets[g]! *= scale
    }
    const q = (rem * scale) / cnt
    const paid: RawPayment[] = []
    let fullPayers = 0
    for (const g of payers) {
      if (budgets[g]! >= q) {
        budgets[g] = budgets[g]! - q
        fullPayers += groups[g]!.weight
      } else {
        if (explain) paid.push({ num: budgets[g]!, den: denominator, voters: groups[g]!.weight, allTheyHadLeft: true })
        budgets[g] = 0n
      }
      keys[g] = keyOf(budgets[g]!)
    }
    winners.push(best)
    spent += costs[best]!
    if (explain) {
      if (fullPayers > 0) paid.push({ num: q, den: denominator, voters: fullPayers, allTheyHadLeft: false })
      payments.set(best, paid.reverse())
    }
  }

  if (!explain) return { winners, cost: spent }
  const funded = new Set(winners)
  const supportersLeft = new Map<number, { num: bigint; den: bigint }>()
  costs.forEach((_, p) => {
    if (funded.has(p) || supporters[p] === 0) return
    let left = 0n
    for (const g of supporterGroups[p]!) left += budgets[g]! * weights[g]!
    supportersLeft.set(p, { num: left, den: denominator })
  })
  return { winners, cost: spent, payments, supportersLeft }
}
