import type { FastifyInstance, FastifyReply } from 'fastify'
import { inTransaction } from '../../db/unit-of-work.ts'
import { NotFoundError } from '../../errors.ts'
import { parseId } from '../../web/address-numbers.ts'
import { breadcrumbsTo } from '../../web/admin-area.ts'
import { siteUrl } from '../../web/base-url.ts'
import { asForm, list, presentErrors, text, type FieldError } from '../../web/forms.ts'
import { auditActor } from '../accounts/actor.ts'
import { requireUser } from '../accounts/guard.ts'
import { csvLine } from '../api/csv.ts'
import { markAttendance, messageRegistrants, recordNeedsExport } from './commands/organiser-actions.ts'
import { whenText } from './present.ts'
import { findEvent, listRegistrations, type EventRow } from './queries.ts'
import { choicesOfSessions } from './registration-sessions.ts'
import { byOrganisation, bySession, byTier } from './rules/numbers.ts'
import { queuePosition } from './rules/places.ts'

/** Registrations for the organisers: the list with needs, the queue, numbers, the CSV, the sign-in sheet, messages and attendance. */
export async function registrationAdminRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.deps

  async function eventAt(raw: string): Promise<EventRow> {
    const event = await findEvent(db, { id: parseId(raw) })
    if (!event) throw new NotFoundError()
    return event
  }

  async function renderRegistrations(reply: FastifyReply, event: EventRow, errors: FieldError[] = [], message = { subject: '', body: '' }) {
    const { t, format } = reply.request
    const rows = await listRegistrations(db, event.id)
    const organisation = (name: string) => name || t('events.admin.noOrganisation')
    const query = reply.request.query as Record<string, unknown>
    return reply.code(errors.length ? 400 : 200).render('events/views/admin/registrations.njk', {
      title: t('events.admin.registrationsTitle', { title: event.title }),
      section: 'admin',
      breadcrumbs: [...breadcrumbsTo(t, t('events.admin.title'), '/admin/events'), { text: event.title, href: `/admin/events/${event.id}` }],
      pageError: errors.length > 0,
      banner: query?.sent === '1' ? t('events.admin.messageSent') : query?.attendance === '1' ? t('events.admin.attendanceSaved') : null,
      event: { id: event.id, title: event.title, when: whenText(t, format, event), past: event.endsAt < new Date() },
      places: rows
        .filter((r) => r.status === 'confirmed' || r.status === 'offered')
        .map((r) => ({
          id: r.id,
          name: r.name,
          email: r.email,
          organisation: organisation(r.organisationName),
          role: r.jobRole,
          needs: [r.accessNeeds, r.dietaryNeeds].filter(Boolean).join(' · '),
          status: t(`events.registrationStatus.${r.status}`),
          attended: r.attended === true,
        })),
      waiting: rows
        .filter((r) => r.status === 'waiting')
        .map((r) => ({
          position: queuePosition(rows, r.id),
          name: r.name,
          organisation: organisation(r.organisationName),
          since: format.dateTime(r.queuedAt),
        })),
      byOrganisation: byOrganisation(rows).map((n) => ({ ...n, name: organisation(n.name) })),
      byTier: byTier(rows).map((n) => ({ ...n, name: n.name ? t(`organisations.tier.${n.name}`) : t('events.admin.noTier') })),
      bySession: bySession(
        event.sessions.filter((s) => s.capacity !== null),
        await choicesOfSessions(
          db,
          event.sessions.map((s) => s.id),
        ),
      ),
      message,
      ...presentErrors(errors, t),
    })
  }

  app.get<{ Params: { id: string } }>('/admin/events/:id/registrations', async (request, reply) => renderRegistrations(reply, await eventAt(request.params.id)))

  app.post<{ Params: { id: string } }>('/admin/events/:id/attendees.csv', async (request, reply) => {
    const event = await eventAt(request.params.id)
    const withNeeds = text(asForm(request.body), 'includeNeeds', 5) === 'yes'
    if (withNeeds) await inTransaction(db, (tx) => recordNeedsExport(tx, auditActor(requireUser(request)), event))
    const { t } = request
    const rows = (await listRegistrations(db, event.id)).filter((r) => r.status === 'confirmed' || r.status === 'offered')
    const header = ['name', 'email', 'organisation', 'role', 'status', 'attended', ...(withNeeds ? ['accessNeeds', 'dietaryNeeds'] : [])].map((c) =>
      t(`events.admin.csv.${c}`),
    )
    const body =
      csvLine(header) +
      rows
        .map((r) =>
          csvLine([
            r.name,
            r.email,
            r.organisationName,
            r.jobRole,
            r.status,
            r.attended === null ? '' : r.attended ? 'yes' : 'no',
            ...(withNeeds ? [r.accessNeeds ?? '', r.dietaryNeeds ?? ''] : []),
          ]),
        )
        .join('')
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${event.slug}-attendees.csv"`)
      .header('cache-control', 'private, no-store')
      .send(body)
  })

  app.get<{ Params: { id: string } }>('/admin/events/:id/sign-in-sheet', async (request, reply) => {
    const { t, format } = request
    const event = await eventAt(request.params.id)
    const rows = (await listRegistrations(db, event.id)).filter((r) => r.status === 'confirmed').sort((a, b) => a.name.localeCompare(b.name))
    return reply.render('events/views/admin/sign-in-sheet.njk', {
      title: t('events.admin.signInTitle', { title: event.title }),
      section: 'admin',
      breadcrumbs: [...breadcrumbsTo(t, t('events.admin.title'), '/admin/events'), { text: event.title, href: `/admin/events/${event.id}` }],
      event: { id: event.id, title: event.title, when: whenText(t, format, event) },
      rows: rows.map((r) => ({ name: r.name, organisation: r.organisationName })),
    })
  })

  app.post<{ Params: { id: string } }>('/admin/events/:id/message', async (request, reply) => {
    const event = await eventAt(request.params.id)
    const form = asForm(request.body)
    const message = { subject: text(form, 'subject', 1000), body: text(form, 'body', 20_000) }
    const result = await inTransaction(db, (tx) =>
      messageRegistrants(
        tx,
        auditActor(requireUser(request)),
        { eventId: event.id, ...message },
        { network: config.networkName, site: siteUrl(config, request) },
      ),
    )
    if (!result.ok) return renderRegistrations(reply, event, result.errors, message)
    await app.mailer.deliver(result.value.emailIds)
    return reply.redirect(`/admin/events/${event.id}/registrations?sent=1`, 303)
  })

  app.post<{ Params: { id: string } }>('/admin/events/:id/attendance', async (request, reply) => {
    const event = await eventAt(request.params.id)
    const ids = list(asForm(request.body), 'attended', 5000)
      .map(Number)
      .filter((n) => Number.isSafeInteger(n) && n > 0)
    const result = await inTransaction(db, (tx) => markAttendance(tx, auditActor(requireUser(request)), { eventId: event.id, attendedIds: ids }))
    if (!result.ok) throw new NotFoundError()
    return reply.redirect(`/admin/events/${event.id}/registrations?attendance=1`, 303)
  })
}
