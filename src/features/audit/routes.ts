import type { FastifyInstance } from 'fastify'
import { escapeHtml } from '../../lib/html.ts'
import { paginationModel } from '../../web/pagination.ts'
import { auditFilterHref, parseAuditFilter } from './filter.ts'
import { actionLabel, changesHtml, subjectHref, subjectLabel } from './present.ts'
import { listAuditChoices, listAuditEvents } from './queries.ts'
import { adminBreadcrumbs } from '../../web/admin-area.ts'
import { dateTime } from '../../web/dates.ts'
import { selectItems } from '../../web/select-items.ts'

const pageSize = 50

/** The audit log: every write, newest first, filterable by action and subject type. */
export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db

  app.get('/admin/audit', async (request, reply) => {
    const filter = parseAuditFilter(request.query)
    const { rows, total } = await listAuditEvents(db, filter, pageSize)
    const choices = await listAuditChoices(db)
    const totalPages = Math.max(1, Math.ceil(total / pageSize))
    const filtered = filter.action !== null || filter.subjectType !== null
    return reply.render('audit/views/index.njk', {
      title: filter.page > 1 ? `Audit log (page ${filter.page})` : 'Audit log',
      section: 'admin',
      breadcrumbs: adminBreadcrumbs,
      total,
      filtered,
      actionItems: selectItems(
        choices.actions.map((a) => ({ value: a, text: actionLabel(a) })),
        filter.action ?? '',
        { blank: 'All actions', keep: filter.action },
      ),
      subjectItems: selectItems(
        choices.subjectTypes.map((s) => ({ value: s, text: subjectLabel(s) })),
        filter.subjectType ?? '',
        { blank: 'All subjects', keep: filter.subjectType },
      ),
      rows: rows.map((e) => {
        const href = subjectHref(e.subjectType, e.subjectId)
        const subject = `${subjectLabel(e.subjectType)}${e.subjectId ? ` ${e.subjectId}` : ''}`
        return [
          { html: `<time datetime="${e.createdAt.toISOString()}">${escapeHtml(dateTime(e.createdAt))}</time>` },
          { text: e.actorLabel },
          { html: `<strong class="govuk-tag govuk-tag--grey">${escapeHtml(actionLabel(e.action))}</strong>` },
          { html: href ? `<a class="govuk-link" href="${href}">${escapeHtml(subject)}</a>` : escapeHtml(subject) },
          { html: `<p class="govuk-body-s govuk-!-margin-bottom-1">${escapeHtml(e.summary)}</p>${changesHtml(e.changes)}` },
        ]
      }),
      pagination: paginationModel(filter.page, totalPages, (n) => auditFilterHref(filter, n)),
    })
  })
}
