import type { FastifyInstance, FastifyReply } from 'fastify'
import { eventKinds, eventStatuses } from '../../db/schema/events.ts'
import { inTransaction } from '../../db/unit-of-work.ts'
import { NotFoundError } from '../../errors.ts'
import { parseId } from '../../web/address-numbers.ts'
import { adminBreadcrumbs, breadcrumbsTo } from '../../web/admin-area.ts'
import { siteUrl } from '../../web/base-url.ts'
import { presentErrors, type FieldError } from '../../web/forms.ts'
import { auditActor } from '../accounts/actor.ts'
import { requireUser } from '../accounts/guard.ts'
import { blankEventForm, blankSessionForm, eventFormOf, readEventForm, readSessionForm, sessionFormOf } from './admin-form.ts'
import { materialAdminRoutes, presentMaterialsAdmin } from './admin-materials-routes.ts'
import { registrationAdminRoutes } from './admin-registration-routes.ts'
import { createEvent, updateEvent } from './commands/save-event.ts'
import { saveSession } from './commands/save-session.ts'
import { turnSessionIntoCaseStudy } from './commands/session-case-study.ts'
import { eventKindText, presentEvent, whenText } from './present.ts'
import { summariseFeedback } from './rules/feedback.ts'
import { findEvent, listFeedback, listAcceptedProposals, listEventsForOrganisers, listPrincipleChoices, listSessionCalls, type EventRow } from './queries.ts'
import type { EventForm, SessionForm } from './rules/event-form.ts'

