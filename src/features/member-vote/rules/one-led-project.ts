// One funded project per member at a time, within a single count: when two bids of the same lead
// would both be funded, the one funded later is left out and the vote counted again without it.
import type { CountResult } from '../../participatory-budgeting/count.ts'

interface LedBid {
  id: number
  leadOrganisationId: number | null
}

/** The first bid, in the order the count funded them, whose lead already leads a bid funded before it; null when none. */
export function secondWinnerOfALead(count: Pick<CountResult, 'projects'>, bids: readonly LedBid[]): number | null {
  const leadOf = new Map(bids.map((b) => [String(b.id), b.leadOrganisationId]))
  const funded = count.projects.filter((p) => p.funded).sort((a, b) => (a.round ?? 0) - (b.round ?? 0))
  const leads = new Set<number>()
  for (const project of funded) {
    const lead = leadOf.get(project.id) ?? null
    if (lead === null) continue
    if (leads.has(lead)) return Number(project.id)
    leads.add(lead)
  }
  return null
}
