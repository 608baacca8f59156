// A session with its own capacity keeps its own waiting list by the event's rules: its choices are
// read as a queue and handed to places.ts, so the two lists agree on "in order", "an offer holds its
// place" and "an offer not taken passes on".
import type { RegistrationStatus } from '../../../db/schema/events.ts'
import { placeForNewcomer, queuePosition, settleQueue, type QueuedRegistration } from './places.ts'

export interface SessionChoice {
  registrationId: number
  waiting: boolean
  queuedAt: Date
  offerExpiresAt: Date | null
  /** The registrant's status at the event. */
  registrationStatus: RegistrationStatus
}

export type SessionStanding = 'held' | 'offered' | 'waiting'

export const standingOf = (c: Pick<SessionChoice, 'waiting' | 'offerExpiresAt'>): SessionStanding =>
  c.waiting ? 'waiting' : c.offerExpiresAt !== null ? 'offered' : 'held'

const holdsEventPlace = (status: RegistrationStatus) => status === 'confirmed' || status === 'offered'

/**
 * The choices as one queue for settleQueue. Only people with a confirmed place at the event are
 * offered a session place: someone still waiting for the event keeps their turn but is passed over
 * until they have a place. Cancelled and lapsed registrations hold nothing.
 */
export function sessionQueue(choices: SessionChoice[]): QueuedRegistration[] {
  const queue: QueuedRegistration[] = []
  for (const c of choices) {
    const standing = standingOf(c)
    if (standing === 'waiting' && c.registrationStatus !== 'confirmed') continue
    if (standing !== 'waiting' && !holdsEventPlace(c.registrationStatus)) continue
    queue.push({
      id: c.registrationId,
      status: standing === 'held' ? 'confirmed' : standing,
      queuedAt: c.queuedAt,
      offerExpiresAt: c.offerExpiresAt,
      organisationId: null,
    })
  }
  return queue
}

/**
 * Whether someone choosing a session now holds a place in it or queues. Nobody jumps the session's
 * queue, and someone without a place at the event yet queues for a session with a capacity.
 */
export function placeInSession(capacity: number | null, choices: SessionChoice[], hasEventPlace: boolean): 'held' | 'waiting' {
  if (capacity === null) return 'held'
  if (!hasEventPlace) return 'waiting'
  const live = choices.filter((c) => c.registrationStatus !== 'cancelled' && c.registrationStatus !== 'lapsed')
  const place = placeForNewcomer(
    {
      capacity,
      taken: live.filter((c) => !c.waiting && holdsEventPlace(c.registrationStatus)).length,
      queueing: live.filter((c) => c.waiting).length,
      perOrganisationCap: null,
      takenByOrganisation: 0,
    },
    false,
  )
  return 'status' in place && place.status === 'confirmed' ? 'held' : 'waiting'
}

/** What a session's list does at `now` (ids are registration ids): offers lapse, free places are offered in order. */
export function settleSessionQueue(choices: SessionChoice[], rules: { capacity: number | null; offerHours: number }, now: Date) {
  return settleQueue(sessionQueue(choices), { capacity: rules.capacity, perOrganisationCap: null, offerHours: rules.offerHours }, now)
}

/** Where a registrant stands in a session's queue (1 = next), among those still registered. */
export function sessionPosition(choices: SessionChoice[], registrationId: number): number | null {
  const live = choices.filter((c) => c.registrationStatus !== 'cancelled' && c.registrationStatus !== 'lapsed')
  return queuePosition(
    live.map((c) => ({ id: c.registrationId, status: c.waiting ? 'waiting' : 'confirmed', queuedAt: c.queuedAt })),
    registrationId,
  )
}

/** A change of sessions: which choices go, which are new; those kept keep their place or their turn. */
export function changeOfSessions(current: number[], wanted: number[]): { added: number[]; removed: number[] } {
  const now = new Set(current)
  const next = new Set(wanted)
  return { added: [...next].filter((id) => !now.has(id)), removed: [...now].filter((id) => !next.has(id)) }
}
