// The election bench/pb-count.ts counts: 6,000 ballots and 60 projects built deterministically
// from a real pabulib file (see there).

import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { PbBallot, PbElection } from '../../src/features/participatory-budgeting/election.ts'
import { parsePabulib } from '../../src/features/participatory-budgeting/pabulib.ts'

export const pbSource = path.resolve(import.meta.dirname, '../../../shared/data/pabulib/poland_warszawa_2021_bielany.pb')
const ballots = 6000
const projects = 60

/** mulberry32: a small seeded generator, so that every run counts the same election. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function benchmarkElection(perturb: boolean): PbElection {
  const real = parsePabulib(readFileSync(pbSource, 'utf8'))
  const support = new Map<string, number>()
  for (const b of real.ballots) for (const id of b.projects) support.set(id, (support.get(id) ?? 0) + 1)
  const kept = [...real.projects].sort((a, b) => (support.get(b.id) ?? 0) - (support.get(a.id) ?? 0)).slice(0, projects)
  const keptIds = new Set(kept.map((p) => p.id))
  const ids = kept.map((p) => p.id)
  const random = seeded(perturb ? 2027 : 2026)
  const resampled: PbBallot[] = []
  for (let i = 0; i < ballots; i++) {
    const original = real.ballots[Math.floor(random() * real.ballots.length)]!
    let chosen = original.projects.filter((id) => keptIds.has(id))
    if (perturb) {
      if (chosen.length > 1 && random() < 0.5) chosen = chosen.filter((_, j) => j !== Math.floor(random() * chosen.length))
      const extra = ids[Math.floor(random() * ids.length)]!
      if (!chosen.includes(extra)) chosen = [...chosen, extra]
    }
    resampled.push({ voterId: String(i + 1), projects: chosen, fields: {} })
  }
  // The city's budget for 132 projects, scaled to the 60 kept: the same share of their total cost.
  const allCost = real.projects.reduce((sum, p) => sum + p.cost, 0n)
  const keptCost = kept.reduce((sum, p) => sum + p.cost, 0n)
  return { ...real, budget: (real.budget * keptCost) / allCost, projects: kept, ballots: resampled, voteColumns: [] }
}
