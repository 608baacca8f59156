// The finance team's invoice pages: the list with its aged debt and CSV, one invoice as a printable
// page and as a PDF, and the two things that may happen to an issued invoice — paid, or cancelled
// with a credit note. Registered inside the admin area, behind its administrators' check.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { invoiceStatuses, paymentMethods, type InvoiceStatus } from '../../db/schema/enums.ts'
import { inTransaction } from '../../db/unit-of-work.ts'
import { NotFoundError } from '../../errors.ts'
import { escapeHtml } from '../../lib/html.ts'
import { breadcrumbsTo } from '../../web/admin-area.ts'
import { asForm, presentErrors, text, type FieldError } from '../../web/forms.ts'
import { tierLabel } from '../../web/organisation-display.ts'
import { auditActor } from '../accounts/actor.ts'
import { requireUser } from '../accounts/guard.ts'
import { findInvoiceByNumber } from './admin-queries.ts'
import { cancelInvoice } from './commands/cancel-invoice.ts'
import { recordPayment } from './commands/record-payment.ts'
import { invoicePdf } from './invoice-pdf.ts'
import { dayText, methodItems, pounds, presentInvoice, statusColour, withDatesWritten } from './invoice-present.ts'
import { invoiceYears, listInvoices, unpaidInvoices, type InvoiceFilter } from './invoice-queries.ts'
import { invoicesCsv } from './invoices-csv.ts'
import { agedDebt } from './rules/aged-debt.ts'
import type { PaymentForm } from './rules/invoice-forms.ts'
import { parseInvoiceNumber } from './rules/invoice-numbers.ts'
import { londonDate, yearLabel } from './rules/subscription-year.ts'

/** The invoice number in an address, upper-cased; anything that is not one is a page that does not exist. */
function numberFrom(raw: string): string {
  if (raw.length > 40 || !parseInvoiceNumber(raw)) throw new NotFoundError()
  return raw.trim().toUpperCase()
}

/** The list's filters: a known year and status, or none; anything else is ignored. */
function filterFrom(query: unknown): InvoiceFilter {
  const q = asForm(query)
  const first = (v: unknown) => (Array.isArray(v) ? v[0] : v)
  const year = first(q.year)
  const status = first(q.status)
  const filter: InvoiceFilter = {}
  if (typeof year === 'string' && /^\d{4}$/.test(year) && Number(year) >= 2000 && Number(year) <= 2100) filter.year = Number(year)
  if (typeof status === 'string' && (invoiceStatuses as readonly string[]).includes(status)) filter.status = status as InvoiceStatus
  return filter
}

const emptyPayment: PaymentForm = { amount: '', day: '', month: '', year: '', method: '', reference: '' }

