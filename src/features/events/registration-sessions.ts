// A registrant's sessions as they stand (a place held, a place offered, or a turn in the queue),
// for the page behind their link and for their emails. Only the registrant sees these.
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { eventRegistrations, eventSessionChoices, eventSessions } from '../../db/schema/index.ts'
import { translator, type Translate } from '../../i18n/catalogue.ts'
import { formatterOf, type Formatter } from '../../i18n/format.ts'
import type { Locale } from '../../i18n/locales.ts'
import { whenText } from './present.ts'
import { sessionPosition, standingOf, type SessionStanding } from './rules/session-places.ts'

export interface RegistrationSession {
  id: number
  title: string
  startsAt: Date
  endsAt: Date
  standing: SessionStanding
  position: number | null
  offerExpiresAt: Date | null
}

/** The sessions one registration has chosen, in agenda order, each with its standing. */
export async function findRegistrationSessions(db: Executor, registrationId: number, eventId: number): Promise<RegistrationSession[]> {
  const mine = await db
    .select({ session: eventSessions, choice: eventSessionChoices })
    .from(eventSessionChoices)
    .innerJoin(eventSessions, eq(eventSessions.id, eventSessionChoices.sessionId))
    .where(and(eq(eventSessionChoices.registrationId, registrationId), eq(eventSessions.eventId, eventId)))
    .orderBy(asc(eventSessions.startsAt), asc(eventSessions.id))
  const result: RegistrationSession[] = []
  for (const { session, choice } of mine) {
    let position: number | null = null
    if (choice.waiting) {
      const queue = await db
        .select({
          registrationId: eventSessionChoices.registrationId,
          waiting: eventSessionChoices.waiting,
          queuedAt: eventSessionChoices.queuedAt,
          offerExpiresAt: eventSessionChoices.offerExpiresAt,
          registrationStatus: eventRegistrations.status,
        })
        .from(eventSessionChoices)
        .innerJoin(eventRegistrations, eq(eventRegistrations.id, eventSessionChoices.registrationId))
        .where(and(eq(eventSessionChoices.sessionId, session.id), eq(eventSessionChoices.waiting, true)))
      position = sessionPosition(queue, registrationId)
    }
    result.push({
      id: session.id,
      title: session.title,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      standing: standingOf(choice),
      position,
      offerExpiresAt: choice.offerExpiresAt,
    })
  }
  return result
}

/** Every choice of these sessions with its registrant's status: what the pure rules read. */
export async function choicesOfSessions(tx: Executor, sessionIds: number[]) {
  if (sessionIds.length === 0) return []
  return tx
    .select({
      sessionId: eventSessionChoices.sessionId,
      registrationId: eventSessionChoices.registrationId,
      waiting: eventSessionChoices.waiting,
      queuedAt: eventSessionChoices.queuedAt,
      offerExpiresAt: eventSessionChoices.offerExpiresAt,
      registrationStatus: eventRegistrations.status,
    })
    .from(eventSessionChoices)
    .innerJoin(eventRegistrations, eq(eventRegistrations.id, eventSessionChoices.registrationId))
    .where(inArray(eventSessionChoices.sessionId, sessionIds))
}

export function standingText(t: Translate, format: Formatter, s: RegistrationSession): string {
  if (s.standing === 'waiting') return t('events.sessionStanding.waiting', { position: s.position ?? 0 })
  if (s.standing === 'offered') return t('events.sessionStanding.offered', { when: format.dateTime(s.offerExpiresAt) })
  return t('events.sessionStanding.held')
}

/** One line a session, for an email written in the registrant's language. */
export function sessionSummaryText(locale: Locale, sessions: RegistrationSession[]): string {
  const t = translator(locale)
  const format = formatterOf(locale)
  if (sessions.length === 0) return t('events.email.noSessions')
  return sessions
    .map((s) => t('events.email.sessionLine', { session: s.title, time: whenText(t, format, { ...s, online: false }), standing: standingText(t, format, s) }))
    .join('\n')
}
