// Who gets a place: pure rules over counts and queues, so the command that holds the event's row
// lock only reads the numbers and applies what these say.
import type { RegistrationStatus } from '../../../db/schema/events.ts'

/** A registration that still holds, awaits or is offered a place: one its link can change or cancel. */
export const isLiveRegistration = (status: string): boolean => status === 'confirmed' || status === 'waiting' || status === 'offered'

export interface PlaceCounts {
  /** Null: no limit. */
  capacity: number | null
  /** Places taken: confirmed registrations plus offers still open (an offer holds its place). */
  taken: number
  perOrganisationCap: number | null
  /** Places already taken by the registrant's organisation (0 without one). */
  takenByOrganisation: number
  /** People already queueing: a newcomer never jumps the queue, even when a place is free for a moment. */
  queueing: number
}

/** A newcomer's status, or why they are refused (a catalogue key). */
export function placeForNewcomer(counts: PlaceCounts, hasOrganisation: boolean): { status: 'confirmed' | 'waiting' } | { refused: string } {
  if (hasOrganisation && counts.perOrganisationCap !== null && counts.takenByOrganisation >= counts.perOrganisationCap) {
    return { refused: 'events.register.organisationCapReached' }
  }
  if (counts.capacity === null) return { status: 'confirmed' }
  if (counts.queueing > 0 || counts.taken >= counts.capacity) return { status: 'waiting' }
  return { status: 'confirmed' }
}

export interface QueuedRegistration {
  id: number
  status: RegistrationStatus
  queuedAt: Date
  offerExpiresAt: Date | null
  organisationId: number | null
}

export interface QueueChange {
  id: number
  to: 'offered' | 'lapsed'
  offerExpiresAt?: Date
}

/**
 * What the waiting list does at `now`: offers past their time lapse (their place passes on), then
 * each free place is offered to the next person in order who is not held back by their
 * organisation's cap. Run after every cancellation and by the scheduled job.
 */
export function settleQueue(
  registrations: QueuedRegistration[],
  rules: { capacity: number | null; perOrganisationCap: number | null; offerHours: number },
  now: Date,
): QueueChange[] {
  const changes: QueueChange[] = []
  const live = registrations.map((r) => ({ ...r }))
  for (const r of live) {
    if (r.status === 'offered' && r.offerExpiresAt !== null && r.offerExpiresAt <= now) {
      r.status = 'lapsed'
      changes.push({ id: r.id, to: 'lapsed' })
    }
  }
  const holding = (r: QueuedRegistration) => r.status === 'confirmed' || r.status === 'offered'
  let free = rules.capacity === null ? Infinity : rules.capacity - live.filter(holding).length
  const byOrganisation = new Map<number, number>()
  for (const r of live.filter(holding)) if (r.organisationId !== null) byOrganisation.set(r.organisationId, (byOrganisation.get(r.organisationId) ?? 0) + 1)
  const queue = live.filter((r) => r.status === 'waiting').sort((a, b) => a.queuedAt.getTime() - b.queuedAt.getTime() || a.id - b.id)
  const offerExpiresAt = new Date(now.getTime() + rules.offerHours * 3_600_000)
  for (const r of queue) {
    if (free <= 0) break
    const held = r.organisationId === null ? 0 : (byOrganisation.get(r.organisationId) ?? 0)
    if (rules.perOrganisationCap !== null && r.organisationId !== null && held >= rules.perOrganisationCap) continue
    changes.push({ id: r.id, to: 'offered', offerExpiresAt })
    if (r.organisationId !== null) byOrganisation.set(r.organisationId, held + 1)
    free--
  }
  return changes
}

/** Where a person stands in the queue (1 = next), or null when they are not queueing. */
export function queuePosition(registrations: Pick<QueuedRegistration, 'id' | 'status' | 'queuedAt'>[], id: number): number | null {
  const queue = registrations.filter((r) => r.status === 'waiting').sort((a, b) => a.queuedAt.getTime() - b.queuedAt.getTime() || a.id - b.id)
  const i = queue.findIndex((r) => r.id === id)
  return i === -1 ? null : i + 1
}
