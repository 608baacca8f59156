import { isUniqueViolation, withSavepoint, type Transaction } from '../../../db/unit-of-work.ts'
import { translator } from '../../../i18n/catalogue.ts'
import { queueEmail } from '../../email/outbox.ts'
import { invoiceIssuedEmail } from '../emails.ts'
import { quoteFee } from '../fee-quote.ts'
import type { RunContext } from '../run-context.ts'
import type { RunMembership } from '../run-queries.ts'
import { yearLabel } from '../rules/subscription-year.ts'
import { issueInvoice } from './issue-invoice.ts'

export type RenewalOutcome =
  | { status: 'issued'; number: string; amountPence: number; poNumber: string | null; emailId: number | null }
  | { status: 'already-invoiced'; number: string; amountPence: number; poNumber: string | null }
  | { status: 'cannot-price'; message: string; values?: Record<string, string | number> }

/**
 * Issues a membership's renewal invoice for a year, with the purchase-order number its council
 * gave, once: an invoice of the year already there (or issued at the same moment by another
 * instance, which the unique index catches) is reported, not repeated.
 */
export async function issueRenewalInvoice(tx: Transaction, m: RunMembership, year: number, context: RunContext): Promise<RenewalOutcome> {
  const existing = m.invoices.find((i) => i.year === year && i.cancelledOn === null)
  if (existing) return { status: 'already-invoiced', number: existing.number, amountPence: existing.totalPence, poNumber: existing.poNumber }
  const quote = await quoteFee(tx, { tier: m.tier, year, council: m.authorityCode })
  if (!quote.ok) return { status: 'cannot-price', message: quote.errors[0]!.message, ...(quote.errors[0]!.values ? { values: quote.errors[0]!.values } : {}) }
  const t = translator(m.language)
  const description = t('invoices.line.annual', { tier: t(`organisations.tier.${m.tier}`), year: yearLabel(year) })
  const poNumber = m.poNumbers[year]?.trim() || null
  let invoice
  try {
    invoice = await withSavepoint(tx, (sp) =>
      issueInvoice(
        sp,
        { name: context.network, settings: context.settings },
        {
          membershipId: m.id,
          kind: 'renewal',
          year,
          issuedOn: context.today,
          lines: [{ description, amountPence: quote.value.amount }],
          poNumber,
          feeScheduleId: quote.value.schedule.id,
          billedTo: { organisation: m.organisationName, contact: m.contactName, email: m.contactEmail },
        },
      ),
    )
  } catch (error) {
    if (isUniqueViolation(error)) return { status: 'already-invoiced', number: '', amountPence: quote.value.amount, poNumber }
    throw error
  }
  let emailId: number | null = null
  if (m.contactEmail) {
    emailId = await queueEmail(tx, {
      to: m.contactEmail,
      ...invoiceIssuedEmail(m.language, {
        name: m.contactName ?? m.organisationName,
        network: context.network,
        number: invoice.number,
        amountPence: invoice.totalPence,
        dueOn: invoice.dueOn,
        paymentDetails: context.settings.invoicePaymentDetails,
        lines: [description],
      }),
    })
  }
  return { status: 'issued', number: invoice.number, amountPence: invoice.totalPence, poNumber, emailId }
}
