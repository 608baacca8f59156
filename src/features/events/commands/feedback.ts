// The feedback form after an event: asked once of each attendee, by the daily job, and answered
// once through the emailed link.
import { and, eq, gt, inArray, isNotNull, lte, sql } from 'drizzle-orm'
import type { Database } from '../../../db/client.ts'
import { eventFeedback, eventRegistrations, events } from '../../../db/schema/index.ts'
import { inTransaction, type Transaction } from '../../../db/unit-of-work.ts'
import { invalid, notFound, ok, type Result } from '../../../lib/result.ts'
import { newToken } from '../../accounts/secrets.ts'
import { languageOf } from '../../email/messages.ts'
import { queueEmail } from '../../email/outbox.ts'
import { feedbackEmail } from '../feedback-email.ts'
import { askedForFeedback, checkFeedback, feedbackDue, feedbackLinkDays, type FeedbackForm } from '../rules/feedback.ts'

/**
 * Emails each attendee of an event that ended before today (in London) a link to the feedback
 * form. The row made with the email is what says it was sent: made once per registration (the
 * unique key), so a second run, or two at once, sends nothing more.
 */
export async function sendFeedbackRequests(db: Database, context: { network: string; site: string }, now = new Date()): Promise<number[]> {
  const recent = await db
    .select()
    .from(events)
    .where(and(eq(events.status, 'published'), lte(events.endsAt, now), gt(events.endsAt, sql`${now}::timestamptz - interval '15 days'`)))
  const emailIds: number[] = []
  for (const event of recent.filter((e) => feedbackDue(e.endsAt, now))) {
    const result = await inTransaction(db, async (tx) => {
      const people = await tx
        .select()
        .from(eventRegistrations)
        .where(
          and(
            eq(eventRegistrations.eventId, event.id),
            inArray(eventRegistrations.status, ['confirmed']),
            sql`not exists (select 1 from event_feedback f where f.registration_id = ${eventRegistrations.id})`,
          ),
        )
      const ids: number[] = []
      for (const r of people.filter(askedForFeedback)) {
        const { token, hash } = newToken()
        const made = await tx
          .insert(eventFeedback)
          .values({
            registrationId: r.id,
            eventId: event.id,
            tokenHash: hash,
            tokenExpiresAt: new Date(now.getTime() + feedbackLinkDays * 86_400_000),
            requestedAt: now,
          })
          .onConflictDoNothing({ target: eventFeedback.registrationId })
          .returning({ id: eventFeedback.id })
        if (made.length === 0) continue
        ids.push(
          await queueEmail(
            tx,
            feedbackEmail(languageOf(r.language), { to: r.email, name: r.name, network: context.network, site: context.site, event, token }),
          ),
        )
      }
      return ok(ids)
    })
    if (result.ok) emailIds.push(...result.value)
  }
  return emailIds
}

/** The form's row for a link that still works: unanswered and not expired. */
export async function findFeedbackByToken(db: Database | Transaction, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ feedback: eventFeedback, event: events })
    .from(eventFeedback)
    .innerJoin(events, eq(events.id, eventFeedback.eventId))
    .where(and(eq(eventFeedback.tokenHash, tokenHash), isNotNull(eventFeedback.tokenHash), gt(eventFeedback.tokenExpiresAt, now)))
  return row ?? null
}

/** Stores the answers and spends the link. */
export async function answerFeedback(tx: Transaction, input: { tokenHash: string; form: FeedbackForm; now: Date }): Promise<Result<{ eventSlug: string }>> {
  const checked = checkFeedback(input.form)
  if (!checked.ok) return invalid(checked.errors)
  const [row] = await tx
    .select()
    .from(eventFeedback)
    .where(and(eq(eventFeedback.tokenHash, input.tokenHash), gt(eventFeedback.tokenExpiresAt, input.now)))
    .for('update')
  if (!row) return notFound()
  await tx
    .update(eventFeedback)
    .set({ ...checked.value, answeredAt: input.now, tokenHash: null })
    .where(eq(eventFeedback.id, row.id))
  const [event] = await tx.select({ slug: events.slug }).from(events).where(eq(events.id, row.eventId))
  return ok({ eventSlug: event?.slug ?? '' })
}
