// An invoice as the page, the PDF and the list show it, in the reader's language: the issuer and
// billed-to blocks exactly as stored on the day of issue, amounts written from integer pence.
import type { InvoiceStatus, MembershipTier, PaymentMethod } from '../../db/schema/enums.ts'
import type { Translate } from '../../i18n/catalogue.ts'
import { formatterOf } from '../../i18n/format.ts'
import type { Locale } from '../../i18n/locales.ts'
import type { FieldError } from '../../lib/result.ts'
import { tierLabel } from '../../web/organisation-display.ts'
import type { InvoiceRow } from './admin-queries.ts'
import { formatPounds, type Pence } from './rules/money.ts'
import { isIsoDate, yearLabel, type IsoDate } from './rules/subscription-year.ts'

/** "£1,250.00", "-£12.50": exact, from pence (no float on the way). */
export function pounds(pence: Pence): string {
  return pence < 0 ? `-£${formatPounds(-pence)}` : `£${formatPounds(pence)}`
}

/** A calendar date in the language: "5 March 2026" / "5 Mawrth 2026". */
export function dayText(date: IsoDate | null, locale: Locale): string {
  return date ? formatterOf(locale).date(new Date(`${date}T12:00:00Z`)) : ''
}

export const statusColour = (status: string): string => (status === 'paid' ? 'green' : status === 'cancelled' ? 'grey' : 'blue')

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '')
const linesOf = (value: unknown): string[] =>
  textOf(value)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)

export interface InvoiceView {
  number: string
  status: InvoiceStatus
  statusLabel: string
  statusColour: string
  kind: string
  year: string
  tier: string
  issuer: { name: string; address: string[]; paymentDetails: string[] }
  billedTo: { organisation: string; contact: string; email: string }
  issued: string
  due: string
  poNumber: string
  lines: Array<{ description: string; amount: string }>
  total: string
  paid: { on: string; amount: string; method: string; reference: string } | null
  cancelled: { on: string; creditNote: string; reason: string } | null
}

export function presentInvoice(
  found: { invoice: InvoiceRow; organisationName: string; tier: string; lines: Array<{ description: string; amountPence: number }> },
  t: Translate,
  locale: Locale,
): InvoiceView {
  const { invoice } = found
  const issuer = (invoice.issuer ?? {}) as Record<string, unknown>
  const billedTo = (invoice.billedTo ?? {}) as Record<string, unknown>
  return {
    number: invoice.number,
    status: invoice.status,
    statusLabel: t(`invoices.status.${invoice.status}`),
    statusColour: statusColour(invoice.status),
    kind: t(`invoices.kind.${invoice.kind}`),
    year: yearLabel(invoice.year),
    tier: tierLabel(t, found.tier as MembershipTier),
    issuer: { name: textOf(issuer.name), address: linesOf(issuer.address), paymentDetails: linesOf(issuer.paymentDetails) },
    billedTo: { organisation: textOf(billedTo.organisation) || found.organisationName, contact: textOf(billedTo.contact), email: textOf(billedTo.email) },
    issued: dayText(invoice.issuedOn, locale),
    due: dayText(invoice.dueOn, locale),
    poNumber: invoice.poNumber ?? '',
    lines: found.lines.map((l) => ({ description: l.description, amount: pounds(l.amountPence) })),
    total: pounds(invoice.totalPence),
    paid:
      invoice.status === 'paid'
        ? {
            on: dayText(invoice.paidOn, locale),
            amount: pounds(invoice.paidPence ?? 0),
            method: invoice.paymentMethod ? t(`invoices.method.${invoice.paymentMethod}`) : '',
            reference: invoice.paymentReference ?? '',
          }
        : null,
    cancelled:
      invoice.status === 'cancelled'
        ? { on: dayText(invoice.cancelledOn, locale), creditNote: invoice.creditNoteNumber ?? '', reason: invoice.cancellationReason ?? '' }
        : null,
  }
}

/** The methods of payment as radio items. */
export const methodItems = (t: Translate, chosen: string, methods: readonly PaymentMethod[]) =>
  methods.map((m) => ({ value: m, text: t(`invoices.method.${m}`), checked: m === chosen }))

/** Errors whose `date` value is a 'YYYY-MM-DD', with the date written out in the page's language. */
export function withDatesWritten(errors: FieldError[], locale: Locale): FieldError[] {
  return errors.map((e) => (e.values && isIsoDate(e.values.date) ? { ...e, values: { ...e.values, date: dayText(e.values.date, locale) } } : e))
}
