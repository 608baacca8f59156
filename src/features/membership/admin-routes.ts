// The secretariat's membership pages: the year at a glance, applications and their decisions,
// memberships with their history. Registered inside the admin area, behind its administrators' check.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { inTransaction } from '../../db/unit-of-work.ts'
import { NotFoundError } from '../../errors.ts'
import { escapeHtml } from '../../lib/html.ts'
import { parseId } from '../../web/address-numbers.ts'
import { breadcrumbsTo, adminBreadcrumbs } from '../../web/admin-area.ts'
import { siteUrl } from '../../web/base-url.ts'
import { asForm, presentErrors, text, type FieldError } from '../../web/forms.ts'
import { tierLabel } from '../../web/organisation-display.ts'
import { auditActor } from '../accounts/actor.ts'
import { requireUser } from '../accounts/guard.ts'
import { findMembership, listMemberships, yearAtAGlance } from './admin-queries.ts'
import { currentYear } from './run-context.ts'
import { checkDecision, decideApplication } from './commands/decide-application.ts'
import { money, presentApplication } from './present.ts'
import { findApplication, listApplications, listRegisterCouncils } from './queries.ts'
import { convertMembership } from './commands/convert-membership.ts'
import { selectItems } from '../../web/select-items.ts'
import { statusKey } from './rules/status.ts'
import { londonDate, yearLabel } from './rules/subscription-year.ts'
import type { MembershipStatus } from '../../db/schema/enums.ts'

const statusTag = (t: FastifyRequest['t'], status: string) =>
  `<strong class="govuk-tag govuk-tag--${statusColour(status)}">${escapeHtml(t(statusKey(status as MembershipStatus)))}</strong>`

function statusColour(status: string): string {
  if (status === 'current') return 'green'
  if (status === 'approved' || status === 'applied') return 'blue'
  if (status === 'renewal-due') return 'yellow'
  if (status === 'overdue') return 'orange'
  if (status === 'lapsed' || status === 'refused') return 'red'
  return 'grey'
}