/** The organisers' pages of events and their agendas; the admin area checks that the person is an administrator. */
export async function eventAdminRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.deps
  await app.register(registrationAdminRoutes)
  await app.register(materialAdminRoutes)

  async function eventAt(raw: string): Promise<EventRow> {
    const event = await findEvent(db, { id: parseId(raw) })
    if (!event) throw new NotFoundError()
    return event
  }

  async function renderEvent(
    reply: FastifyReply,
    values: EventForm,
    options: { event?: EventRow; errors?: FieldError[]; session?: SessionForm; sessionErrors?: FieldError[] } = {},
  ) {
    const { t, format, locale } = reply.request
    const { event } = options
    const errors = [...(options.errors ?? []), ...(options.sessionErrors ?? [])]
    const principles = await listPrincipleChoices(db)
    const callsForSessions = await listSessionCalls(db)
    const query = reply.request.query as Record<string, unknown>
    return reply.code(errors.length ? 400 : 200).render('events/views/admin/form.njk', {
      title: event ? t('events.admin.titleEdit', { title: event.title }) : t('events.admin.titleNew'),
      section: 'admin',
      breadcrumbs: breadcrumbsTo(t, t('events.admin.title'), '/admin/events'),
      pageError: errors.length > 0,
      action: event ? `/admin/events/${event.id}` : '/admin/events',
      event: event ? { ...presentEvent(t, format, locale, event, new Date()), status: event.status } : null,
      banner: query?.saved === '1' ? t('events.admin.saved') : query?.session === '1' ? t('events.admin.sessionSaved') : null,
      values,
      kindItems: eventKinds.map((k) => ({ value: k, text: t(`events.kind.${k}`), selected: values.kind === k })),
      statusItems: eventStatuses.map((s) => ({ value: s, text: t(`events.admin.status.${s}`), checked: values.status === s })),
      principleItems: principles.map((p) => ({
        value: String(p.id),
        text: locale === 'cy' && p.shortNameCy ? p.shortNameCy : p.shortName,
        checked: values.principleIds.includes(String(p.id)),
      })),
      callItems: [
        { value: '', text: t('events.admin.noCall') },
        ...callsForSessions.map((c) => ({ value: String(c.id), text: c.title, selected: values.callId === String(c.id) })),
      ],
      session: event ? (options.session ?? blankSessionForm(event)) : null,
      feedback: event ? summariseFeedback(await listFeedback(db, event.id)) : null,
      materials: event ? presentMaterialsAdmin(t, event) : null,
      proposalItems: event
        ? [
            { value: '', text: t('events.admin.noProposal') },
            ...(await listAcceptedProposals(db, event.callId)).map((b) => ({
              value: String(b.id),
              text: b.title,
              selected: options.session?.bidId === String(b.id),
            })),
          ]
        : [],
      ...presentErrors(errors, t),
    })
  }

  app.get('/admin/events', async (request, reply) => {
    const { t, format } = request
    const rows = await listEventsForOrganisers(db)
    return reply.render('events/views/admin/index.njk', {
      title: t('events.admin.title'),
      section: 'admin',
      breadcrumbs: adminBreadcrumbs(t),
      rows: rows.map((e) => ({
        id: e.id,
        title: e.title,
        kind: eventKindText(t, e.kind),
        status: t(`events.admin.status.${e.status}`),
        when: whenText(t, format, e),
        places:
          e.capacity === null
            ? t('events.admin.placesNoLimit', { confirmed: e.confirmed })
            : t('events.admin.places', { confirmed: e.confirmed, capacity: e.capacity }),
        waiting: e.waiting,
      })),
    })
  })

  app.get('/admin/events/new', async (_request, reply) => renderEvent(reply, blankEventForm()))

  app.post('/admin/events', async (request, reply) => {
    const values = readEventForm(request.body)
    const result = await inTransaction(db, (tx) => createEvent(tx, auditActor(requireUser(request)), values))
    if (!result.ok) return renderEvent(reply, values, { errors: result.errors })
    return reply.redirect(`/admin/events/${result.value.id}?saved=1`, 303)
  })

  app.get<{ Params: { id: string } }>('/admin/events/:id', async (request, reply) => {
    const event = await eventAt(request.params.id)
    return renderEvent(reply, eventFormOf(event), { event })
  })

  app.post<{ Params: { id: string } }>('/admin/events/:id', async (request, reply) => {
    const event = await eventAt(request.params.id)
    const values = readEventForm(request.body)
    const result = await inTransaction(db, (tx) =>
      updateEvent(
        tx,
        auditActor(requireUser(request)),
        { id: event.id, form: values },
        { network: config.networkName, site: siteUrl(config, request), publicUrl: config.publicUrl, onlineWord: request.t('events.online') },
      ),
    )
    if (result.ok) {
      await app.mailer.deliver(result.value.emailIds)
      return reply.redirect(`/admin/events/${event.id}?saved=1`, 303)
    }
    const current = (await findEvent(db, { id: event.id })) ?? event
    // After a conflict the form carries the newer revision: saving again keeps what this person typed.
    return renderEvent(
      reply,
      { ...values, revision: result.reason === 'conflict' ? String(current.revision) : values.revision },
      { event: current, errors: result.errors },
    )
  })

  app.post<{ Params: { id: string } }>('/admin/events/:id/sessions', async (request, reply) => {
    const event = await eventAt(request.params.id)
    const form = readSessionForm(request.body)
    const result = await inTransaction(db, (tx) => saveSession(tx, auditActor(requireUser(request)), { eventId: event.id, sessionId: null, form }))
    if (result.ok) return reply.redirect(`/admin/events/${event.id}?session=1#agenda`, 303)
    return renderEvent(reply, eventFormOf(event), {
      event,
      session: form,
      sessionErrors: result.errors.map((e) => ({ ...e, field: e.field ? `session-${e.field}` : '' })),
    })
  })

  async function renderSession(reply: FastifyReply, event: EventRow, sessionId: number, form: SessionForm, errors: FieldError[] = []) {
    const { t } = reply.request
    return reply.code(errors.length ? 400 : 200).render('events/views/admin/session.njk', {
      title: t('events.admin.sessionTitle'),
      section: 'admin',
      breadcrumbs: [...breadcrumbsTo(t, t('events.admin.title'), '/admin/events'), { text: event.title, href: `/admin/events/${event.id}` }],
      pageError: errors.length > 0,
      event: { id: event.id, title: event.title },
      sessionId,
      session: form,
      caseStudy: sessionCaseStudy(event, sessionId),
      proposalItems: [
        { value: '', text: t('events.admin.noProposal') },
        ...(await listAcceptedProposals(db, event.callId)).map((b) => ({ value: String(b.id), text: b.title, selected: form.bidId === String(b.id) })),
      ],
      ...presentErrors(
        errors.map((e) => ({ ...e, field: e.field ? `session-${e.field}` : '' })),
        t,
      ),
    })
  }

  /** A past session can become a case study: the page offers it, or links to the one made. */
  function sessionCaseStudy(event: EventRow, sessionId: number) {
    const session = event.sessions.find((s) => s.id === sessionId)
    if (!session) return null
    if (session.caseStudySlug)
      return { href: `/case-studies/${session.caseStudySlug}/edit`, title: session.caseStudyTitle, draft: session.caseStudyStatus !== 'published' }
    return session.endsAt <= new Date() ? { canStart: true } : null
  }

  app.post<{ Params: { id: string; sessionId: string } }>('/admin/events/:id/sessions/:sessionId/case-study', async (request, reply) => {
    const event = await eventAt(request.params.id)
    const sessionId = parseId(request.params.sessionId)
    const result = await inTransaction(db, (tx) =>
      turnSessionIntoCaseStudy(tx, auditActor(requireUser(request)), { eventId: event.id, sessionId, now: new Date() }),
    )
    if (result.ok) return reply.redirect(`/case-studies/${result.value.slug}/edit`, 303)
    if (result.reason === 'not-found') throw new NotFoundError()
    const current = (await findEvent(db, { id: event.id })) ?? event
    const session = current.sessions.find((s) => s.id === sessionId)
    if (!session) throw new NotFoundError()
    return renderSession(reply, current, sessionId, sessionFormOf(session), result.errors)
  })

  app.get<{ Params: { id: string; sessionId: string } }>('/admin/events/:id/sessions/:sessionId', async (request, reply) => {
    const event = await eventAt(request.params.id)
    const session = event.sessions.find((s) => s.id === parseId(request.params.sessionId))
    if (!session) throw new NotFoundError()
    return renderSession(reply, event, session.id, sessionFormOf(session))
  })

  app.post<{ Params: { id: string; sessionId: string } }>('/admin/events/:id/sessions/:sessionId', async (request, reply) => {
    const event = await eventAt(request.params.id)
    const sessionId = parseId(request.params.sessionId)
    const form = readSessionForm(request.body)
    const result = await inTransaction(db, (tx) => saveSession(tx, auditActor(requireUser(request)), { eventId: event.id, sessionId, form }))
    if (result.ok) return reply.redirect(`/admin/events/${event.id}?session=1#agenda`, 303)
    if (result.reason === 'not-found') throw new NotFoundError()
    const current = (await findEvent(db, { id: event.id }))?.sessions.find((s) => s.id === sessionId)
    return renderSession(
      reply,
      event,
      sessionId,
      { ...form, revision: result.reason === 'conflict' && current ? String(current.revision) : form.revision },
      result.errors,
    )
  })
}
