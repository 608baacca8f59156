import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, ne, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import {
  bidDecisions,
  bids,
  calls,
  caseStudies,
  eventFeedback,
  eventMaterials,
  eventPrinciples,
  eventRegistrations,
  eventSessionChoices,
  eventSessionPrinciples,
  eventSessions,
  events,
  organisations,
  principles,
  type EventKind,
} from '../../db/schema/index.ts'

const principleColumns = { id: principles.id, slug: principles.slug, shortName: principles.shortName, shortNameCy: principles.shortNameCy }

/** Published (and cancelled) events, upcoming ones soonest first, past ones latest first. */
export async function listPublicEvents(db: Executor, filter: { kind?: EventKind; principle?: string }, now: Date) {
  const withPrinciple = filter.principle
    ? sql`exists (select 1 from event_principles ep join principles p on p.id = ep.principle_id where ep.event_id = ${events.id} and p.slug = ${filter.principle})`
    : undefined
  const where = and(ne(events.status, 'draft'), filter.kind ? eq(events.kind, filter.kind) : undefined, withPrinciple)
  const rows = await db
    .select({
      id: events.id,
      slug: events.slug,
      title: events.title,
      kind: events.kind,
      status: events.status,
      summary: events.summary,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      venueName: events.venueName,
      online: events.online,
      membersOnly: events.membersOnly,
    })
    .from(events)
    .where(where)
    .orderBy(asc(events.startsAt))
  return {
    upcoming: rows.filter((r) => r.endsAt >= now),
    past: rows.filter((r) => r.endsAt < now).reverse(),
  }
}

export async function listPrincipleChoices(db: Executor) {
  return db.select(principleColumns).from(principles).orderBy(asc(principles.position), asc(principles.shortName))
}

/** An event with everything its page shows. Sessions' numbers count confirmed choices only. */
export async function findEvent(db: Executor, where: { slug: string } | { id: number }) {
  const [event] = await db
    .select()
    .from(events)
    .where('slug' in where ? eq(events.slug, where.slug) : eq(events.id, where.id))
  if (!event) return null
  // One query after another: this also runs inside transactions, whose one connection takes one query at a time.
  const eventPrincipleRows = await db
    .select(principleColumns)
    .from(eventPrinciples)
    .innerJoin(principles, eq(principles.id, eventPrinciples.principleId))
    .where(eq(eventPrinciples.eventId, event.id))
    .orderBy(asc(principles.position))
  const sessions = await db
    .select({
      id: eventSessions.id,
      title: eventSessions.title,
      description: eventSessions.description,
      startsAt: eventSessions.startsAt,
      endsAt: eventSessions.endsAt,
      room: eventSessions.room,
      capacity: eventSessions.capacity,
      speakers: eventSessions.speakers,
      sequence: eventSessions.sequence,
      revision: eventSessions.revision,
      bidId: eventSessions.bidId,
      caseStudyId: eventSessions.caseStudyId,
      caseStudySlug: caseStudies.slug,
      caseStudyTitle: caseStudies.title,
      caseStudyStatus: caseStudies.status,
      taken: sql<number>`(select count(*)::int from event_session_choices c join event_registrations r on r.id = c.registration_id
        where c.session_id = ${eventSessions.id} and not c.waiting and r.status in ('confirmed', 'offered'))`,
    })
    .from(eventSessions)
    .leftJoin(caseStudies, eq(caseStudies.id, eventSessions.caseStudyId))
    .where(eq(eventSessions.eventId, event.id))
    .orderBy(asc(eventSessions.startsAt), asc(eventSessions.room), asc(eventSessions.id))
  const sessionPrinciples =
    sessions.length === 0
      ? []
      : await db
          .select({ sessionId: eventSessionPrinciples.sessionId, ...principleColumns })
          .from(eventSessionPrinciples)
          .innerJoin(principles, eq(principles.id, eventSessionPrinciples.principleId))
          .where(
            inArray(
              eventSessionPrinciples.sessionId,
              sessions.map((s) => s.id),
            ),
          )
  // Not the files themselves: the page only links to them.
  const materials = await db
    .select({
      id: eventMaterials.id,
      sessionId: eventMaterials.sessionId,
      kind: eventMaterials.kind,
      title: eventMaterials.title,
      url: eventMaterials.url,
      fileName: eventMaterials.fileName,
      fileBytes: eventMaterials.fileBytes,
    })
    .from(eventMaterials)
    .where(eq(eventMaterials.eventId, event.id))
    .orderBy(asc(eventMaterials.id))
  const [taken] = await db
    .select({ n: count() })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, event.id), inArray(eventRegistrations.status, ['confirmed', 'offered'])))
  return {
    ...event,
    principles: eventPrincipleRows,
    sessions: sessions.map((s) => ({ ...s, principles: sessionPrinciples.filter((p) => p.sessionId === s.id) })),
    materials,
    taken: taken?.n ?? 0,
  }
}

