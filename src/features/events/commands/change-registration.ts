// Changes through the emailed link, without an account. Every change spends the link and emails a
// new one with the confirmation, as taking an offered place does: a link that has been used once
// (perhaps on a shared computer) opens nothing more.
import { and, eq, inArray } from 'drizzle-orm'
import { eventRegistrations, eventSessionChoices } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { newToken } from '../../accounts/secrets.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { languageOf } from '../../email/messages.ts'
import { queueEmail } from '../../email/outbox.ts'
import { registrantEmail } from '../emails.ts'
import { findRegistrationSessions, sessionSummaryText } from '../registration-sessions.ts'
import { changeOfSessions } from '../rules/session-places.ts'
import type { ChangeInput } from '../rules/registration-change.ts'
import { lockedByToken, type ManageContext } from './manage-registration.ts'
import { addSessionChoices, settleSessionLists } from './session-places.ts'
import { isLiveRegistration } from '../rules/places.ts'

/** Who the log names for a change made through an emailed link: the registrant, who has no account. */
export const registrantActor: AuditActor = { id: null, label: 'registrant (emailed link)' }

type Locked = NonNullable<Awaited<ReturnType<typeof lockedByToken>>>

/** The link spent, a new one made, and the confirmation (with the sessions as they now stand) queued. */
async function confirmWithNewLink(tx: Transaction, { event, registration }: Locked, context: ManageContext, revision: number): Promise<number> {
  const link = newToken()
  // A new link keeps the old one's end: an offered place's link still ends with the offer.
  await tx.update(eventRegistrations).set({ manageTokenHash: link.hash, updatedAt: context.now, revision }).where(eq(eventRegistrations.id, registration.id))
  const locale = languageOf(registration.language)
  const sessions = await findRegistrationSessions(tx, registration.id, event.id)
  return queueEmail(
    tx,
    registrantEmail(locale, 'updated', {
      to: registration.email,
      name: registration.name,
      network: context.network,
      event,
      site: context.site,
      manageToken: link.token,
      feedToken: null,
      calendar: null,
      sessions: sessionSummaryText(locale, sessions),
    }),
  )
}

/**
 * Needs, role and sessions changed. Refused when the registration changed since the form was made
 * (another tab, an offer, an organiser): nothing is overwritten unseen. A session given up frees
 * its place for the next in its queue; a full session chosen is a turn in its queue.
 */
export async function changeRegistration(
  tx: Transaction,
  tokenHash: string,
  input: ChangeInput,
  context: ManageContext,
): Promise<Result<{ eventSlug: string; emailIds: number[] }>> {
  const found = await lockedByToken(tx, tokenHash, context.now)
  if (!found) return notFound()
  const { event, registration } = found
  if (!isLiveRegistration(registration.status)) return refused('events.manage.alreadyCancelled')
  if (event.endsAt <= context.now || event.status !== 'published') return refused('events.change.closed')
  if (registration.revision !== input.revision) return refused('events.change.stale')
  await tx
    .update(eventRegistrations)
    .set({ jobRole: input.jobRole, accessNeeds: input.accessNeeds, dietaryNeeds: input.dietaryNeeds })
    .where(eq(eventRegistrations.id, registration.id))
  const current = await tx
    .select({ sessionId: eventSessionChoices.sessionId })
    .from(eventSessionChoices)
    .where(eq(eventSessionChoices.registrationId, registration.id))
  const { added, removed } = changeOfSessions(
    current.map((c) => c.sessionId),
    input.sessionIds,
  )
  if (removed.length)
    await tx.delete(eventSessionChoices).where(and(eq(eventSessionChoices.registrationId, registration.id), inArray(eventSessionChoices.sessionId, removed)))
  await addSessionChoices(tx, event.id, registration, added, context.now)
  const offers = await settleSessionLists(tx, event, { ...context, quietFor: registration.id })
  const emailId = await confirmWithNewLink(tx, found, context, registration.revision + 1)
  await recordAudit(tx, registrantActor, {
    action: 'event-registration-changed',
    subjectType: 'event',
    subjectId: event.id,
    summary: `A registrant changed their registration for ${event.title} (${added.length} sessions added, ${removed.length} given up)`,
  })
  return ok({ eventSlug: event.slug, emailIds: [emailId, ...offers] })
}

/** Takes a place offered from a session's waiting list, before the offer expires. */
export async function acceptSessionOffer(
  tx: Transaction,
  tokenHash: string,
  sessionId: number,
  context: ManageContext,
): Promise<Result<{ eventSlug: string; emailIds: number[] }>> {
  const found = await lockedByToken(tx, tokenHash, context.now)
  if (!found) return notFound()
  const { event, registration } = found
  const choice = and(eq(eventSessionChoices.registrationId, registration.id), eq(eventSessionChoices.sessionId, sessionId))
  const [offered] = await tx.select().from(eventSessionChoices).where(choice).for('update')
  if (!offered || offered.waiting || offered.offerExpiresAt === null || offered.offerExpiresAt <= context.now || registration.status !== 'confirmed') {
    return refused('events.manage.noSessionOffer')
  }
  await tx.update(eventSessionChoices).set({ offerExpiresAt: null }).where(choice)
  const emailId = await confirmWithNewLink(tx, found, context, registration.revision + 1)
  await recordAudit(tx, registrantActor, {
    action: 'event-session-offer-accepted',
    subjectType: 'event',
    subjectId: event.id,
    summary: `A registrant took a place offered in a session of ${event.title}`,
  })
  return ok({ eventSlug: event.slug, emailIds: [emailId] })
}
