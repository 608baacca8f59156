import { and, eq, gt } from 'drizzle-orm'
import { eventRegistrations, events } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { newToken } from '../../accounts/secrets.ts'
import { languageOf } from '../../email/messages.ts'
import { queueEmail } from '../../email/outbox.ts'
import { calendarDomain, calendarFile } from '../calendar.ts'
import { registrantEmail } from '../emails.ts'
import { eventEntry } from '../event-calendar.ts'
import { findRegistrationSessions, sessionSummaryText } from '../registration-sessions.ts'
import { settleSessionLists } from './session-places.ts'
import { settleWaitingList, type SettleContext } from './settle-waiting-list.ts'
import { isLiveRegistration } from '../rules/places.ts'

export interface ManageContext extends SettleContext {
  publicUrl: string | undefined
  onlineWord: string
}

/** The registration a link opens, while the link is unused and unexpired; locked, with its event locked first. */
export async function lockedByToken(tx: Transaction, tokenHash: string, now: Date) {
  const [found] = await tx
    .select({ eventId: eventRegistrations.eventId })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.manageTokenHash, tokenHash), gt(eventRegistrations.manageTokenExpiresAt, now)))
  if (!found) return null
  // The event first, then the registration: the order every writer of an event's places takes.
  const [event] = await tx.select().from(events).where(eq(events.id, found.eventId)).for('update')
  const [registration] = await tx.select().from(eventRegistrations).where(eq(eventRegistrations.manageTokenHash, tokenHash)).for('update')
  if (!event || !registration) return null
  return { event, registration }
}

/** Gives up a place or a place in the queue; the link is spent, and a freed place is offered on. */
export async function cancelRegistration(
  tx: Transaction,
  tokenHash: string,
  context: ManageContext,
): Promise<Result<{ eventSlug: string; emailIds: number[] }>> {
  const found = await lockedByToken(tx, tokenHash, context.now)
  if (!found) return notFound()
  const { event, registration } = found
  if (!isLiveRegistration(registration.status)) return refused('events.manage.alreadyCancelled')
  await tx
    .update(eventRegistrations)
    .set({ status: 'cancelled', offerExpiresAt: null, manageTokenHash: null, updatedAt: context.now, revision: registration.revision + 1 })
    .where(eq(eventRegistrations.id, registration.id))
  const emailIds = event.endsAt > context.now ? await settleWaitingList(tx, event, context) : []
  return ok({ eventSlug: event.slug, emailIds })
}

/** Takes a place offered from the waiting list, before the offer expires; a new link comes with the confirmation. */
export async function acceptOffer(tx: Transaction, tokenHash: string, context: ManageContext): Promise<Result<{ eventSlug: string; emailIds: number[] }>> {
  const found = await lockedByToken(tx, tokenHash, context.now)
  if (!found) return notFound()
  const { event, registration } = found
  if (registration.status !== 'offered' || registration.offerExpiresAt === null || registration.offerExpiresAt <= context.now) {
    return refused('events.manage.noOffer')
  }
  const link = newToken()
  await tx
    .update(eventRegistrations)
    .set({
      status: 'confirmed',
      offerExpiresAt: null,
      manageTokenHash: link.hash,
      manageTokenExpiresAt: event.endsAt,
      updatedAt: context.now,
      revision: registration.revision + 1,
    })
    .where(eq(eventRegistrations.id, registration.id))
  // With a place at the event, their turn in full sessions' queues counts now; the confirmation says how each stands.
  const sessionOffers = await settleSessionLists(tx, event, { ...context, quietFor: registration.id })
  const sessions = await findRegistrationSessions(tx, registration.id, event.id)
  const calendar = calendarFile([eventEntry(event, context.site, context.onlineWord)], {
    name: event.title,
    domain: calendarDomain(context.publicUrl),
    method: 'request',
  })
  const emailId = await queueEmail(
    tx,
    registrantEmail(languageOf(registration.language), 'confirmed', {
      to: registration.email,
      name: registration.name,
      network: context.network,
      event,
      site: context.site,
      manageToken: link.token,
      feedToken: null,
      calendar,
      sessions: sessions.length ? sessionSummaryText(languageOf(registration.language), sessions) : undefined,
    }),
  )
  return ok({ eventSlug: event.slug, emailIds: [emailId, ...sessionOffers] })
}
