// A session's own places and waiting list, written only by a caller that holds the event's row lock
// (the order every writer of an event's places takes: event, then its sessions, then registrations),
// so a session is never oversold however many choose it at once.
import { and, asc, eq, inArray } from 'drizzle-orm'
import { eventRegistrations, eventSessionChoices, eventSessions, type events, type RegistrationStatus } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { newToken } from '../../accounts/secrets.ts'
import { languageOf } from '../../email/messages.ts'
import { queueEmail } from '../../email/outbox.ts'
import { registrantEmail } from '../emails.ts'
import { choicesOfSessions, findRegistrationSessions, sessionSummaryText } from '../registration-sessions.ts'
import { placeInSession, settleSessionQueue } from '../rules/session-places.ts'
import type { SettleContext } from './settle-waiting-list.ts'

type EventRecord = typeof events.$inferSelect

/** New choices of sessions: a place in each, or a turn in its queue when it is full. */
export async function addSessionChoices(
  tx: Transaction,
  eventId: number,
  registration: { id: number; status: RegistrationStatus },
  sessionIds: number[],
  now: Date,
): Promise<void> {
  if (sessionIds.length === 0) return
  const sessions = await tx
    .select({ id: eventSessions.id, capacity: eventSessions.capacity })
    .from(eventSessions)
    .where(and(eq(eventSessions.eventId, eventId), inArray(eventSessions.id, sessionIds)))
    .orderBy(asc(eventSessions.id))
    .for('update')
  const choices = await choicesOfSessions(
    tx,
    sessions.map((s) => s.id),
  )
  const hasEventPlace = registration.status === 'confirmed' || registration.status === 'offered'
  for (const s of sessions) {
    const place = placeInSession(
      s.capacity,
      choices.filter((c) => c.sessionId === s.id),
      hasEventPlace,
    )
    await tx.insert(eventSessionChoices).values({ registrationId: registration.id, sessionId: s.id, waiting: place === 'waiting', queuedAt: now })
  }
}

/**
 * Settles the waiting list of every session of the event with its own capacity: offers past their
 * time lapse (the choice goes, its place passes on) and free places are offered in order. Each
 * person offered a place gets one email with a new single-use link (it replaces the one they had),
 * except `quietFor`, whose caller sends them its own email with the new standing in it.
 */
export async function settleSessionLists(tx: Transaction, event: EventRecord, context: SettleContext & { quietFor?: number }): Promise<number[]> {
  const all = await tx
    .select({ id: eventSessions.id, capacity: eventSessions.capacity })
    .from(eventSessions)
    .where(eq(eventSessions.eventId, event.id))
    .orderBy(asc(eventSessions.id))
    .for('update')
  // A session whose limit was lifted has room for everyone queueing for it.
  const unlimited = all.filter((s) => s.capacity === null).map((s) => s.id)
  if (unlimited.length)
    await tx
      .update(eventSessionChoices)
      .set({ waiting: false })
      .where(and(inArray(eventSessionChoices.sessionId, unlimited), eq(eventSessionChoices.waiting, true)))
  const sessions = all.filter((s) => s.capacity !== null)
  if (sessions.length === 0) return []
  const choices = await choicesOfSessions(
    tx,
    sessions.map((s) => s.id),
  )
  const offeredTo = new Set<number>()
  for (const s of sessions) {
    const changes = settleSessionQueue(
      choices.filter((c) => c.sessionId === s.id),
      { capacity: s.capacity, offerHours: event.offerHours },
      context.now,
    )
    for (const change of changes) {
      const choice = and(eq(eventSessionChoices.registrationId, change.id), eq(eventSessionChoices.sessionId, s.id))
      if (change.to === 'lapsed') {
        await tx.delete(eventSessionChoices).where(choice)
      } else {
        await tx.update(eventSessionChoices).set({ waiting: false, offerExpiresAt: change.offerExpiresAt! }).where(choice)
        offeredTo.add(change.id)
      }
    }
  }
  offeredTo.delete(context.quietFor ?? -1)
  const emailIds: number[] = []
  for (const registrationId of offeredTo) {
    const link = newToken()
    const [row] = await tx
      .update(eventRegistrations)
      .set({ manageTokenHash: link.hash, manageTokenExpiresAt: event.endsAt, updatedAt: context.now })
      .where(eq(eventRegistrations.id, registrationId))
      .returning()
    if (!row) continue
    const locale = languageOf(row.language)
    const sessionsNow = await findRegistrationSessions(tx, row.id, event.id)
    const soonest = sessionsNow.map((s) => s.offerExpiresAt).filter((d): d is Date => d !== null)
    emailIds.push(
      await queueEmail(
        tx,
        registrantEmail(locale, 'sessionOffered', {
          to: row.email,
          name: row.name,
          network: context.network,
          event,
          site: context.site,
          manageToken: link.token,
          feedToken: null,
          calendar: null,
          offerExpiresAt: soonest.sort((a, b) => a.getTime() - b.getTime())[0] ?? null,
          sessions: sessionSummaryText(locale, sessionsNow),
        }),
      ),
    )
  }
  return emailIds
}