export type EventRow = NonNullable<Awaited<ReturnType<typeof findEvent>>>

/** Upcoming published events for the open feed: no personal data, so nothing but the events. */
export async function listUpcomingForFeed(db: Executor, now: Date) {
  return db
    .select()
    .from(events)
    .where(and(ne(events.status, 'draft'), gte(events.endsAt, now)))
    .orderBy(asc(events.startsAt))
}

/** Members and partners a registrant can pick as their organisation. */
export async function listOrganisationChoices(db: Executor) {
  return db
    .select({ id: organisations.id, name: organisations.name, tier: organisations.tier })
    .from(organisations)
    .where(eq(organisations.verified, true))
    .orderBy(asc(organisations.name))
}

/** Past events whose access and dietary needs are due to be erased at `now`. */
export async function listEventsDueForErasure(db: Executor, now: Date) {
  return db
    .select({ id: events.id })
    .from(events)
    .where(lt(sql`${events.endsAt} + make_interval(days => ${events.eraseNeedsAfterDays})`, now))
}

/** The registration behind a secret feed address, and the sessions (or whole events) it holds. */
export async function findFeedRegistrations(db: Executor, feedTokenHash: string) {
  const [owner] = await db.select({ email: eventRegistrations.email }).from(eventRegistrations).where(eq(eventRegistrations.feedTokenHash, feedTokenHash))
  if (!owner) return null
  const registrations = await db
    .select({ id: eventRegistrations.id, eventId: eventRegistrations.eventId })
    .from(eventRegistrations)
    .where(and(sql`lower(${eventRegistrations.email}) = lower(${owner.email})`, eq(eventRegistrations.status, 'confirmed')))
  if (registrations.length === 0) return { events: [], sessions: [] }
  const eventRows = await db
    .select()
    .from(events)
    .where(
      and(
        inArray(
          events.id,
          registrations.map((r) => r.eventId),
        ),
        ne(events.status, 'draft'),
      ),
    )
  const sessions = await db
    .select({ session: eventSessions })
    .from(eventSessionChoices)
    .innerJoin(eventSessions, eq(eventSessions.id, eventSessionChoices.sessionId))
    .where(
      and(
        inArray(
          eventSessionChoices.registrationId,
          registrations.map((r) => r.id),
        ),
        eq(eventSessionChoices.waiting, false),
        // An offered place is not theirs until taken.
        isNull(eventSessionChoices.offerExpiresAt),
      ),
    )
  return { events: eventRows, sessions: sessions.map((s) => s.session) }
}

/** What a change-or-cancel link's page shows: the registration while the link still works. */
export async function findByManageToken(db: Executor, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ registration: eventRegistrations, event: events })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(and(eq(eventRegistrations.manageTokenHash, tokenHash), gt(eventRegistrations.manageTokenExpiresAt, now)))
  return row ?? null
}