export async function membershipAdminRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.deps
  const membershipCrumbs = (t: FastifyRequest['t']) => breadcrumbsTo(t, t('adminMembership.title'), '/admin/membership')

  app.get('/admin/membership', async (request, reply) => {
    const { t } = request
    const year = currentYear(config)
    const glance = await yearAtAGlance(db, year)
    const members = await listMemberships(db)
    return reply.render('membership/views/admin/index.njk', {
      title: t('adminMembership.title'),
      section: 'admin',
      breadcrumbs: adminBreadcrumbs(t),
      year: yearLabel(year),
      money: {
        invoiced: money(glance.invoicedPence, request.locale),
        paid: money(glance.paidPence, request.locale),
        outstanding: money(glance.outstandingPence, request.locale),
      },
      invoiceCount: glance.invoiceCount,
      applicationsWaiting: glance.applicationsWaiting,
      renewalsWithoutPo: glance.renewalsWithoutPo,
      tierRows: glance.byTierAndStatus.map((r) => [
        { text: tierLabel(t, r.tier as never) },
        { html: statusTag(t, r.status) },
        { text: request.format.number(r.count), format: 'numeric' },
      ]),
      memberRows: members.map((m) => [
        { html: `<a class="govuk-link" href="/admin/membership/members/${m.id}">${escapeHtml(m.organisationName)}</a>` },
        { text: tierLabel(t, m.tier as never) },
        { html: statusTag(t, m.status) },
        { text: m.memberSince ? request.format.date(new Date(`${m.memberSince}T12:00:00Z`)) : '' },
      ]),
    })
  })

  app.get('/admin/membership/applications', async (request, reply) => {
    const { t } = request
    const applications = await listApplications(db)
    return reply.render('membership/views/admin/applications.njk', {
      title: t('adminMembership.applications.title'),
      section: 'admin',
      breadcrumbs: membershipCrumbs(t),
      rows: applications.map((a) => {
        const p = presentApplication(a, t, request.locale)
        return [
          { html: `<a class="govuk-link" href="/admin/membership/applications/${a.id}">${escapeHtml(p.organisation)}</a>` },
          { text: p.tier },
          { text: p.received },
          { html: `<strong class="govuk-tag govuk-tag--${p.statusColour}">${escapeHtml(p.statusLabel)}</strong>` },
        ]
      }),
    })
  })

  async function renderApplication(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    values: { decision: string; reason: string },
    errors: FieldError[] = [],
  ) {
    const application = await findApplication(db, id)
    if (!application) throw new NotFoundError()
    const { t } = request
    return reply.code(errors.length > 0 ? 400 : 200).render('membership/views/admin/application.njk', {
      title: t('adminMembership.application.title', { organisation: application.organisationName }),
      section: 'admin',
      breadcrumbs: [...membershipCrumbs(t), { text: t('adminMembership.applications.title'), href: '/admin/membership/applications' }],
      pageError: errors.length > 0,
      application: presentApplication(application, t, request.locale),
      values,
      ...presentErrors(errors, t),
    })
  }

  app.get<{ Params: { id: string } }>('/admin/membership/applications/:id', async (request, reply) =>
    renderApplication(request, reply, parseId(request.params.id), { decision: '', reason: '' }),
  )

  app.post<{ Params: { id: string } }>('/admin/membership/applications/:id/decision', async (request, reply) => {
    const id = parseId(request.params.id)
    const form = asForm(request.body)
    const values = { decision: text(form, 'decision', 20), reason: text(form, 'reason', 5000) }
    const checked = checkDecision(values.decision, values.reason)
    if (!checked.ok) return renderApplication(request, reply, id, values, checked.errors)
    const actor = requireUser(request)
    const result = await inTransaction(db, (tx) =>
      decideApplication(
        tx,
        auditActor(actor),
        { applicationId: id, ...checked.value },
        {
          today: londonDate(new Date()),
          network: config.networkName,
          baseUrl: siteUrl(config, request),
          settings: config.membership,
        },
      ),
    )
    if (!result.ok) {
      if (result.reason === 'not-found') throw new NotFoundError()
      return renderApplication(request, reply, id, values, result.errors)
    }
    await app.mailer.deliver(result.value.emailIds)
    if (result.value.membershipId) return reply.redirect(`/admin/membership/members/${result.value.membershipId}?approved=yes`, 303)
    return reply.redirect(`/admin/membership/applications?decided=${id}`, 303)
  })

  app.post<{ Params: { id: string } }>('/admin/membership/members/:id/conversion', async (request, reply) => {
    const id = parseId(request.params.id)
    const council = text(asForm(request.body), 'council', 20).trim().toUpperCase()
    if (council === '') return renderMembership(request, reply, id, [{ field: 'council', message: 'adminMembership.convert.errors.councilRequired' }], council)
    const actor = requireUser(request)
    const result = await inTransaction(db, (tx) =>
      convertMembership(
        tx,
        { membershipId: id, councilCode: council },
        {
          today: londonDate(new Date()),
          network: config.networkName,
          baseUrl: siteUrl(config, request),
          settings: config.membership,
          actor: auditActor(actor),
        },
      ),
    )
    if (!result.ok) {
      if (result.reason === 'not-found') throw new NotFoundError()
      return renderMembership(
        request,
        reply,
        id,
        result.errors.map((e) => ({ ...e, field: e.field || 'council' })),
        council,
      )
    }
    await app.mailer.deliver(result.value.emailIds)
    return reply.redirect(`/admin/membership/members/${result.value.membershipId}?converted=${encodeURIComponent(result.value.invoiceNumber)}`, 303)
  })

  app.get<{ Params: { id: string } }>('/admin/membership/members/:id', async (request, reply) => renderMembership(request, reply, parseId(request.params.id)))

  async function renderMembership(request: FastifyRequest, reply: FastifyReply, id: number, errors: FieldError[] = [], council = '') {
    const found = await findMembership(db, id)
    if (!found) throw new NotFoundError()
    const { t } = request
    const { membership, organisation, contact } = found
    const date = (d: string | null) => (d ? request.format.date(new Date(`${d}T12:00:00Z`)) : '')
    const query = asForm(request.query)
    const convertible = membership.tier === 'associate' && !['lapsed', 'resigned', 'refused', 'converted', 'applied'].includes(membership.status)
    const converted = typeof query.converted === 'string' && found.invoices.some((i) => i.number === query.converted) ? query.converted : null
    return reply.code(errors.length > 0 ? 400 : 200).render('membership/views/admin/membership.njk', {
      title: t('adminMembership.member.title', { organisation: organisation.name }),
      section: 'admin',
      breadcrumbs: membershipCrumbs(t),
      pageError: errors.length > 0,
      ...presentErrors(errors, t),
      banner:
        query.approved === 'yes'
          ? t('adminMembership.member.approvedBanner', { organisation: organisation.name })
          : converted
            ? t('adminMembership.convert.done', { organisation: organisation.name, invoice: converted })
            : null,
      conversion: convertible
        ? {
            action: `/admin/membership/members/${membership.id}/conversion`,
            councilItems: selectItems(
              (await listRegisterCouncils(db)).map((c) => ({ value: c.code, text: c.name })),
              council || membership.sitsOnAuthorityCode || '',
              { blank: t('join.form.chooseCouncil') },
            ),
          }
        : null,
      organisation: { name: organisation.name, slug: organisation.slug },
      facts: [
        { key: { text: t('adminMembership.member.tier') }, value: { text: tierLabel(t, membership.tier) } },
        { key: { text: t('adminMembership.member.status') }, value: { html: statusTag(t, membership.status) } },
        { key: { text: t('adminMembership.member.since') }, value: { text: date(membership.memberSince) || t('adminMembership.member.notYet') } },
        {
          key: { text: t('adminMembership.member.contact') },
          value: { text: contact ? `${contact.name}${contact.email ? ` (${contact.email})` : ''}` : t('admin.value.notSet') },
        },
      ],
      historyRows: found.history.map((e) => [
        { text: date(e.onDate) },
        { html: `${e.fromStatus ? `${statusTag(t, e.fromStatus)} → ` : ''}${statusTag(t, e.toStatus)}` },
        { text: e.reason },
        { text: e.actorLabel },
      ]),
      invoiceRows: found.invoices.map((i) => [
        { html: `<a class="govuk-link" href="/admin/membership/invoices/${escapeHtml(i.number)}">${escapeHtml(i.number)}</a>` },
        { text: t(`invoices.kind.${i.kind}`) },
        { text: date(i.issuedOn) },
        { text: money(i.totalPence, request.locale), format: 'numeric' },
        { text: t(`invoices.status.${i.status}`) },
      ]),
    })
  }
}
