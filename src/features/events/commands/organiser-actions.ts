import { and, eq, inArray } from 'drizzle-orm'
import { eventRegistrations, events } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { invalid, notFound, ok, type Result } from '../../../lib/result.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { languageOf } from '../../email/messages.ts'
import { queueEmail } from '../../email/outbox.ts'
import { registrantEmail } from '../emails.ts'

/** Access and dietary needs leave the site only when asked for, and the log says who took them. */
export async function recordNeedsExport(tx: Transaction, actor: AuditActor, event: { id: number; title: string }): Promise<Result<null>> {
  await recordAudit(tx, actor, {
    action: 'event-needs-exported',
    subjectType: 'event',
    subjectId: event.id,
    summary: `Exported the attendee list of ${event.title} with access and dietary needs`,
  })
  return ok(null)
}

/** One message to everyone holding a place or waiting, each in the language they registered in. */
export async function messageRegistrants(
  tx: Transaction,
  actor: AuditActor,
  input: { eventId: number; subject: string; body: string },
  context: { network: string; site: string },
): Promise<Result<{ emailIds: number[] }>> {
  const subject = input.subject.trim()
  const body = input.body.trim()
  const errors = [
    ...(subject ? [] : [{ field: 'subject', message: 'events.admin.errors.subject' }]),
    ...(subject.length > 200 ? [{ field: 'subject', message: 'events.register.errors.tooLong', values: { max: 200 } }] : []),
    ...(body ? [] : [{ field: 'body', message: 'events.admin.errors.body' }]),
    ...(body.length > 10_000 ? [{ field: 'body', message: 'events.register.errors.tooLong', values: { max: 10_000 } }] : []),
  ]
  if (errors.length) return invalid(errors)
  const [event] = await tx.select().from(events).where(eq(events.id, input.eventId))
  if (!event) return notFound()
  const rows = await tx
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, event.id), inArray(eventRegistrations.status, ['confirmed', 'offered', 'waiting'])))
  const emailIds: number[] = []
  for (const r of rows) {
    emailIds.push(
      await queueEmail(
        tx,
        registrantEmail(
          languageOf(r.language),
          'message',
          { to: r.email, name: r.name, network: context.network, event, site: context.site, manageToken: null, feedToken: null, calendar: null },
          { subject, body },
        ),
      ),
    )
  }
  await recordAudit(tx, actor, {
    action: 'event-message-sent',
    subjectType: 'event',
    subjectId: event.id,
    summary: `Sent “${subject}” to ${rows.length} registrants of ${event.title}`,
  })
  return ok({ emailIds })
}

/** Attendance from the sign-in sheet: those ticked came, every other place-holder did not. */
export async function markAttendance(
  tx: Transaction,
  actor: AuditActor,
  input: { eventId: number; attendedIds: number[] },
): Promise<Result<{ attended: number }>> {
  const [event] = await tx.select().from(events).where(eq(events.id, input.eventId)).for('update')
  if (!event) return notFound()
  const rows = await tx
    .select({ id: eventRegistrations.id })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.status, 'confirmed')))
  const came = new Set(input.attendedIds)
  for (const r of rows)
    await tx
      .update(eventRegistrations)
      .set({ attended: came.has(r.id) })
      .where(eq(eventRegistrations.id, r.id))
  const attended = rows.filter((r) => came.has(r.id)).length
  await recordAudit(tx, actor, {
    action: 'event-attendance-marked',
    subjectType: 'event',
    subjectId: event.id,
    summary: `Marked ${attended} attended at ${event.title}`,
  })
  return ok({ attended })
}
