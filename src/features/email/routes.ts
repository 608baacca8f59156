import type { FastifyInstance } from 'fastify'
import { NotFoundError } from '../../errors.ts'
import { escapeHtml } from '../../lib/html.ts'
import { paginationModel } from '../../web/pagination.ts'

import { findEmail, listEmails } from './queries.ts'
import { parseId, parsePage } from '../../web/address-numbers.ts'
import { adminBreadcrumbs, breadcrumbsTo } from '../../web/admin-area.ts'
import { dateTime } from '../../web/dates.ts'
import { emailStatusTag } from './present.ts'

const pageSize = 50

const tagHtml = (tag: { text: string; classes: string }) => `<strong class="govuk-tag ${tag.classes}">${tag.text}</strong>`

/** Every email with its delivery record. Emails hold sign-in links, so only administrators read them. */
export async function outboxRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db

  app.get<{ Querystring: Record<string, unknown> }>('/admin/outbox', async (request, reply) => {
    const page = parsePage(request.query.page)
    const { rows, total } = await listEmails(db, page, pageSize)
    const totalPages = Math.max(1, Math.ceil(total / pageSize))
    return reply.render('email/views/index.njk', {
      title: page > 1 ? `Outbox (page ${page})` : 'Outbox',
      section: 'admin',
      breadcrumbs: adminBreadcrumbs,
      smtpConfigured: Boolean(app.deps.config.smtpUrl),
      total,
      rows: rows.map((e) => [
        { text: dateTime(e.createdAt) },
        { text: e.toAddress },
        { html: `<a class="govuk-link" href="/admin/outbox/${e.id}">${escapeHtml(e.subject)}</a>` },
        { html: tagHtml(emailStatusTag(e.status)) },
        { text: e.status === 'failed' ? (e.error ?? '') : e.status === 'sent' ? `Sent ${dateTime(e.sentAt)}` : '' },
      ]),
      pagination: paginationModel(page, totalPages, (n) => `/admin/outbox${n > 1 ? `?page=${n}` : ''}`),
    })
  })

  app.get<{ Params: { id: string } }>('/admin/outbox/:id', async (request, reply) => {
    const id = parseId(request.params.id)
    const email = await findEmail(db, id)
    if (!email) throw new NotFoundError()
    return reply.render('email/views/show.njk', {
      title: email.subject,
      section: 'admin',
      breadcrumbs: breadcrumbsTo('Outbox', '/admin/outbox'),
      email,
      facts: [
        { key: { text: 'To' }, value: { text: email.toAddress } },
        { key: { text: 'Queued' }, value: { text: dateTime(email.createdAt) } },
        { key: { text: 'Delivery' }, value: { html: tagHtml(emailStatusTag(email.status)) } },
        ...(email.sentAt ? [{ key: { text: 'Sent' }, value: { text: dateTime(email.sentAt) } }] : []),
        { key: { text: 'Attempts' }, value: { text: String(email.attempts) } },
        ...(email.error ? [{ key: { text: 'Error' }, value: { text: email.error } }] : []),
      ],
    })
  })
}
