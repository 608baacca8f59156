import { and, count, eq, inArray } from 'drizzle-orm'
import { eventRegistrations, events, organisations } from '../../../db/schema/index.ts'
import { isUniqueViolation, withSavepoint, type Transaction } from '../../../db/unit-of-work.ts'
import type { Locale } from '../../../i18n/locales.ts'
import { ok, refused, type Result } from '../../../lib/result.ts'
import { newToken } from '../../accounts/secrets.ts'
import { queueEmail } from '../../email/outbox.ts'
import { calendarDomain, calendarFile } from '../calendar.ts'
import { registrantEmail } from '../emails.ts'
import { eventEntry } from '../event-calendar.ts'
import { placeForNewcomer, queuePosition } from '../rules/places.ts'
import { addSessionChoices } from './session-places.ts'
import { findRegistrationSessions, sessionSummaryText } from '../registration-sessions.ts'
import type { RegistrationInput } from '../rules/registration-form.ts'

export interface RegisterContext {
  userId: number | null
  /** The signed-in person's organisation and whether it is a member (for members-only events). */
  memberOrganisation: boolean
  locale: Locale
  network: string
  site: string
  publicUrl: string | undefined
  onlineWord: string
  now: Date
}

/**
 * A place, or a place in the queue. The event's row is locked first, so registrations for one event
 * are counted one at a time and never oversell it (100 people at once for the last 10 places: 10
 * confirmed, 90 waiting), on PGlite and PostgreSQL alike.
 */
export async function register(
  tx: Transaction,
  eventId: number,
  input: RegistrationInput,
  context: RegisterContext,
): Promise<Result<{ registrationId: number; status: 'confirmed' | 'waiting'; emailId: number; manageToken: string }>> {
  const [event] = await tx.select().from(events).where(eq(events.id, eventId)).for('update')
  if (!event || event.status !== 'published' || event.endsAt < context.now) return refused('events.register.closed')
  if (event.membersOnly && !context.memberOrganisation) return refused('events.register.membersOnly')
  const live = inArray(eventRegistrations.status, ['confirmed', 'offered'])
  const [taken] = await tx
    .select({ n: count() })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), live))
  const [queueing] = await tx
    .select({ n: count() })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, 'waiting')))
  const [byOrganisation] =
    input.organisationId === null
      ? [{ n: 0 }]
      : await tx
          .select({ n: count() })
          .from(eventRegistrations)
          .where(and(eq(eventRegistrations.eventId, eventId), live, eq(eventRegistrations.organisationId, input.organisationId)))
  const place = placeForNewcomer(
    {
      capacity: event.capacity,
      taken: taken?.n ?? 0,
      queueing: queueing?.n ?? 0,
      perOrganisationCap: event.perOrganisationCap,
      takenByOrganisation: byOrganisation?.n ?? 0,
    },
    input.organisationId !== null,
  )
  if ('refused' in place) return refused(place.refused, 'organisationId')
  const organisationName =
    input.organisationId === null
      ? input.organisationName
      : ((await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, input.organisationId)))[0]?.name ?? '')
  const manage = newToken()
  const feed = newToken()
  let registrationId: number
  try {
    registrationId = await withSavepoint(tx, async (sp) => {
      const [row] = await sp
        .insert(eventRegistrations)
        .values({
          eventId,
          userId: context.userId,
          name: input.name,
          email: input.email,
          organisationId: input.organisationId,
          organisationName,
          jobRole: input.jobRole,
          accessNeeds: input.accessNeeds,
          dietaryNeeds: input.dietaryNeeds,
          status: place.status,
          queuedAt: context.now,
          manageTokenHash: manage.hash,
          manageTokenExpiresAt: event.endsAt,
          feedTokenHash: feed.hash,
          language: context.locale,
        })
        .returning({ id: eventRegistrations.id })
      return row!.id
    })
  } catch (error) {
    if (isUniqueViolation(error)) return refused('events.register.alreadyRegistered', 'email')
    throw error
  }
  // Sessions are counted under the event's lock too: a session's places are part of the event's.
  await addSessionChoices(tx, eventId, { id: registrationId, status: place.status }, input.sessionIds, context.now)
  let position: number | null = null
  if (place.status === 'waiting') {
    const queue = await tx
      .select({ id: eventRegistrations.id, status: eventRegistrations.status, queuedAt: eventRegistrations.queuedAt })
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, 'waiting')))
    position = queuePosition(queue, registrationId)
  }
  const calendar =
    place.status === 'confirmed'
      ? calendarFile([eventEntry(event, context.site, context.onlineWord)], { name: event.title, domain: calendarDomain(context.publicUrl), method: 'request' })
      : null
  const emailId = await queueEmail(
    tx,
    registrantEmail(context.locale, place.status, {
      to: input.email,
      name: input.name,
      network: context.network,
      event,
      site: context.site,
      manageToken: manage.token,
      feedToken: feed.token,
      calendar,
      position,
      sessions: input.sessionIds.length ? sessionSummaryText(context.locale, await findRegistrationSessions(tx, registrationId, eventId)) : undefined,
    }),
  )
  return ok({ registrationId, status: place.status, emailId, manageToken: manage.token })
}
