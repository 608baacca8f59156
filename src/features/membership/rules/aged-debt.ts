// What members owe, by how long ago it was invoiced: the finance team's aged-debt view. Age is
// counted in days from the invoice date (issue), the usual basis of an aged-debtors report, so an
// invoice issued today is 0 days old. Paid and cancelled invoices owe nothing.
import type { Pence } from './money.ts'
import { daysBetween, type IsoDate } from './subscription-year.ts'

export interface DebtInvoice {
  amount: Pence
  issuedOn: IsoDate
  paidOn?: IsoDate | null
  cancelledOn?: IsoDate | null
}

export interface DebtBucket {
  label: '0-30' | '31-60' | '61-90' | '90+'
  /** Days old, inclusive; null: no upper limit. */
  from: number
  to: number | null
  pence: Pence
  count: number
}

export interface AgedDebt {
  buckets: DebtBucket[]
  total: { pence: Pence; count: number }
}

export function agedDebt(invoices: readonly DebtInvoice[], today: IsoDate): AgedDebt {
  const buckets: DebtBucket[] = [
    { label: '0-30', from: 0, to: 30, pence: 0, count: 0 },
    { label: '31-60', from: 31, to: 60, pence: 0, count: 0 },
    { label: '61-90', from: 61, to: 90, pence: 0, count: 0 },
    { label: '90+', from: 91, to: null, pence: 0, count: 0 },
  ]
  const total = { pence: 0, count: 0 }
  for (const invoice of invoices) {
    const settled = (date: IsoDate | null | undefined) => typeof date === 'string' && date <= today
    if (invoice.amount <= 0 || invoice.issuedOn > today || settled(invoice.paidOn) || settled(invoice.cancelledOn)) continue
    const age = daysBetween(invoice.issuedOn, today)
    const bucket = buckets.find((b) => b.to === null || age <= b.to)!
    bucket.pence += invoice.amount
    bucket.count++
    total.pence += invoice.amount
    total.count++
  }
  return { buckets, total }
}
