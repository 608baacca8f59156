// The organisers' numbers: places held per organisation and per member tier, from the registrations,
// and per session from the sessions' own lists.
import { sessionQueue, type SessionChoice } from './session-places.ts'

export interface Counted {
  status: string
  organisationName: string
  tier: string | null
}

const holding = (r: Counted) => r.status === 'confirmed' || r.status === 'offered'

function tally(rows: Counted[], key: (r: Counted) => string) {
  const counts = new Map<string, { places: number; waiting: number }>()
  for (const r of rows) {
    if (!holding(r) && r.status !== 'waiting') continue
    const k = key(r)
    const c = counts.get(k) ?? { places: 0, waiting: 0 }
    if (holding(r)) c.places++
    else c.waiting++
    counts.set(k, c)
  }
  return [...counts].map(([name, c]) => ({ name, ...c })).sort((a, b) => b.places - a.places || a.name.localeCompare(b.name))
}

/** `''` is the organisation (or tier) of those who gave none: the view names it. */
export const byOrganisation = (rows: Counted[]) => tally(rows, (r) => r.organisationName)
export const byTier = (rows: Counted[]) => tally(rows, (r) => r.tier ?? '')

/** Per session: places held (an open offer holds one), people queueing, by the rules the lists use. */
export function bySession(sessions: Array<{ id: number; title: string; capacity: number | null }>, choices: Array<SessionChoice & { sessionId: number }>) {
  return sessions.map((s) => {
    const mine = choices.filter((c) => c.sessionId === s.id)
    const live = mine.filter((c) => c.registrationStatus !== 'cancelled' && c.registrationStatus !== 'lapsed')
    return {
      name: s.title,
      capacity: s.capacity,
      places: sessionQueue(mine).filter((q) => q.status !== 'waiting').length,
      waiting: live.filter((c) => c.waiting).length,
    }
  })
}
