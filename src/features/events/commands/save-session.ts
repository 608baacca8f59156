import { and, eq, ne } from 'drizzle-orm'
import { bids, eventSessions, events } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { conflicted, invalid, notFound, ok, type Result } from '../../../lib/result.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { clashesOf, speakerLines } from '../rules/clashes.ts'
import { checkSessionForm, type SessionForm } from '../rules/event-form.ts'

/**
 * Places a session on the agenda (a new one, or one moved): refused with every clash named when a
 * room or a speaker is taken then, or it falls outside the event. A proposal from the event's call
 * for sessions can be placed as it is.
 */
export async function saveSession(
  tx: Transaction,
  actor: AuditActor,
  input: { eventId: number; sessionId: number | null; form: SessionForm },
): Promise<Result<{ id: number }>> {
  const checked = checkSessionForm(input.form)
  if (!checked.ok) return invalid(checked.errors)
  const v = checked.value
  // The event's row first: two organisers placing sessions at once see each other's.
  const [event] = await tx.select().from(events).where(eq(events.id, input.eventId)).for('update')
  if (!event) return notFound()
  let current: typeof eventSessions.$inferSelect | undefined
  if (input.sessionId !== null) {
    ;[current] = await tx
      .select()
      .from(eventSessions)
      .where(and(eq(eventSessions.id, input.sessionId), eq(eventSessions.eventId, event.id)))
      .for('update')
    if (!current) return notFound()
    if (String(current.revision) !== input.form.revision) return conflicted('session')
  }
  if (v.bidId !== null) {
    const [bid] = await tx.select({ callId: bids.callId }).from(bids).where(eq(bids.id, v.bidId))
    if (!bid || event.callId === null || bid.callId !== event.callId) return invalid([{ field: 'bidId', message: 'events.admin.errors.proposal' }])
  }
  const others = await tx
    .select()
    .from(eventSessions)
    .where(and(eq(eventSessions.eventId, event.id), input.sessionId === null ? undefined : ne(eventSessions.id, input.sessionId)))
  const clashes = clashesOf(
    { id: input.sessionId, title: v.title, startsAt: v.startsAt, endsAt: v.endsAt, room: v.room, speakers: speakerLines(v.speakers).map((s) => s.name) },
    others.map((o) => ({
      id: o.id,
      title: o.title,
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      room: o.room,
      speakers: speakerLines(o.speakers).map((s) => s.name),
    })),
    event,
  )
  if (clashes.length)
    return invalid(
      clashes.map((c) => ({
        field: c.message === 'events.clash.room' ? 'room' : c.message === 'events.clash.speaker' ? 'speakers' : 'startTime',
        message: c.message,
        values: c.values,
      })),
    )
  const values = {
    title: v.title,
    description: v.description,
    startsAt: v.startsAt,
    endsAt: v.endsAt,
    room: v.room,
    capacity: v.capacity,
    speakers: v.speakers,
    bidId: v.bidId,
  }
  let id: number
  if (current) {
    const moved = current.startsAt.getTime() !== v.startsAt.getTime() || current.endsAt.getTime() !== v.endsAt.getTime() || current.room !== v.room
    await tx
      .update(eventSessions)
      .set({ ...values, revision: current.revision + 1, sequence: moved ? current.sequence + 1 : current.sequence })
      .where(eq(eventSessions.id, current.id))
    id = current.id
  } else {
    const [row] = await tx
      .insert(eventSessions)
      .values({ eventId: event.id, ...values })
      .returning({ id: eventSessions.id })
    id = row!.id
  }
  await recordAudit(tx, actor, {
    action: current ? 'event-session-updated' : 'event-session-added',
    subjectType: 'event',
    subjectId: event.id,
    summary: `${current ? 'Changed' : 'Added'} the session ${v.title} of ${event.title}`,
  })
  return ok({ id })
}
