// The round history: each year's calls with what came of them, summed from the data. Pure.
import type { Pence } from '../../membership/rules/money.ts'

export interface CallOutcome {
  slug: string
  title: string
  /** The last day to bid: a call belongs to the year it closes. */
  closesOn: string
  bidsSubmitted: number
  funded: number
  awardedPence: Pence
  projects: number
  closedProjects: number
}

export interface Round {
  year: number
  calls: CallOutcome[]
  totals: Omit<CallOutcome, 'slug' | 'title' | 'closesOn'> & { calls: number }
}

/** Rounds newest first; within a year, calls by closing day then title. */
export function roundsByYear(calls: readonly CallOutcome[]): Round[] {
  const years = new Map<number, CallOutcome[]>()
  for (const call of calls) {
    const year = Number(call.closesOn.slice(0, 4))
    years.set(year, [...(years.get(year) ?? []), call])
  }
  return [...years]
    .sort(([a], [b]) => b - a)
    .map(([year, rows]) => {
      const sorted = [...rows].sort((a, b) => a.closesOn.localeCompare(b.closesOn) || a.title.localeCompare(b.title))
      const sum = (pick: (c: CallOutcome) => number) => sorted.reduce((total, c) => total + pick(c), 0)
      return {
        year,
        calls: sorted,
        totals: {
          calls: sorted.length,
          bidsSubmitted: sum((c) => c.bidsSubmitted),
          funded: sum((c) => c.funded),
          awardedPence: sum((c) => c.awardedPence),
          projects: sum((c) => c.projects),
          closedProjects: sum((c) => c.closedProjects),
        },
      }
    })
}
