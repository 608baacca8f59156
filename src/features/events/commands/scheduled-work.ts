// The events' scheduled work, run by the jobs in src/jobs/scheduled-jobs.ts: waiting lists settled
// (offers lapse and pass on), access and dietary needs erased once their days are up, reminders.
import { and, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm'
import type { Database } from '../../../db/client.ts'
import { eventRegistrations, events } from '../../../db/schema/index.ts'
import { inTransaction } from '../../../db/unit-of-work.ts'
import { ok } from '../../../lib/result.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { languageOf } from '../../email/messages.ts'
import { queueEmail } from '../../email/outbox.ts'
import { registrantEmail } from '../emails.ts'
import { settleWaitingList } from './settle-waiting-list.ts'

export const eventJobActor: AuditActor = { id: null, label: 'events job' }

/** Every upcoming event with someone waiting or an offer open (for it or one of its sessions), settled one at a time under its lock. */
export async function settleAllWaitingLists(db: Database, context: { network: string; site: string }, now = new Date()): Promise<number[]> {
  const due = await db
    .selectDistinct({ id: events.id })
    .from(events)
    .innerJoin(eventRegistrations, eq(eventRegistrations.eventId, events.id))
    .where(
      and(
        eq(events.status, 'published'),
        gt(events.endsAt, now),
        or(
          inArray(eventRegistrations.status, ['waiting', 'offered']),
          // A session's own list: someone with a place queueing, or an offer open (a cancelled registration's choices hold nothing).
          and(
            eq(eventRegistrations.status, 'confirmed'),
            sql`exists (select 1 from event_session_choices c where c.registration_id = ${eventRegistrations.id} and (c.waiting or c.offer_expires_at is not null))`,
          ),
        ),
      ),
    )
  const emailIds: number[] = []
  for (const { id } of due) {
    const result = await inTransaction(db, async (tx) => {
      const [event] = await tx.select().from(events).where(eq(events.id, id)).for('update')
      return ok(event ? await settleWaitingList(tx, event, { ...context, now }) : [])
    })
    if (result.ok) emailIds.push(...result.value)
  }
  return emailIds
}

/** Access and dietary needs erased `erase_needs_after_days` after each event ends; the log says how many. */
export async function eraseNeeds(db: Database, now = new Date()): Promise<number> {
  const result = await inTransaction(db, async (tx) => {
    const erased = await tx
      .update(eventRegistrations)
      .set({ accessNeeds: null, dietaryNeeds: null, needsErasedAt: now })
      .where(
        and(
          isNull(eventRegistrations.needsErasedAt),
          or(isNotNull(eventRegistrations.accessNeeds), isNotNull(eventRegistrations.dietaryNeeds)),
          sql`${eventRegistrations.eventId} in (select id from events where ends_at + make_interval(days => erase_needs_after_days) <= ${now})`,
        ),
      )
      .returning({ id: eventRegistrations.id })
    if (erased.length)
      await recordAudit(tx, eventJobActor, {
        action: 'event-needs-erased',
        subjectType: 'event',
        summary: `Erased the access and dietary needs of ${erased.length} registrations`,
      })
    return ok(erased.length)
  })
  return result.ok ? result.value : 0
}

/** One reminder per confirmed registrant, `remind_days_before` days before the event starts. */
export async function sendEventReminders(db: Database, context: { network: string; site: string }, now = new Date()): Promise<number[]> {
  const result = await inTransaction(db, async (tx) => {
    const rows = await tx
      .select({ registration: eventRegistrations, event: events })
      .from(eventRegistrations)
      .innerJoin(events, eq(events.id, eventRegistrations.eventId))
      .where(
        and(
          eq(eventRegistrations.status, 'confirmed'),
          isNull(eventRegistrations.remindedAt),
          eq(events.status, 'published'),
          gt(events.startsAt, now),
          gt(events.remindDaysBefore, 0),
          lte(events.startsAt, sql`${now}::timestamptz + make_interval(days => ${events.remindDaysBefore})`),
        ),
      )
      .for('update', { of: eventRegistrations, skipLocked: true })
    const ids: number[] = []
    for (const { registration: r, event } of rows) {
      ids.push(
        await queueEmail(
          tx,
          registrantEmail(languageOf(r.language), 'reminder', {
            to: r.email,
            name: r.name,
            network: context.network,
            event,
            site: context.site,
            manageToken: null,
            feedToken: null,
            calendar: null,
          }),
        ),
      )
      await tx.update(eventRegistrations).set({ remindedAt: now }).where(eq(eventRegistrations.id, r.id))
    }
    return ok(ids)
  })
  return result.ok ? result.value : []
}