export async function invoiceRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.deps
  const listCrumbs = (t: FastifyRequest['t']) => breadcrumbsTo(t, t('adminMembership.title'), '/admin/membership')
  const invoiceCrumbs = (t: FastifyRequest['t']) => [...listCrumbs(t), { text: t('invoices.list.title'), href: '/admin/membership/invoices' }]

  app.get('/admin/membership/invoices', async (request, reply) => {
    const { t, locale } = request
    const filter = filterFrom(request.query)
    const [rows, years, unpaid] = await Promise.all([listInvoices(db, filter), invoiceYears(db), unpaidInvoices(db)])
    const debt = agedDebt(unpaid, londonDate(new Date()))
    const query = new URLSearchParams()
    if (filter.year !== undefined) query.set('year', String(filter.year))
    if (filter.status) query.set('status', filter.status)
    return reply.render('membership/views/admin/invoices.njk', {
      title: t('invoices.list.title'),
      section: 'admin',
      breadcrumbs: listCrumbs(t),
      filtered: filter.year !== undefined || filter.status !== undefined,
      yearItems: [
        { value: '', text: t('invoices.list.allYears') },
        ...years.map((y) => ({ value: String(y), text: yearLabel(y), selected: y === filter.year })),
      ],
      statusItems: [
        { value: '', text: t('invoices.list.allStatuses') },
        ...invoiceStatuses.map((s) => ({ value: s, text: t(`invoices.status.${s}`), selected: s === filter.status })),
      ],
      csvHref: `/admin/membership/invoices.csv${query.size > 0 ? `?${query}` : ''}`,
      count: rows.length,
      rows: rows.map(({ invoice: i, organisationName, tier }) => [
        { html: `<a class="govuk-link" href="/admin/membership/invoices/${escapeHtml(i.number)}" data-qa="invoice-link">${escapeHtml(i.number)}</a>` },
        { text: organisationName },
        { text: tierLabel(t, tier) },
        { text: t(`invoices.kind.${i.kind}`) },
        { text: dayText(i.issuedOn, locale) },
        { text: dayText(i.dueOn, locale) },
        { text: pounds(i.totalPence), format: 'numeric' },
        { html: `<strong class="govuk-tag govuk-tag--${statusColour(i.status)}">${escapeHtml(t(`invoices.status.${i.status}`))}</strong>` },
        {
          html: `<a class="govuk-link" href="/admin/membership/invoices/${escapeHtml(i.number)}.pdf" data-qa="invoice-pdf-link">${escapeHtml(t('invoices.list.pdf'))}<span class="govuk-visually-hidden"> ${escapeHtml(i.number)}</span></a>`,
        },
      ]),
      debtRows: [...debt.buckets, { label: 'total', ...debt.total }].map((b) => [
        { text: t(`invoices.debt.bucket.${b.label}`) },
        { text: request.format.number(b.count), format: 'numeric' },
        { text: pounds(b.pence), format: 'numeric' },
      ]),
    })
  })

  app.get('/admin/membership/invoices.csv', async (request, reply) => {
    const rows = await listInvoices(db, filterFrom(request.query))
    return reply
      .header('content-type', 'text/csv; charset=utf-8; header=present')
      .header('content-disposition', `attachment; filename="invoices${request.locale === 'en' ? '' : `-${request.locale}`}.csv"`)
      .header('cache-control', 'no-store')
      .send(invoicesCsv(rows, request.t))
  })

  async function renderInvoice(
    request: FastifyRequest,
    reply: FastifyReply,
    number: string,
    forms: { payment?: PaymentForm; reason?: string; errors?: FieldError[] } = {},
  ) {
    const found = await findInvoiceByNumber(db, number)
    if (!found) throw new NotFoundError()
    const { t, locale } = request
    const view = presentInvoice(found, t, locale)
    const errors = withDatesWritten(forms.errors ?? [], locale)
    const payment = forms.payment ?? emptyPayment
    const banner = asForm(request.query).done
    return reply.code(errors.length > 0 ? 400 : 200).render('membership/views/admin/invoice.njk', {
      title: t('invoices.page.title', { number: view.number }),
      section: 'admin',
      breadcrumbs: invoiceCrumbs(t),
      pageError: errors.length > 0,
      banner:
        banner === 'paid' && view.paid
          ? t('invoices.page.paidBanner')
          : banner === 'cancelled' && view.cancelled
            ? t('invoices.page.cancelledBanner', { creditNote: view.cancelled.creditNote })
            : null,
      invoice: view,
      membershipHref: `/admin/membership/members/${found.invoice.membershipId}`,
      pdfHref: `/admin/membership/invoices/${view.number}.pdf`,
      payment,
      methodItems: methodItems(t, payment.method, paymentMethods),
      reason: forms.reason ?? '',
      ...presentErrors(errors, t),
    })
  }

  app.get<{ Params: { number: string } }>('/admin/membership/invoices/:number', async (request, reply) =>
    renderInvoice(request, reply, numberFrom(request.params.number)),
  )

  app.get<{ Params: { number: string } }>('/admin/membership/invoices/:number.pdf', async (request, reply) => {
    const found = await findInvoiceByNumber(db, numberFrom(request.params.number))
    if (!found) throw new NotFoundError()
    const view = presentInvoice(found, request.t, request.locale)
    const pdf = await invoicePdf(view, request.t, { network: config.networkName })
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${view.number}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf)
  })

  app.post<{ Params: { number: string } }>('/admin/membership/invoices/:number/payment', async (request, reply) => {
    const number = numberFrom(request.params.number)
    const body = asForm(request.body)
    const form: PaymentForm = {
      amount: text(body, 'amount', 50),
      day: text(body, 'paidOn-day', 10),
      month: text(body, 'paidOn-month', 10),
      year: text(body, 'paidOn-year', 10),
      method: text(body, 'method', 30),
      reference: text(body, 'reference', 1000),
    }
    const actor = requireUser(request)
    const result = await inTransaction(db, (tx) => recordPayment(tx, auditActor(actor), { number, form }, { today: londonDate(new Date()) }))
    if (!result.ok) {
      if (result.reason === 'not-found') throw new NotFoundError()
      return renderInvoice(request, reply, number, { payment: form, errors: result.errors })
    }
    return reply.redirect(`/admin/membership/invoices/${number}?done=paid`, 303)
  })

  app.post<{ Params: { number: string } }>('/admin/membership/invoices/:number/cancellation', async (request, reply) => {
    const number = numberFrom(request.params.number)
    const reason = text(asForm(request.body), 'reason', 5000)
    const actor = requireUser(request)
    const result = await inTransaction(db, (tx) =>
      cancelInvoice(tx, auditActor(actor), { number, reason }, { today: londonDate(new Date()), prefix: config.membership.invoicePrefix }),
    )
    if (!result.ok) {
      if (result.reason === 'not-found') throw new NotFoundError()
      return renderInvoice(request, reply, number, { reason, errors: result.errors })
    }
    return reply.redirect(`/admin/membership/invoices/${number}?done=cancelled`, 303)
  })
}
