import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { inTransaction } from '../../db/unit-of-work.ts'
import { NotFoundError } from '../../errors.ts'
import { isSlug } from '../../lib/slug.ts'
import { siteUrl } from '../../web/base-url.ts'
import { asForm, list, presentErrors, text, type FieldError } from '../../web/forms.ts'
import { limitBy } from '../../web/rate-limit.ts'
import { hashToken } from '../accounts/secrets.ts'
import { acceptOffer, cancelRegistration, type ManageContext } from './commands/manage-registration.ts'
import { register } from './commands/register.ts'
import { manageTokenShape, renderManage } from './manage-page.ts'
import { presentEvent, whenText } from './present.ts'
import { findEvent, isMemberOrganisation, listOrganisationChoices, type EventRow } from './queries.ts'
import { checkRegistration, type RegistrationForm } from './rules/registration-form.ts'

const blank: RegistrationForm = {
  name: '',
  email: '',
  organisationId: '',
  organisationName: '',
  jobRole: '',
  accessNeeds: '',
  dietaryNeeds: '',
  sessionIds: [],
}

function readForm(body: unknown): RegistrationForm {
  const form = asForm(body)
  return {
    name: text(form, 'name', 1000),
    email: text(form, 'email', 1000),
    organisationId: text(form, 'organisationId', 20).trim(),
    organisationName: text(form, 'organisationName', 1000),
    jobRole: text(form, 'jobRole', 1000),
    accessNeeds: text(form, 'accessNeeds', 5000),
    dietaryNeeds: text(form, 'dietaryNeeds', 5000),
    sessionIds: list(form, 'sessions', 100),
  }
}

/** Registering for an event (with or without an account) and the emailed link to take an offered place or cancel. */
export async function registrationRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.deps
  // A public form that sends an email: a handful an hour from one address is plenty for people.
  const perIp = limitBy(app, { name: 'event-register-ip', max: 30, timeWindow: '1 hour', key: (r) => r.ip })

  async function openEvent(slug: string): Promise<EventRow> {
    if (!isSlug(slug)) throw new NotFoundError()
    const event = await findEvent(db, { slug })
    if (!event || event.status === 'draft') throw new NotFoundError()
    return event
  }

  async function renderForm(request: FastifyRequest, reply: FastifyReply, event: EventRow, form: RegistrationForm, errors: FieldError[] = []) {
    const { t, format, locale } = request
    const shown = presentEvent(t, format, locale, event, new Date())
    const organisations = await listOrganisationChoices(db)
    return reply.code(errors.length ? 400 : 200).render('events/views/register.njk', {
      title: t('events.register.title', { event: event.title }),
      section: 'events',
      pageError: errors.length > 0,
      breadcrumbs: [
        { text: t('home.breadcrumb'), href: '/' },
        { text: t('events.index.title'), href: '/events' },
        { text: event.title, href: `/events/${event.slug}` },
      ],
      event: shown,
      form,
      organisationItems: [
        { value: '', text: t('events.register.noOrganisation') },
        ...organisations.map((o) => ({ value: String(o.id), text: o.name, selected: String(o.id) === form.organisationId })),
      ],
      sessionItems: event.sessions
        .filter((s) => s.capacity !== null)
        .map((s) => ({
          value: String(s.id),
          text: `${s.title} (${shown.sessions.find((x) => x.id === s.id)?.time ?? ''})`,
          hint: s.capacity !== null && s.taken >= s.capacity ? { text: t('events.register.sessionFullHint') } : undefined,
          checked: form.sessionIds.includes(String(s.id)),
        })),
      contentLang: locale === 'en' ? null : 'en',
      ...presentErrors(errors, t),
    })
  }

  function prefill(request: FastifyRequest): RegistrationForm {
    const user = request.user
    return user ? { ...blank, name: user.name, email: user.email, organisationId: user.organisationId === null ? '' : String(user.organisationId) } : blank
  }

  app.get<{ Params: { slug: string } }>('/events/:slug/register', async (request, reply) => {
    const event = await openEvent(request.params.slug)
    if (event.endsAt < new Date() || event.status !== 'published') return reply.redirect(`/events/${event.slug}`, 303)
    return renderForm(request, reply, event, prefill(request))
  })

  app.post<{ Params: { slug: string } }>('/events/:slug/register', { preHandler: perIp }, async (request, reply) => {
    const event = await openEvent(request.params.slug)
    const form = readForm(request.body)
    const organisations = await listOrganisationChoices(db)
    const checked = checkRegistration(form, { organisationIds: new Set(organisations.map((o) => o.id)), sessionIds: new Set(event.sessions.map((s) => s.id)) })
    if (!checked.ok) return renderForm(request, reply, event, form, checked.errors)
    const user = request.user ?? null
    const memberOrganisation = user !== null && (user.role === 'editor' || user.role === 'admin' || (await isMemberOrganisation(db, user.organisationId)))
    const result = await inTransaction(db, (tx) =>
      register(tx, event.id, checked.value, {
        userId: user?.id ?? null,
        memberOrganisation,
        locale: request.locale,
        network: config.networkName,
        site: siteUrl(config, request),
        publicUrl: config.publicUrl,
        onlineWord: request.t('events.online'),
        now: new Date(),
      }),
    )
    if (!result.ok) return renderForm(request, reply, (await findEvent(db, { id: event.id })) ?? event, form, result.errors)
    await app.mailer.deliver([result.value.emailId])
    return reply.redirectInLanguage(request.locale, `/events/${event.slug}/registered?status=${result.value.status}`)
  })

  app.get<{ Params: { slug: string } }>('/events/:slug/registered', async (request, reply) => {
    const { t, format } = request
    const event = await openEvent(request.params.slug)
    const waiting = asForm(request.query).status === 'waiting'
    return reply.render('events/views/registered.njk', {
      title: waiting ? t('events.registered.waitingTitle') : t('events.registered.title'),
      section: 'events',
      waiting,
      event: { title: event.title, slug: event.slug, when: whenText(t, format, event) },
    })
  })

  function manageContext(request: FastifyRequest): ManageContext {
    return {
      network: config.networkName,
      site: siteUrl(config, request),
      now: new Date(),
      publicUrl: config.publicUrl,
      onlineWord: request.t('events.online'),
    }
  }

  app.get<{ Params: { token: string } }>('/events/manage/:token', async (request, reply) => renderManage(db, request, reply, request.params.token))

  for (const [action, command] of [
    ['cancel', cancelRegistration],
    ['accept', acceptOffer],
  ] as const) {
    app.post<{ Params: { token: string } }>(`/events/manage/:token/${action}`, { preHandler: perIp }, async (request, reply) => {
      const token = request.params.token
      if (!manageTokenShape.test(token)) throw new NotFoundError()
      const result = await inTransaction(db, (tx) => command(tx, hashToken(token), manageContext(request)))
      if (!result.ok) {
        if (result.reason === 'not-found') throw new NotFoundError()
        return renderManage(db, request, reply, token, result.errors)
      }
      await app.mailer.deliver(result.value.emailIds)
      return reply.redirectInLanguage(request.locale, `/events/${result.value.eventSlug}?${action === 'cancel' ? 'cancelled' : 'accepted'}=1`)
    })
  }
}
