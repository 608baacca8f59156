// A stored membership as the pure rules see it: its decision and dates, its invoices, and, for a
// member from before coophub kept invoices, the year it had paid through, counted as a paid year.
import type { ReminderInvoice, ReminderState } from './rules/reminders.ts'
import type { MembershipFacts } from './rules/status.ts'
import { yearBounds, type YearStart } from './rules/subscription-year.ts'

export interface StoredMembership {
  id: number
  tier: 'full' | 'associate' | 'affiliate' | 'supporter'
  status: string
  appliedOn: string
  decidedOn: string | null
  endedOn: string | null
  memberSince: string | null
  paidThroughYear: number | null
  organisationKind: string
}

export interface StoredInvoice {
  id: number
  number: string
  year: number
  kind: 'joining' | 'renewal' | 'conversion'
  issuedOn: string
  dueOn: string
  paidOn: string | null
  cancelledOn: string | null
  totalPence: number
  poNumber: string | null
}

export function membershipFacts(m: StoredMembership): MembershipFacts {
  const refused = m.status === 'refused'
  return {
    appliedOn: m.appliedOn,
    decidedOn: m.decidedOn,
    decision: m.decidedOn ? (refused ? 'refused' : 'approved') : null,
    resignedOn: m.status === 'resigned' ? m.endedOn : null,
    convertedOn: m.status === 'converted' ? m.endedOn : null,
  }
}

/** The invoices, with the opening position as a paid invoice of its year (id `opening`). */
export function invoiceFacts(m: StoredMembership, invoices: readonly StoredInvoice[], yearStart: YearStart): ReminderInvoice[] {
  const facts: ReminderInvoice[] = invoices.map((i) => ({
    id: i.id,
    year: i.year,
    kind: i.kind,
    issuedOn: i.issuedOn,
    dueOn: i.dueOn,
    paidOn: i.paidOn,
    cancelledOn: i.cancelledOn,
    amount: i.totalPence,
    poNumber: i.poNumber,
  }))
  if (m.paidThroughYear !== null) {
    const starts = yearBounds(m.paidThroughYear, yearStart).starts
    const on = m.memberSince && m.memberSince < starts ? m.memberSince : starts
    facts.push({ id: `opening-${m.id}`, year: m.paidThroughYear, kind: 'renewal', issuedOn: on, dueOn: on, paidOn: on, cancelledOn: null, amount: 0 })
  }
  return facts
}

/** Full councils are asked for a purchase-order number; other members pay without one. */
export const asksForPoNumber = (m: Pick<StoredMembership, 'tier' | 'organisationKind'>): boolean => m.tier === 'full' && m.organisationKind === 'council'

export function reminderState(
  m: StoredMembership,
  invoices: readonly StoredInvoice[],
  poNumbers: Record<number, string | null>,
  sent: ReadonlySet<string>,
  yearStart: YearStart,
): ReminderState {
  return {
    membershipId: m.id,
    tier: m.tier,
    asksForPoNumber: asksForPoNumber(m),
    membership: membershipFacts(m),
    invoices: invoiceFacts(m, invoices, yearStart),
    poNumbers,
    sent,
  }
}