/** Whether a signed-in person's organisation is a member (any tier but none), for members-only events. */
export async function isMemberOrganisation(db: Executor, organisationId: number | null): Promise<boolean> {
  if (organisationId === null) return false
  const [row] = await db.select({ tier: organisations.tier }).from(organisations).where(eq(organisations.id, organisationId))
  return row !== undefined && row.tier !== 'none'
}

/** Slugs of events that start like `base`, for choosing a free one. */
export async function takenEventSlugs(db: Executor, base: string, exceptId: number | null) {
  const rows = await db
    .select({ id: events.id, slug: events.slug })
    .from(events)
    .where(sql`${events.slug} like ${`${base.replace(/[\\%_]/g, '\\$&')}%`}`)
  return new Set(rows.filter((r) => r.id !== exceptId).map((r) => r.slug))
}

/** Every live registration of an event, the queue's order kept, with organisation and tier for the organisers. */
export async function listRegistrations(db: Executor, eventId: number) {
  return db
    .select({
      id: eventRegistrations.id,
      name: eventRegistrations.name,
      email: eventRegistrations.email,
      organisationId: eventRegistrations.organisationId,
      organisationName: eventRegistrations.organisationName,
      tier: organisations.tier,
      jobRole: eventRegistrations.jobRole,
      accessNeeds: eventRegistrations.accessNeeds,
      dietaryNeeds: eventRegistrations.dietaryNeeds,
      status: eventRegistrations.status,
      queuedAt: eventRegistrations.queuedAt,
      offerExpiresAt: eventRegistrations.offerExpiresAt,
      attended: eventRegistrations.attended,
      language: eventRegistrations.language,
    })
    .from(eventRegistrations)
    .leftJoin(organisations, eq(organisations.id, eventRegistrations.organisationId))
    .where(eq(eventRegistrations.eventId, eventId))
    .orderBy(asc(eventRegistrations.queuedAt), asc(eventRegistrations.id))
}

/** Every event for the organisers, drafts included, with how many hold places and how many wait. */
export async function listEventsForOrganisers(db: Executor) {
  return db
    .select({
      id: events.id,
      slug: events.slug,
      title: events.title,
      kind: events.kind,
      status: events.status,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      online: events.online,
      capacity: events.capacity,
      confirmed: sql<number>`(select count(*)::int from event_registrations r where r.event_id = ${events.id} and r.status in ('confirmed', 'offered'))`,
      waiting: sql<number>`(select count(*)::int from event_registrations r where r.event_id = ${events.id} and r.status = 'waiting')`,
    })
    .from(events)
    .orderBy(desc(events.startsAt))
}

/** Calls for sessions an event can take its agenda from. */
export async function listSessionCalls(db: Executor) {
  return db.select({ id: calls.id, title: calls.title }).from(calls).where(eq(calls.kind, 'event-session')).orderBy(desc(calls.id))
}

/** Proposals to the event's call for sessions that were accepted (a decision to go ahead), not yet on the agenda. */
export async function listAcceptedProposals(db: Executor, callId: number | null) {
  if (callId === null) return []
  return db
    .select({ id: bids.id, title: bids.title })
    .from(bids)
    .innerJoin(bidDecisions, eq(bidDecisions.bidId, bids.id))
    .where(and(eq(bids.callId, callId), inArray(bidDecisions.outcome, ['fund', 'fund-with-conditions'])))
    .orderBy(asc(bids.title))
}

/** The answers to an event's feedback form, without whose they are: organisers see them summed up. */
export async function listFeedback(db: Executor, eventId: number) {
  return db
    .select({ rating: eventFeedback.rating, useful: eventFeedback.useful, improve: eventFeedback.improve, comments: eventFeedback.comments })
    .from(eventFeedback)
    .where(eq(eventFeedback.eventId, eventId))
    .orderBy(asc(eventFeedback.answeredAt), asc(eventFeedback.id))
}
