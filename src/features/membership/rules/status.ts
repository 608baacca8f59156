// Where a membership stands on a given day, worked out afresh from its facts (the decision, the
// resignation or conversion, and its invoices) rather than stored and nudged along, so that the
// daily job, a catch-up after an outage and a page all agree. The job records each change of
// status (transition()) with its reason.
//
// The rules, in order; the first that applies decides. "Today" is a date in Europe/London. An
// invoice counts from the day it is issued until the day it is cancelled; it is paid from the day
// it is paid (an invoice of £0 is paid on issue). Y is the subscription year today is in.
//
//  1. Resigned on or before today: resigned.
//  2. Converted (to another tier, a new membership) on or before today: converted.
//  3. No decision yet (or one dated after today): applied.
//  4. Refused: refused.
//  5. Approved, and no invoice ever paid: approved (awaiting the first invoice or its payment)
//     until the first invoice's due date; overdue for the grace period after it; then lapsed.
//  6. Approved, and the only paid invoices are for years after Y (joined ahead of the year): current.
//  7. Paid for Y: current; but renewal due from the renewal-notice date inside Y (1 July by default)
//     while next year is not paid.
//  8. Not paid for Y but paid for the year before: renewal due until the due date of Y's invoice
//     (for as long as Y's invoice is not issued, the member cannot be behind with it); overdue for
//     the grace period after the due date; then lapsed.
//  9. Last paid for a year before that: lapsed (a whole year went unpaid).
//
// Paying late restores a lapsed membership (rules 7 and 8 then apply again); that is a change of
// status recorded like any other.
import { message, type Message } from './message.ts'
import type { Pence } from './money.ts'
import { addDays, dateInYear, defaultYearStart, subscriptionYearOf, yearBounds, yearLabel, type IsoDate, type YearStart } from './subscription-year.ts'

export const membershipStatuses = ['applied', 'approved', 'current', 'renewal-due', 'overdue', 'lapsed', 'resigned', 'refused', 'converted'] as const
export type MembershipStatus = (typeof membershipStatuses)[number]

export interface MembershipFacts {
  appliedOn: IsoDate
  decidedOn?: IsoDate | null
  decision?: 'approved' | 'refused' | null
  resignedOn?: IsoDate | null
  convertedOn?: IsoDate | null
}

export const invoiceKinds = ['joining', 'renewal', 'conversion'] as const
export type InvoiceKind = (typeof invoiceKinds)[number]

export interface InvoiceFacts {
  /** The subscription year it bills. */
  year: number
  issuedOn: IsoDate
  dueOn: IsoDate
  paidOn?: IsoDate | null
  cancelledOn?: IsoDate | null
  kind: InvoiceKind
  /** When known: an invoice of 0 (free until September) is paid on issue. */
  amount?: Pence
}

export interface StatusSettings {
  /** Days after the due date before an unpaid membership lapses (90). */
  graceDays: number
  /** The day of the year renewal notices go out (1 July): the month, 1–12… */
  renewalNoticeMonth: number
  /** …and the day, 1–28. */
  renewalNoticeDay: number
  /** Days from issue to due date (30). */
  paymentTermsDays: number
  yearStart?: YearStart
}

export const defaultStatusSettings: StatusSettings = { graceDays: 90, renewalNoticeMonth: 7, renewalNoticeDay: 1, paymentTermsDays: 30 }

export interface StatusOnDay {
  status: MembershipStatus
  /** Why, as a catalogue key (membership.status.reason.*) and its values. */
  reason: Message
  /** The day this status began, as far as the facts tell: the date a transition is recorded under. */
  since: IsoDate
}

/** The catalogue key of a status's name: membership.status.renewalDue. */
export const statusKey = (status: MembershipStatus): string => `membership.status.${status.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}`

/** An invoice's due date: the payment terms after its issue. */
export const dueDateFor = (issuedOn: IsoDate, settings: Pick<StatusSettings, 'paymentTermsDays'>): IsoDate => addDays(issuedOn, settings.paymentTermsDays)

/** The day renewal notices for the year after `year` go out: inside `year` (1 July 2027 for 2026/27). */
export function renewalNoticeDate(year: number, settings: StatusSettings): IsoDate {
  return dateInYear(year, settings.renewalNoticeMonth, settings.renewalNoticeDay, settings.yearStart ?? defaultYearStart)
}

const onOrBefore = (date: IsoDate | null | undefined, today: IsoDate): date is IsoDate => typeof date === 'string' && date <= today
const later = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b)

/** Invoices standing today: issued, and not cancelled. */
export function liveInvoices<I extends InvoiceFacts>(invoices: readonly I[], today: IsoDate): I[] {
  return invoices.filter((i) => i.issuedOn <= today && !onOrBefore(i.cancelledOn, today))
}

export const isPaid = (invoice: InvoiceFacts, today: IsoDate): boolean => onOrBefore(invoice.paidOn, today) || invoice.amount === 0
const paidDate = (invoice: InvoiceFacts): IsoDate => invoice.paidOn ?? invoice.issuedOn

