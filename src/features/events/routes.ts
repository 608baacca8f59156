import type { FastifyInstance, FastifyReply } from 'fastify'
import { eventKinds, type EventKind } from '../../db/schema/events.ts'
import { NotFoundError } from '../../errors.ts'
import { isSlug } from '../../lib/slug.ts'
import { siteUrl } from '../../web/base-url.ts'
import { asForm, text } from '../../web/forms.ts'
import { hashToken } from '../accounts/secrets.ts'
import { calendarDomain, calendarFile } from './calendar.ts'
import { eventEntry, sessionEntry } from './event-calendar.ts'
import { renderEventPage } from './event-page.ts'
import { presentListedEvent } from './present.ts'
import { findEvent, findFeedRegistrations, listPrincipleChoices, listPublicEvents, listUpcomingForFeed, type EventRow } from './queries.ts'
import { manageChangeRoutes } from './manage-change-routes.ts'
import { registrationRoutes } from './registration-routes.ts'
import { sessionBackingRoutes } from './session-backing-routes.ts'
import { feedbackRoutes } from './feedback-routes.ts'
import { materialRoutes } from './materials-routes.ts'

const isKind = (v: string): v is EventKind => (eventKinds as readonly string[]).includes(v)

/**
 * The public side of events: the list with its filters, each event's page, and the calendar files.
 * Not page-cached: an event moves from upcoming to past at its end without any write to mark it.
 */
export async function eventRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.deps
  await app.register(registrationRoutes)
  await app.register(manageChangeRoutes)
  await app.register(sessionBackingRoutes)
  await app.register(feedbackRoutes)
  await app.register(materialRoutes)

  function sendCalendar(reply: FastifyReply, body: string, filename: string) {
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'no-cache')
      .send(body)
  }

  app.get('/events', async (request, reply) => {
    const { t, format, locale } = request
    const query = asForm(request.query)
    // Unknown filters are ignored, never an error: a stale link still shows the events.
    const kindAsked = text(query, 'kind', 40)
    const kind = isKind(kindAsked) ? kindAsked : undefined
    const principleAsked = text(query, 'principle', 120)
    const principles = await listPrincipleChoices(db)
    const principle = principles.find((p) => p.slug === principleAsked)?.slug
    const { upcoming, past } = await listPublicEvents(db, { kind, principle }, new Date())
    return reply.render('events/views/index.njk', {
      title: t('events.index.title'),
      section: 'events',
      breadcrumbs: [{ text: t('home.breadcrumb'), href: '/' }],
      upcoming: upcoming.map((e) => presentListedEvent(t, format, e)),
      past: past.map((e) => presentListedEvent(t, format, e)),
      kindItems: [{ value: '', text: t('events.filter.anyKind') }, ...eventKinds.map((k) => ({ value: k, text: t(`events.kind.${k}`), selected: k === kind }))],
      principleItems: [
        { value: '', text: t('events.filter.anyPrinciple') },
        ...principles.map((p) => ({ value: p.slug, text: locale === 'cy' && p.shortNameCy ? p.shortNameCy : p.shortName, selected: p.slug === principle })),
      ],
      filtered: Boolean(kind || principle),
      contentLang: locale === 'en' ? null : 'en',
    })
  })

  app.get('/events.ics', async (request, reply) => {
    const site = siteUrl(config, request)
    const rows = await listUpcomingForFeed(db, new Date())
    const body = calendarFile(
      rows.map((e) => eventEntry(e, site, request.t('events.online'))),
      { name: request.t('events.feed.name', { network: config.networkName }), domain: calendarDomain(config.publicUrl) },
    )
    return sendCalendar(reply, body, 'events.ics')
  })

  app.get<{ Params: { token: string } }>('/events/feeds/:token', async (request, reply) => {
    const token = request.params.token.replace(/\.ics$/, '')
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new NotFoundError()
    const found = await findFeedRegistrations(db, hashToken(token))
    if (!found) throw new NotFoundError()
    const site = siteUrl(config, request)
    const online = request.t('events.online')
    const byId = new Map(found.events.map((e) => [e.id, e]))
    // A person who chose sessions gets those; one who chose none gets the whole event.
    const withSessions = new Set(found.sessions.map((s) => s.eventId))
    const entries = [
      ...found.events.filter((e) => !withSessions.has(e.id)).map((e) => eventEntry(e, site, online)),
      ...found.sessions.flatMap((s) => (byId.has(s.eventId) ? [sessionEntry(s, byId.get(s.eventId)!, site, online)] : [])),
    ]
    const body = calendarFile(entries, { name: request.t('events.feed.personalName'), domain: calendarDomain(config.publicUrl) })
    return sendCalendar(reply.header('x-robots-tag', 'noindex'), body, 'my-events.ics')
  })

  async function publicEvent(slug: string): Promise<EventRow> {
    if (!isSlug(slug)) throw new NotFoundError()
    const event = await findEvent(db, { slug })
    if (!event || event.status === 'draft') throw new NotFoundError()
    return event
  }

  // `/events/:slug.ics` is the same route: find-my-way keeps one parameter per segment.
  app.get<{ Params: { slug: string } }>('/events/:slug', async (request, reply) => {
    const { t } = request
    const ics = request.params.slug.endsWith('.ics')
    const event = await publicEvent(ics ? request.params.slug.slice(0, -4) : request.params.slug)
    if (ics) {
      const body = calendarFile([eventEntry(event, siteUrl(config, request), t('events.online'))], {
        name: event.title,
        domain: calendarDomain(config.publicUrl),
      })
      return sendCalendar(reply, body, `${event.slug}.ics`)
    }
    return renderEventPage(db, reply, event)
  })
}
