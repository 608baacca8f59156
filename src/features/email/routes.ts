import type { FastifyInstance } from 'fastify'
import { NotFoundError } from '../../errors.ts'
import { escapeHtml } from '../../lib/html.ts'
import { paginationModel } from '../../web/pagination.ts'

import { findEmail, listEmails } from './queries.ts'
import { parseId, parsePage } from '../../web/address-numbers.ts'
import { adminBreadcrumbs, breadcrumbsTo } from '../../web/admin-area.ts'
import { emailStatusTag } from './present.ts'
import { nextEmailTry } from './retry-rules.ts'
import type { Translate } from '../../i18n/catalogue.ts'
import type { EmailStatus } from '../../db/schema/enums.ts'

const pageSize = 50

const tagHtml = (t: Translate, status: EmailStatus) =>
  `<strong class="govuk-tag ${emailStatusTag(status).classes}">${escapeHtml(t(`outbox.status.${status}`))}</strong>`

/** The lang attribute of an email's own words: its recipient's language, when known. */
const langAttribute = (language: string | null) => (language ? ` lang="${escapeHtml(language)}"` : '')

/** Every email with its delivery record. Emails hold sign-in links, so only administrators read them. */
export async function outboxRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db

  app.get<{ Querystring: Record<string, unknown> }>('/admin/outbox', async (request, reply) => {
    const page = parsePage(request.query.page)
    const { rows, total } = await listEmails(db, page, pageSize)
    const totalPages = Math.max(1, Math.ceil(total / pageSize))
    const { t, format } = request
    return reply.render('email/views/index.njk', {
      title: page > 1 ? t('outbox.index.titlePage', { page }) : t('outbox.index.title'),
      section: 'admin',
      breadcrumbs: adminBreadcrumbs(t),
      smtpConfigured: Boolean(app.deps.config.smtpUrl),
      total,
      rows: rows.map((e) => [
        { text: format.dateTime(e.createdAt) },
        { text: e.toAddress },
        { html: `<a class="govuk-link" href="/admin/outbox/${e.id}"${langAttribute(e.language)}>${escapeHtml(e.subject)}</a>` },
        { html: tagHtml(t, e.status) },
        // A delivery error is the mail server's own words, in English.
        e.status === 'failed'
          ? { html: `<span lang="en">${escapeHtml(e.error ?? '')}</span>` }
          : { text: e.status === 'sent' ? t('outbox.index.sentAt', { when: format.dateTime(e.sentAt) }) : '' },
      ]),
      pagination: paginationModel(page, totalPages, (n) => `/admin/outbox${n > 1 ? `?page=${n}` : ''}`),
    })
  })

  app.get<{ Params: { id: string } }>('/admin/outbox/:id', async (request, reply) => {
    const id = parseId(request.params.id)
    const email = await findEmail(db, id)
    if (!email) throw new NotFoundError()
    const { t, format } = request
    const nextTryText = (e: typeof email) => {
      const next = nextEmailTry({ status: e.status, attempts: e.attempts, lastTouched: e.lastAttemptAt ?? e.createdAt })
      return next ? format.dateTime(next) : t('outbox.show.noMoreTries')
    }
    return reply.render('email/views/show.njk', {
      title: email.subject,
      section: 'admin',
      breadcrumbs: breadcrumbsTo(t, t('outbox.index.title'), '/admin/outbox'),
      email,
      language: email.language,
      facts: [
        { key: { text: t('outbox.index.to') }, value: { text: email.toAddress } },
        { key: { text: t('outbox.show.queued') }, value: { text: format.dateTime(email.createdAt) } },
        { key: { text: t('outbox.index.delivery') }, value: { html: tagHtml(t, email.status) } },
        ...(email.sentAt ? [{ key: { text: t('outbox.show.sent') }, value: { text: format.dateTime(email.sentAt) } }] : []),
        { key: { text: t('outbox.show.attempts') }, value: { text: format.number(email.attempts) } },
        ...(email.lastAttemptAt ? [{ key: { text: t('outbox.show.lastAttempt') }, value: { text: format.dateTime(email.lastAttemptAt) } }] : []),
        ...(email.status === 'failed' ? [{ key: { text: t('outbox.show.nextTry') }, value: { text: nextTryText(email) } }] : []),
        ...(email.error ? [{ key: { text: t('outbox.show.error') }, value: { html: `<span lang="en">${escapeHtml(email.error)}</span>` } }] : []),
      ],
    })
  })
}