export function membershipStatus(
  membership: MembershipFacts,
  invoices: readonly InvoiceFacts[],
  today: IsoDate,
  settings: StatusSettings = defaultStatusSettings,
): StatusOnDay {
  const on = (status: MembershipStatus, since: IsoDate, key: string, values: Record<string, string | number> = {}): StatusOnDay => ({
    status,
    reason: message(`membership.status.reason.${key}`, values),
    since,
  })
  const start = settings.yearStart ?? defaultYearStart
  const grace = settings.graceDays

  if (onOrBefore(membership.resignedOn, today)) return on('resigned', membership.resignedOn, 'resigned', { date: membership.resignedOn })
  if (onOrBefore(membership.convertedOn, today)) return on('converted', membership.convertedOn, 'converted', { date: membership.convertedOn })
  if (!membership.decision || !onOrBefore(membership.decidedOn, today)) return on('applied', membership.appliedOn, 'applied', { date: membership.appliedOn })
  const decidedOn = membership.decidedOn
  if (membership.decision === 'refused') return on('refused', decidedOn, 'refused', { date: decidedOn })

  const live = liveInvoices(invoices, today).sort((a, b) => a.issuedOn.localeCompare(b.issuedOn))
  const paid = live.filter((i) => isPaid(i, today))
  const y = subscriptionYearOf(today, start.month, start.day)

  // An invoice falls behind: due, then overdue through the grace period, then lapsed.
  const behind = (invoice: InvoiceFacts, dueStatus: MembershipStatus, dueSince: IsoDate, dueKey: string): StatusOnDay => {
    const values = { year: yearLabel(invoice.year), dueOn: invoice.dueOn, lapsesOn: addDays(invoice.dueOn, grace + 1), graceDays: grace }
    if (today <= invoice.dueOn) return on(dueStatus, dueSince, dueKey, values)
    if (today <= addDays(invoice.dueOn, grace)) return on('overdue', addDays(invoice.dueOn, 1), 'overdue', values)
    return on('lapsed', addDays(invoice.dueOn, grace + 1), 'lapsed', values)
  }

  // Rule 5.
  if (paid.length === 0) {
    const first = live[0]
    if (!first) return on('approved', decidedOn, 'awaitingFirstInvoice', { date: decidedOn })
    return behind(first, 'approved', decidedOn, 'awaitingFirstPayment')
  }
  const paidFor = (year: number) => paid.filter((i) => i.year === year)
  const latestPayment = (list: InvoiceFacts[]) => list.map(paidDate).sort().at(-1) as IsoDate

  // Rule 6.
  if (paid.every((i) => i.year > y)) return on('current', latestPayment(paid), 'paidAhead', { year: yearLabel(Math.min(...paid.map((i) => i.year))) })

  // Rule 7.
  if (paidFor(y).length > 0) {
    const noticeOn = renewalNoticeDate(y, settings)
    const since = later(latestPayment(paidFor(y)), yearBounds(y, start).starts)
    if (today < noticeOn) return on('current', since, 'paid', { year: yearLabel(y) })
    if (paidFor(y + 1).length > 0) return on('current', later(since, latestPayment(paidFor(y + 1))), 'paid', { year: yearLabel(y + 1) })
    return on('renewal-due', noticeOn, 'renewalNoticeSent', { year: yearLabel(y + 1), date: noticeOn })
  }

  // Rule 8.
  const lastPaidYear = Math.max(...paid.map((i) => i.year).filter((year) => year < y))
  const unpaidFor = (year: number) => live.filter((i) => i.year === year && !isPaid(i, today)).at(-1)
  if (lastPaidYear === y - 1) {
    const invoice = unpaidFor(y)
    const noticeOn = renewalNoticeDate(y - 1, settings)
    if (!invoice) return on('renewal-due', noticeOn, 'renewalNotInvoiced', { year: yearLabel(y) })
    return behind(invoice, 'renewal-due', noticeOn, 'renewalInvoiced')
  }

  // Rule 9: the first unpaid year lapsed when its invoice ran out of grace, or when the year after began.
  const missed = lastPaidYear + 1
  const invoice = unpaidFor(missed)
  const lapsedOn = invoice ? addDays(invoice.dueOn, grace + 1) : yearBounds(missed + 1, start).starts
  return on('lapsed', lapsedOn < yearBounds(missed + 1, start).starts ? lapsedOn : yearBounds(missed + 1, start).starts, 'yearMissed', {
    year: yearLabel(missed),
  })
}

export interface StatusChange {
  from: MembershipStatus | null
  to: MembershipStatus
  reason: Message
  /** The day the new status began (earlier than today after a catch-up). */
  on: IsoDate
}

/** The change to record, if the status worked out today differs from the one recorded last (null: none yet). */
export function transition(previous: MembershipStatus | null, next: StatusOnDay): StatusChange | null {
  if (previous === next.status) return null
  return { from: previous, to: next.status, reason: next.reason, on: next.since }
}
