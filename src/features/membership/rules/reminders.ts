// Which reminders a membership is due on a day. The daily job asks for each membership, stores
// each reminder under its dedupeKey with a unique constraint (INSERT … ON CONFLICT DO NOTHING) and
// sends only the ones it inserted: a second run, or a second instance running at the same time,
// sends nothing twice. The function answers "what is due now", not "what became due today", so a
// job that did not run for a week catches up with one of each, never one per missed day; and the
// later reminder of a chain replaces the earlier (a member 65 days unpaid gets the 60-day reminder,
// not the 30-day one as well; a lapsed member gets the lapse notice, not the unpaid ones).
//
//  - renewal-notice: from the renewal-notice date (1 July), to a current member (or one whose
//    renewal is due) while next year has no invoice. Once per membership and year.
//  - po-number-missing: from the PO deadline (1 August), to a Full council renewing (asked for a
//    purchase-order number by the renewal notice) with none recorded for next year, unpaid. Once
//    per membership and year, and only after the renewal notice went (it is what asked).
//  - unpaid-30 / unpaid-60: 30 and 60 days after an invoice was issued, while it is unpaid and
//    the membership has not lapsed. Once per invoice each.
//  - lapse: when the membership lapses (see status.ts). Once per lapse.
import type { FeeTier } from './fee-schedule.ts'
import {
  defaultStatusSettings,
  isPaid,
  liveInvoices,
  membershipStatus,
  renewalNoticeDate,
  type InvoiceFacts,
  type MembershipFacts,
  type StatusSettings,
} from './status.ts'
import { addDays, dateInYear, daysBetween, defaultYearStart, subscriptionYearOf, type IsoDate } from './subscription-year.ts'

export const reminderKinds = ['renewal-notice', 'po-number-missing', 'unpaid-30', 'unpaid-60', 'lapse'] as const
export type ReminderKind = (typeof reminderKinds)[number]

export interface ReminderSettings extends StatusSettings {
  /** The day of the year by which Full councils give a PO number for next year (1 August): month… */
  poDeadlineMonth: number
  /** …and day, 1–28. */
  poDeadlineDay: number
}

export const defaultReminderSettings: ReminderSettings = { ...defaultStatusSettings, poDeadlineMonth: 8, poDeadlineDay: 1 }

export type Id = number | string

export interface ReminderInvoice extends InvoiceFacts {
  id: Id
  poNumber?: string | null
}

export interface ReminderState {
  membershipId: Id
  tier: FeeTier
  /** Whether the organisation is a council asked for a purchase-order number (Full councils). */
  asksForPoNumber: boolean
  membership: MembershipFacts
  invoices: readonly ReminderInvoice[]
  /** PO numbers given before the invoice exists (through the renewal notice's link), by subscription year. */
  poNumbers?: Readonly<Record<number, string | null | undefined>>
  /** The dedupe keys already stored for this membership: these are not returned again. */
  sent?: ReadonlySet<string>
}

export interface Reminder {
  kind: ReminderKind
  /** Unique for ever: `unpaid-30:invoice:123`, `renewal-notice:membership:7:2027`, `lapse:membership:7:2027-12-31`. */
  dedupeKey: string
  membershipId: Id
  invoiceId: Id | null
  /** The subscription year it is about. */
  year: number
  /** The day it became due (earlier than today after a catch-up). */
  dueSince: IsoDate
}

export function dueReminders(state: ReminderState, today: IsoDate, settings: ReminderSettings = defaultReminderSettings): Reminder[] {
  const status = membershipStatus(state.membership, state.invoices, today, settings)
  const start = settings.yearStart ?? defaultYearStart
  const id = state.membershipId
  const sent = state.sent ?? new Set<string>()
  const due: Reminder[] = []
  const add = (kind: ReminderKind, key: string, year: number, dueSince: IsoDate, invoiceId: Id | null = null) =>
    due.push({ kind, dedupeKey: `${kind}:${key}`, membershipId: id, invoiceId, year, dueSince })

  if (status.status === 'lapsed') {
    add('lapse', `membership:${id}:${status.since}`, subscriptionYearOf(status.since, start.month, start.day), status.since)
    return due.filter((r) => !sent.has(r.dedupeKey))
  }
  if (!['approved', 'current', 'renewal-due', 'overdue'].includes(status.status)) return []

  const live = liveInvoices(state.invoices, today)
  const y = subscriptionYearOf(today, start.month, start.day)
  const renewing = status.status === 'current' || status.status === 'renewal-due' || status.status === 'overdue'
  const paidFrom = (year: number) => live.some((i) => i.year >= year && isPaid(i, today))
  const paidBefore = (year: number) => live.some((i) => i.year < year && isPaid(i, today))

  // The year being renewed: next year once its notice date has come, else this one (a renewal run that is late).
  const target = today >= renewalNoticeDate(y, settings) ? y + 1 : y
  const invoiced = (year: number) => live.some((i) => i.year === year)
  const inGoodStanding = status.status === 'current' || status.status === 'renewal-due'
  if (inGoodStanding && paidBefore(target) && !invoiced(target) && !paidFrom(target)) {
    add('renewal-notice', `membership:${id}:${target}`, target, renewalNoticeDate(target - 1, settings))
  }

  if (state.asksForPoNumber && renewing) {
    for (const year of [y, y + 1]) {
      const deadline = dateInYear(year - 1, settings.poDeadlineMonth, settings.poDeadlineDay, start)
      const hasPo = !!state.poNumbers?.[year]?.trim() || live.some((i) => i.year === year && !!i.poNumber?.trim())
      const asked = sent.has(`renewal-notice:membership:${id}:${year}`)
      if (today >= deadline && asked && !hasPo && !paidFrom(year)) add('po-number-missing', `membership:${id}:${year}`, year, deadline)
    }
  }

  for (const invoice of live) {
    if (isPaid(invoice, today)) continue
    const age = daysBetween(invoice.issuedOn, today)
    if (age >= 60) add('unpaid-60', `invoice:${invoice.id}`, invoice.year, addDays(invoice.issuedOn, 60), invoice.id)
    else if (age >= 30) add('unpaid-30', `invoice:${invoice.id}`, invoice.year, addDays(invoice.issuedOn, 30), invoice.id)
  }
  return due.filter((r) => !sent.has(r.dedupeKey))
}
