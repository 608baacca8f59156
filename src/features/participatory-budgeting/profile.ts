import type { PbElection } from './election.ts'

/**
 * An election indexed for counting: projects by position, and voters with the same approvals
 * merged into one group with a weight. Identical ballots always pay the same under Equal Shares,
 * so counting groups is exact and makes a city's thousands of ballots a few hundred rows.
 */
export interface Profile {
  readonly projectIds: readonly string[]
  readonly costs: readonly bigint[]
  readonly budget: bigint
  readonly decimals: number
  readonly voters: number
  /** Voters approving each project (a project given points counts as approved). */
  readonly supporters: readonly number[]
  /** Greedy's support: the points for cumulative and scoring votes, otherwise the supporters. */
  readonly support: readonly number[]
  /** Identical approval sets merged: `weight` voters approve exactly `projects`. */
  readonly groups: readonly { readonly weight: number; readonly projects: readonly number[] }[]
  /** For each project, the groups approving it. */
  readonly supporterGroups: readonly (readonly number[])[]
  /** Position of each project in the tie order: the lower wins a tie. */
  readonly tieRank: readonly number[]
}

/**
 * The published tie rule: most supporters, then lower cost, then the order of submission (the
 * file's order). `tieOrder`, when given, replaces it (to reproduce other tools' outputs); projects
 * it leaves out follow, in the published rule's order.
 */
export function buildProfile(election: PbElection, tieOrder?: readonly string[]): Profile {
  const index = new Map(election.projects.map((p, i) => [p.id, i]))
  const m = election.projects.length
  const supporters = new Array<number>(m).fill(0)
  const support = new Array<number>(m).fill(0)
  const byApprovals = new Map<string, { weight: number; projects: number[] }>()
  for (const ballot of election.ballots) {
    const approved: number[] = []
    ballot.projects.forEach((id, i) => {
      const points = ballot.points?.[i] ?? 1
      const p = index.get(id)
      if (p === undefined || points <= 0) return
      approved.push(p)
      supporters[p]! += 1
      support[p]! += ballot.points ? points : 1
    })
    approved.sort((a, b) => a - b)
    const key = approved.join(',')
    const group = byApprovals.get(key)
    if (group) group.weight += 1
    else byApprovals.set(key, { weight: 1, projects: approved })
  }
  const groups = [...byApprovals.values()].filter((g) => g.projects.length > 0)
  const supporterGroups = Array.from({ length: m }, (): number[] => [])
  groups.forEach((g, gi) => g.projects.forEach((p) => supporterGroups[p]!.push(gi)))

  const costs = election.projects.map((p) => p.cost)
  const published = [...Array(m).keys()].sort(
    (a, b) => supporters[b]! - supporters[a]! || (costs[a]! < costs[b]! ? -1 : costs[a]! > costs[b]! ? 1 : 0) || a - b,
  )
  let order = published
  if (tieOrder) {
    const given = tieOrder.map((id) => {
      const p = index.get(id)
      if (p === undefined) throw new RangeError(`The tie order names project "${id}", which the election does not list`)
      return p
    })
    const listed = new Set(given)
    order = [...new Set(given), ...published.filter((p) => !listed.has(p))]
  }
  const tieRank = new Array<number>(m)
  order.forEach((p, rank) => (tieRank[p] = rank))

  return {
    projectIds: election.projects.map((p) => p.id),
    costs,
    budget: election.budget,
    decimals: election.decimals,
    voters: election.ballots.length,
    supporters,
    support,
    groups,
    supporterGroups,
    tieRank,
  }
}
