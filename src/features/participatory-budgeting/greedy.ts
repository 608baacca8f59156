import type { Profile } from './profile.ts'

export interface GreedyRun {
  /** Funded projects (indices) in the order they were funded. */
  readonly winners: readonly number[]
  readonly cost: bigint
  /** For each project, what was left of the budget when its turn came. */
  readonly leftWhenReached: readonly bigint[]
}

/**
 * Greedy as pabulib means it: projects in descending order of support (ties by the tie order),
 * each funded if it fits in what is left of the budget, skipped otherwise; projects without
 * support are never funded.
 */
export function runGreedy(profile: Profile): GreedyRun {
  const { support, tieRank, costs } = profile
  const order = [...costs.keys()].sort((a, b) => support[b]! - support[a]! || tieRank[a]! - tieRank[b]!)
  const winners: number[] = []
  const leftWhenReached = new Array<bigint>(costs.length)
  let left = profile.budget
  for (const p of order) {
    leftWhenReached[p] = left
    // A project nobody voted for is not funded, however cheap.
    if (support[p]! > 0 && costs[p]! <= left) {
      winners.push(p)
      left -= costs[p]!
    }
  }
  return { winners, cost: profile.budget - left, leftWhenReached }
}
