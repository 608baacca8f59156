import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { inTransaction } from '../../db/unit-of-work.ts'
import { NotFoundError } from '../../errors.ts'
import { siteUrl } from '../../web/base-url.ts'
import { asForm, list, presentErrors, text, type FieldError } from '../../web/forms.ts'
import { limitBy } from '../../web/rate-limit.ts'
import { hashToken } from '../accounts/secrets.ts'
import { acceptSessionOffer, changeRegistration } from './commands/change-registration.ts'
import type { ManageContext } from './commands/manage-registration.ts'
import { keepPrivate, manageTokenShape, openByToken, renderManage } from './manage-page.ts'
import { presentEvent, whenText } from './present.ts'
import { findEvent } from './queries.ts'
import { findRegistrationSessions, standingText } from './registration-sessions.ts'
import { checkChange, type ChangeForm } from './rules/registration-change.ts'
import { isLiveRegistration } from './rules/places.ts'

function readForm(body: unknown): ChangeForm {
  const form = asForm(body)
  return {
    jobRole: text(form, 'jobRole', 1000),
    accessNeeds: text(form, 'accessNeeds', 5000),
    dietaryNeeds: text(form, 'dietaryNeeds', 5000),
    sessionIds: list(form, 'sessions', 100),
    revision: text(form, 'revision', 20).trim(),
  }
}

/** Changing a registration through the emailed link (needs, role, sessions), and taking a place offered in a session. */
export async function manageChangeRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.deps
  const perIp = limitBy(app, { name: 'event-manage-ip', max: 30, timeWindow: '1 hour', key: (r) => r.ip })

  const context = (request: FastifyRequest): ManageContext => ({
    network: config.networkName,
    site: siteUrl(config, request),
    now: new Date(),
    publicUrl: config.publicUrl,
    onlineWord: request.t('events.online'),
  })

  /** The form, from the registration as saved, or as sent back with its errors (on the revision now saved). */
  async function renderChange(request: FastifyRequest, reply: FastifyReply, token: string, sent: ChangeForm | null, errors: FieldError[] = []) {
    const { t, format, locale } = request
    const { registration, event: eventRow } = await openByToken(db, token)
    const event = await findEvent(db, { id: eventRow.id })
    if (!event) throw new NotFoundError()
    const mine = await findRegistrationSessions(db, registration.id, event.id)
    const form: ChangeForm = sent
      ? { ...sent, revision: String(registration.revision) }
      : {
          jobRole: registration.jobRole,
          accessNeeds: registration.accessNeeds ?? '',
          dietaryNeeds: registration.dietaryNeeds ?? '',
          sessionIds: mine.map((s) => String(s.id)),
          revision: String(registration.revision),
        }
    const shown = presentEvent(t, format, locale, event, new Date())
    keepPrivate(reply)
    return reply.code(errors.length ? 400 : 200).render('events/views/change.njk', {
      title: t('events.change.title'),
      section: 'events',
      pageError: errors.length > 0,
      token,
      form,
      event: { title: event.title, slug: event.slug, when: whenText(t, format, event) },
      // Sessions with places to count, and any other the person chose (unticked by omission it would be lost).
      sessionItems: event.sessions
        .filter((s) => s.capacity !== null || mine.some((m) => m.id === s.id))
        .map((s) => {
          const chosen = mine.find((m) => m.id === s.id)
          const full = s.capacity !== null && s.taken >= s.capacity
          return {
            value: String(s.id),
            text: `${s.title} (${shown.sessions.find((x) => x.id === s.id)?.time ?? ''})`,
            hint: chosen ? { text: standingText(t, format, chosen) } : full ? { text: t('events.register.sessionFullHint') } : undefined,
            checked: form.sessionIds.includes(String(s.id)),
          }
        }),
      contentLang: locale === 'en' ? null : 'en',
      ...presentErrors(errors, t),
    })
  }

  app.get<{ Params: { token: string } }>('/events/manage/:token/change', async (request, reply) => {
    const { registration, event } = await openByToken(db, request.params.token)
    if (!isLiveRegistration(registration.status) || event.endsAt <= new Date() || event.status !== 'published') {
      return renderManage(db, request, reply, request.params.token, [{ field: '', message: 'events.change.closed' }])
    }
    return renderChange(request, reply, request.params.token, null)
  })

  app.post<{ Params: { token: string } }>('/events/manage/:token/change', { preHandler: perIp }, async (request, reply) => {
    const token = request.params.token
    const { event } = await openByToken(db, token)
    const sessions = (await findEvent(db, { id: event.id }))?.sessions ?? []
    const form = readForm(request.body)
    const checked = checkChange(form, { sessionIds: new Set(sessions.map((s) => s.id)) })
    if (!checked.ok) return renderChange(request, reply, token, form, checked.errors)
    const result = await inTransaction(db, (tx) => changeRegistration(tx, hashToken(token), checked.value, context(request)))
    if (!result.ok) {
      if (result.reason === 'not-found') throw new NotFoundError()
      return renderChange(request, reply, token, form, result.errors)
    }
    await app.mailer.deliver(result.value.emailIds)
    return reply.redirectInLanguage(request.locale, `/events/${result.value.eventSlug}?changed=1`)
  })

  app.post<{ Params: { token: string } }>('/events/manage/:token/accept-session', { preHandler: perIp }, async (request, reply) => {
    const token = request.params.token
    if (!manageTokenShape.test(token)) throw new NotFoundError()
    const raw = text(asForm(request.body), 'sessionId', 20).trim()
    const sessionId = /^\d{1,9}$/.test(raw) ? Number(raw) : null
    if (sessionId === null) return renderManage(db, request, reply, token, [{ field: '', message: 'events.manage.noSessionOffer' }])
    const result = await inTransaction(db, (tx) => acceptSessionOffer(tx, hashToken(token), sessionId, context(request)))
    if (!result.ok) {
      if (result.reason === 'not-found') throw new NotFoundError()
      return renderManage(db, request, reply, token, result.errors)
    }
    await app.mailer.deliver(result.value.emailIds)
    return reply.redirectInLanguage(request.locale, `/events/${result.value.eventSlug}?changed=1`)
  })
}
