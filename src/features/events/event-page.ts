// The event's page, rendered by its GET route and, with a backing form's errors, by the routes
// backing a proposed session (so a refusal is told on the page the member acted from).
import type { FastifyReply } from 'fastify'
import type { Executor } from '../../db/client.ts'
import type { FieldError } from '../../lib/result.ts'
import { asForm, presentErrors, text } from '../../web/forms.ts'
import { jsonLdText, publicBase } from '../insights/linked-data.ts'
import { callForSessionsSection } from './call-for-sessions.ts'
import { eventJsonLd } from './linked-data.ts'
import { presentEvent } from './present.ts'
import type { EventRow } from './queries.ts'

/** The success banners a redirect back to the page may ask for, by query parameter. */
const banners: Record<string, string> = {
  cancelled: 'events.manage.cancelledBanner',
  accepted: 'events.manage.acceptedBanner',
  changed: 'events.manage.changedBanner',
  backed: 'events.proposals.backed',
  unbacked: 'events.proposals.unbacked',
}

export async function renderEventPage(db: Executor, reply: FastifyReply, event: EventRow, errors: FieldError[] = []) {
  const { t, format, locale } = reply.request
  const now = new Date()
  const query = asForm(reply.request.query)
  const { config } = reply.server.deps
  const bannerKey = Object.keys(banners).find((k) => text(query, k, 5) === '1')
  return reply.code(errors.length ? 400 : 200).render('events/views/show.njk', {
    title: event.title,
    section: 'events',
    breadcrumbs: [
      { text: t('home.breadcrumb'), href: '/' },
      { text: t('events.index.title'), href: '/events' },
    ],
    pageError: errors.length > 0,
    event: presentEvent(t, format, locale, event, now),
    callForSessions: await callForSessionsSection(db, event.callId, reply.request.user ?? null, t, format, now),
    banner: bannerKey && errors.length === 0 ? t(banners[bannerKey]!) : null,
    contentLang: locale === 'en' ? null : 'en',
    jsonLd: jsonLdText(eventJsonLd(event, publicBase(config.publicUrl), config.networkName)),
    ...presentErrors(errors, t),
  })
}
