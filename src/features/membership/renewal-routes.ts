// The renewal run from the browser: what it would do for a year (a dry run, shown as a table),
// and the button that does it. The same run as `coophub membership renew`.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { escapeHtml } from '../../lib/html.ts'
import { breadcrumbsTo } from '../../web/admin-area.ts'
import { siteUrl } from '../../web/base-url.ts'
import { asForm, text } from '../../web/forms.ts'
import { tierLabel } from '../../web/organisation-display.ts'
import { auditActor } from '../accounts/actor.ts'
import { requireUser } from '../accounts/guard.ts'
import { currentYear } from './run-context.ts'
import { money } from './present.ts'
import { runRenewals, type RenewalLine } from './renewals.ts'
import type { RunContext } from './run-context.ts'
import { londonDate, yearBounds, yearLabel } from './rules/subscription-year.ts'

export async function renewalRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.deps

  /** The year to renew for: the next one until this one's first day has passed… which is always; so next year, or a year asked for. */
  function yearAsked(raw: unknown): number {
    const next = currentYear(config) + 1
    const n = typeof raw === 'string' && /^\d{4}$/.test(raw) ? Number(raw) : next
    return n >= next - 1 && n <= next ? n : next
  }

  const context = (request: FastifyRequest): RunContext => ({
    today: londonDate(new Date()),
    network: config.networkName,
    baseUrl: siteUrl(config, request),
    settings: config.membership,
    actor: auditActor(requireUser(request)),
  })

  const row = (request: FastifyRequest, line: RenewalLine) => {
    const { t } = request
    return [
      { text: line.organisation },
      { text: tierLabel(t, line.tier as never) },
      { text: line.amountPence === null ? '' : money(line.amountPence, request.locale), format: 'numeric' },
      { text: line.poNumber ?? '' },
      {
        html: `${escapeHtml(t(`adminMembership.renewals.status.${line.status}`))}${line.invoice ? ` <span class="govuk-!-font-weight-bold">${escapeHtml(line.invoice)}</span>` : ''}${line.problem ? `<br><span class="govuk-hint">${escapeHtml(t(line.problem.message, line.problem.values))}</span>` : ''}`,
      },
    ]
  }

  app.get('/admin/membership/renewals', async (request, reply) => {
    const { t } = request
    const query = asForm(request.query)
    const year = yearAsked(query.year)
    const preview = await runRenewals(db, year, context(request), { dryRun: true })
    const done = query.done === 'notice' || query.done === 'invoice' ? query.done : null
    return reply.render('membership/views/admin/renewals.njk', {
      title: t('adminMembership.renewals.title', { year: yearLabel(year) }),
      section: 'admin',
      breadcrumbs: breadcrumbsTo(t, t('adminMembership.title'), '/admin/membership'),
      banner: done ? t(`adminMembership.renewals.done.${done}`, { year: yearLabel(year) }) : null,
      year,
      yearLabel: yearLabel(year),
      starts: request.format.date(new Date(`${yearBounds(year, config.membership.yearStarts).starts}T12:00:00Z`)),
      step: preview.step,
      count: preview.lines.length,
      rows: preview.lines.map((line) => row(request, line)),
    })
  })

  app.post('/admin/membership/renewals', async (request, reply) => {
    const year = yearAsked(text(asForm(request.body), 'year', 10))
    const result = await runRenewals(db, year, context(request), { dryRun: false })
    await app.mailer.deliver(result.emailIds)
    return reply.redirect(`/admin/membership/renewals?year=${year}&done=${result.step}`, 303)
  })
}
