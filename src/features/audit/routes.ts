import type { FastifyInstance } from 'fastify'
import { escapeHtml } from '../../lib/html.ts'
import { paginationModel } from '../../web/pagination.ts'
import { auditFilterHref, parseAuditFilter } from './filter.ts'
import { actionLabel, actorLabel, changesHtml, subjectHref, subjectLabel } from './present.ts'
import { listAuditChoices, listAuditEvents } from './queries.ts'
import { adminBreadcrumbs } from '../../web/admin-area.ts'
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
    const { t, format, locale } = request
    return reply.render('audit/views/index.njk', {
      title: filter.page > 1 ? t('audit.index.titlePage', { page: filter.page }) : t('audit.index.title'),
      section: 'admin',
      breadcrumbs: adminBreadcrumbs(t),
      total,
      filtered,
      actionItems: selectItems(
        choices.actions.map((a) => ({ value: a, text: actionLabel(t, a) })),
        filter.action ?? '',
        { blank: t('audit.index.allActions'), keep: filter.action },
      ),
      subjectItems: selectItems(
        choices.subjectTypes.map((s) => ({ value: s, text: subjectLabel(t, s) })),
        filter.subjectType ?? '',
        { blank: t('audit.index.allSubjects'), keep: filter.subjectType },
      ),
      rows: rows.map((e) => {
        const href = subjectHref(e.subjectType, e.subjectId)
        const subject = e.subjectId
          ? t('audit.index.subjectWithId', { subject: subjectLabel(t, e.subjectType), id: e.subjectId })
          : subjectLabel(t, e.subjectType)
        // The summary was written in English when the change was made: marked as English on a Welsh page.
        const summaryLang = locale === 'en' ? '' : ' lang="en"'
        return [
          { html: `<time datetime="${e.createdAt.toISOString()}">${escapeHtml(format.dateTime(e.createdAt))}</time>` },
          { text: actorLabel(t, e.actorLabel) },
          { html: `<strong class="govuk-tag govuk-tag--grey">${escapeHtml(actionLabel(t, e.action))}</strong>` },
          { html: href ? `<a class="govuk-link" href="${href}">${escapeHtml(subject)}</a>` : escapeHtml(subject) },
          { html: `<p class="govuk-body-s govuk-!-margin-bottom-1"${summaryLang}>${escapeHtml(e.summary)}</p>${changesHtml(t, e.changes)}` },
        ]
      }),
      pagination: paginationModel(filter.page, totalPages, (n) => auditFilterHref(filter, n)),
    })
  })
}
