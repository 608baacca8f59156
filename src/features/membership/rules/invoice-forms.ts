// The two things an administrator may do to an issued invoice: record its payment or cancel it
// with a credit note. These rules check the forms against the invoice and today's date; they read
// nothing and write nothing. Messages are keys of invoices.json, fields the forms' ids (a date
// input's error links to the first of its boxes at fault, as the GOV.UK pattern asks).
import { paymentMethods, type PaymentMethod } from '../../../db/schema/enums.ts'
import { invalid, ok, type FieldError, type Result } from '../../../lib/result.ts'
import { penceOf, type Pence } from './money.ts'
import { isIsoDate, type IsoDate } from './subscription-year.ts'

export interface PaymentForm {
  amount: string
  day: string
  month: string
  year: string
  method: string
  reference: string
}

export interface Payment {
  pence: Pence
  paidOn: IsoDate
  method: PaymentMethod
  reference: string | null
}

/** Above this a payment is a typing mistake; it also keeps the amount within the column. */
export const maxPaymentPence = 100_000_000
export const maxReferenceLength = 200
export const maxReasonLength = 2000

/** The field of the date input, and its boxes' ids. */
export const paidOnField = 'paidOn'
const box = (part: 'day' | 'month' | 'year') => `${paidOnField}-${part}`

function amountError(text: string): FieldError | null {
  const pence = penceOf(text)
  if (pence === 'membership.money.required') return { field: 'amount', message: 'invoices.errors.amountRequired' }
  if (pence === 'membership.money.negative') return { field: 'amount', message: 'invoices.errors.amountPositive' }
  if (pence === 'membership.money.tooLarge' || (typeof pence === 'number' && pence > maxPaymentPence)) {
    return { field: 'amount', message: 'invoices.errors.amountTooLarge', values: { max: '1,000,000.00' } }
  }
  if (typeof pence !== 'number') return { field: 'amount', message: 'invoices.errors.amountFormat' }
  if (pence === 0) return { field: 'amount', message: 'invoices.errors.amountPositive' }
  return null
}

/**
 * A GOV.UK date input's three boxes as a date, or the one error to show: nothing entered; a part
 * missing (naming it); a part that is not a number; a date that does not exist.
 */
export function dateOfInput(day: string, month: string, year: string): IsoDate | FieldError {
  const parts = { day: day.trim(), month: month.trim(), year: year.trim() }
  if (!parts.day && !parts.month && !parts.year) return { field: box('day'), message: 'invoices.errors.paidOnRequired' }
  for (const part of ['day', 'month', 'year'] as const) {
    if (!parts[part]) return { field: box(part), message: `invoices.errors.paidOnMissing.${part}` }
  }
  if (!/^\d{1,2}$/.test(parts.day)) return { field: box('day'), message: 'invoices.errors.paidOnReal' }
  if (!/^\d{1,2}$/.test(parts.month)) return { field: box('month'), message: 'invoices.errors.paidOnReal' }
  if (!/^\d{4}$/.test(parts.year)) return { field: box('year'), message: 'invoices.errors.paidOnYear' }
  const iso = `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`
  return isIsoDate(iso) ? iso : { field: box('day'), message: 'invoices.errors.paidOnReal' }
}

/**
 * The payment on the form, or every error on it. The date cannot be after today, nor before the
 * invoice was issued; `date` in an error's values is a 'YYYY-MM-DD' for the page to write out.
 */
export function checkPayment(form: PaymentForm, invoice: { issuedOn: IsoDate }, today: IsoDate): Result<Payment> {
  const errors: FieldError[] = []
  const amount = amountError(form.amount)
  if (amount) errors.push(amount)
  const paidOn = dateOfInput(form.day, form.month, form.year)
  if (typeof paidOn !== 'string') errors.push(paidOn)
  else if (paidOn > today) errors.push({ field: box('day'), message: 'invoices.errors.paidOnFuture' })
  else if (paidOn < invoice.issuedOn) errors.push({ field: box('day'), message: 'invoices.errors.paidOnBeforeIssue', values: { date: invoice.issuedOn } })
  const method = paymentMethods.find((m) => m === form.method.trim())
  if (!method) errors.push({ field: 'method', message: 'invoices.errors.methodRequired' })
  const reference = form.reference.trim()
  if (reference.length > maxReferenceLength)
    errors.push({ field: 'reference', message: 'invoices.errors.referenceTooLong', values: { max: maxReferenceLength } })
  if (errors.length > 0 || typeof paidOn !== 'string' || !method) return invalid(errors)
  return ok({ pence: penceOf(form.amount) as Pence, paidOn, method, reference: reference || null })
}

/** A cancellation needs its reason: it is printed on the invoice and kept with the credit note. */
export function checkCancellation(reason: string): Result<{ reason: string }> {
  const trimmed = reason.trim()
  if (trimmed === '') return invalid([{ field: 'reason', message: 'invoices.errors.reasonRequired' }])
  if (trimmed.length > maxReasonLength) return invalid([{ field: 'reason', message: 'invoices.errors.reasonTooLong', values: { max: maxReasonLength } }])
  return ok({ reason: trimmed })
}

/** Why an invoice can no longer be paid or cancelled, as a message key; null while it is issued. */
export function settledMessage(status: string): string | null {
  if (status === 'paid') return 'invoices.refused.alreadyPaid'
  if (status === 'cancelled') return 'invoices.refused.alreadyCancelled'
  return null
}
