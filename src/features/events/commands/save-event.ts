import { eq, inArray } from 'drizzle-orm'
import { calls, eventPrinciples, eventRegistrations, events, principles } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { conflicted, invalid, notFound, ok, type Result } from '../../../lib/result.ts'
import { nextUpdatedAt } from '../../../lib/row-version.ts'
import { chooseSlug } from '../../../lib/unique-slug.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { languageOf } from '../../email/messages.ts'
import { queueEmail } from '../../email/outbox.ts'
import { calendarDomain, calendarFile } from '../calendar.ts'
import { registrantEmail } from '../emails.ts'
import { eventEntry } from '../event-calendar.ts'
import { takenEventSlugs } from '../queries.ts'
import { checkEventForm, movesEvent, type EventForm, type EventValues } from '../rules/event-form.ts'

export interface EventSaveContext {
  network: string
  site: string
  publicUrl: string | undefined
  onlineWord: string
}

const columns = (v: EventValues) => ({
  title: v.title,
  kind: v.kind,
  status: v.status,
  summary: v.summary,
  description: v.description,
  startsAt: v.startsAt,
  endsAt: v.endsAt,
  venueName: v.venueName,
  venueAddress: v.venueAddress,
  online: v.online,
  joiningLink: v.joiningLink,
  accessibility: v.accessibility,
  capacity: v.capacity,
  perOrganisationCap: v.perOrganisationCap,
  membersOnly: v.membersOnly,
  offerHours: v.offerHours,
  eraseNeedsAfterDays: v.eraseNeedsAfterDays,
  outcomes: v.outcomes,
  callId: v.callId,
})

async function checked(tx: Transaction, form: EventForm, exceptId: number | null) {
  const result = checkEventForm(form)
  if (!result.ok) return result
  const v = result.value
  if (v.principleIds.length) {
    const found = await tx.select({ id: principles.id }).from(principles).where(inArray(principles.id, v.principleIds))
    if (found.length !== v.principleIds.length) return { ok: false as const, errors: [{ field: 'principles', message: 'events.admin.errors.principles' }] }
  }
  if (v.callId !== null) {
    const [call] = await tx.select({ kind: calls.kind }).from(calls).where(eq(calls.id, v.callId))
    if (call?.kind !== 'event-session') return { ok: false as const, errors: [{ field: 'callId', message: 'events.admin.errors.call' }] }
  }
  const base = v.slug ?? v.title
  const slug = chooseSlug(v.slug, v.title, await takenEventSlugs(tx, v.slug ?? base.toLowerCase().slice(0, 20), exceptId))
  if (slug === null) return { ok: false as const, errors: [{ field: 'slug', message: 'events.admin.errors.slugTaken' }] }
  return { ok: true as const, value: v, slug }
}

async function linkPrinciples(tx: Transaction, eventId: number, ids: number[]) {
  await tx.delete(eventPrinciples).where(eq(eventPrinciples.eventId, eventId))
  for (const principleId of ids) await tx.insert(eventPrinciples).values({ eventId, principleId })
}

export async function createEvent(tx: Transaction, actor: AuditActor, form: EventForm): Promise<Result<{ id: number }>> {
  const c = await checked(tx, form, null)
  if (!c.ok) return invalid(c.errors)
  const [row] = await tx
    .insert(events)
    .values({ slug: c.slug, ...columns(c.value) })
    .returning({ id: events.id })
  await linkPrinciples(tx, row!.id, c.value.principleIds)
  await recordAudit(tx, actor, { action: 'event-created', subjectType: 'event', subjectId: row!.id, summary: `Created the event ${c.value.title}` })
  return ok({ id: row!.id })
}

/**
 * Saves an event. A move in time or place, or a cancellation, moves its calendar SEQUENCE on and
 * queues each registrant holding a place a new calendar file, so their calendars follow.
 */
export async function updateEvent(
  tx: Transaction,
  actor: AuditActor,
  input: { id: number; form: EventForm },
  context: EventSaveContext,
): Promise<Result<{ id: number; emailIds: number[] }>> {
  const [current] = await tx.select().from(events).where(eq(events.id, input.id)).for('update')
  if (!current) return notFound()
  if (String(current.revision) !== input.form.revision) return conflicted('event')
  const c = await checked(tx, input.form, current.id)
  if (!c.ok) return invalid(c.errors)
  const cancelling = c.value.status === 'cancelled' && current.status !== 'cancelled'
  const moved = movesEvent(current, c.value)
  const sequence = moved || cancelling ? current.sequence + 1 : current.sequence
  const [saved] = await tx
    .update(events)
    .set({ ...columns(c.value), slug: c.slug, sequence, revision: current.revision + 1, updatedAt: nextUpdatedAt(current.updatedAt) })
    .where(eq(events.id, current.id))
    .returning()
  await linkPrinciples(tx, current.id, c.value.principleIds)
  await recordAudit(tx, actor, {
    action: cancelling ? 'event-cancelled' : 'event-updated',
    subjectType: 'event',
    subjectId: current.id,
    summary: `${cancelling ? 'Cancelled' : 'Changed'} the event ${c.value.title}${moved ? ' (time or place)' : ''}`,
  })
  const emailIds: number[] = []
  if ((moved || cancelling) && current.status !== 'draft' && saved!.endsAt > new Date()) {
    const holders = await tx.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, current.id))
    const calendar = calendarFile([eventEntry(saved!, context.site, context.onlineWord)], {
      name: saved!.title,
      domain: calendarDomain(context.publicUrl),
      method: 'request',
    })
    for (const r of holders.filter((h) => h.status === 'confirmed' || h.status === 'offered' || (cancelling && h.status === 'waiting'))) {
      emailIds.push(
        await queueEmail(
          tx,
          registrantEmail(languageOf(r.language), cancelling ? 'cancelledEvent' : 'changed', {
            to: r.email,
            name: r.name,
            network: context.network,
            event: saved!,
            site: context.site,
            manageToken: null,
            feedToken: null,
            calendar: r.status === 'waiting' ? null : calendar,
          }),
        ),
      )
    }
  }
  return ok({ id: current.id, emailIds })
}
