// The invoices as the finance pages read them: the list (filtered by year and status), its years,
// and the unpaid ones for the aged-debt table. Financial data: administrators only (the admin area checks it).
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import type { InvoiceStatus } from '../../db/schema/enums.ts'
import { invoices, memberships, organisations } from '../../db/schema/index.ts'

export interface InvoiceFilter {
  year?: number
  status?: InvoiceStatus
}

/** Every invoice with its organisation and tier, newest first. */
export async function listInvoices(db: Executor, filter: InvoiceFilter = {}) {
  const where: SQL[] = []
  if (filter.year !== undefined) where.push(eq(invoices.year, filter.year))
  if (filter.status !== undefined) where.push(eq(invoices.status, filter.status))
  return db
    .select({ invoice: invoices, organisationName: organisations.name, tier: memberships.tier })
    .from(invoices)
    .innerJoin(memberships, eq(memberships.id, invoices.membershipId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(desc(invoices.issuedOn), desc(invoices.id))
}

export type ListedInvoice = Awaited<ReturnType<typeof listInvoices>>[number]

/** The years that have invoices, for the filter. */
export async function invoiceYears(db: Executor): Promise<number[]> {
  const rows = await db.select({ year: invoices.year }).from(invoices).groupBy(invoices.year).orderBy(desc(invoices.year))
  return rows.map((r) => r.year)
}

/** What is still owed: issued (not paid, not cancelled) invoices, for the aged-debt rules. */
export async function unpaidInvoices(db: Executor) {
  return db
    .select({ amount: invoices.totalPence, issuedOn: invoices.issuedOn })
    .from(invoices)
    .where(eq(invoices.status, 'issued'))
    .orderBy(asc(invoices.issuedOn), sql`${invoices.id}`)
}
