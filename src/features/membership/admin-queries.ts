// What the secretariat's pages read: the year's figures at a glance, memberships with their
// history, and invoices. Financial data: administrators only (the admin area checks it).
import { and, asc, desc, eq, isNull, ne, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import {
  invoiceLines,
  invoices,
  membershipApplications,
  membershipEvents,
  memberships,
  organisations,
  people,
  purchaseOrderRequests,
} from '../../db/schema/index.ts'

export interface YearAtAGlance {
  invoicedPence: number
  paidPence: number
  outstandingPence: number
  invoiceCount: number
  byTierAndStatus: Array<{ tier: string; status: string; count: number }>
  applicationsWaiting: number
  renewalsWithoutPo: number
}

export async function yearAtAGlance(db: Executor, year: number): Promise<YearAtAGlance> {
  const [money] = await db
    .select({
      invoiced: sql<string>`coalesce(sum(${invoices.totalPence}), 0)`,
      paid: sql<string>`coalesce(sum(${invoices.paidPence}) FILTER (WHERE ${invoices.status} = 'paid'), 0)`,
      outstanding: sql<string>`coalesce(sum(${invoices.totalPence}) FILTER (WHERE ${invoices.status} = 'issued'), 0)`,
      count: sql<string>`count(*)`,
    })
    .from(invoices)
    .where(and(eq(invoices.year, year), ne(invoices.status, 'cancelled')))
  const byTierAndStatus = await db
    .select({ tier: memberships.tier, status: memberships.status, count: sql<string>`count(*)` })
    .from(memberships)
    .groupBy(memberships.tier, memberships.status)
    .orderBy(memberships.tier, memberships.status)
  const [waiting] = await db
    .select({ n: sql<string>`count(*)` })
    .from(membershipApplications)
    .where(eq(membershipApplications.status, 'received'))
  const [noPo] = await db
    .select({ n: sql<string>`count(*)` })
    .from(purchaseOrderRequests)
    .where(and(eq(purchaseOrderRequests.year, year + 1), isNull(purchaseOrderRequests.poNumber)))
  return {
    invoicedPence: Number(money?.invoiced ?? 0),
    paidPence: Number(money?.paid ?? 0),
    outstandingPence: Number(money?.outstanding ?? 0),
    invoiceCount: Number(money?.count ?? 0),
    byTierAndStatus: byTierAndStatus.map((r) => ({ tier: r.tier, status: r.status, count: Number(r.count) })),
    applicationsWaiting: Number(waiting?.n ?? 0),
    renewalsWithoutPo: Number(noPo?.n ?? 0),
  }
}

export async function listMemberships(db: Executor) {
  return db
    .select({
      id: memberships.id,
      tier: memberships.tier,
      status: memberships.status,
      memberSince: memberships.memberSince,
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationSlug: organisations.slug,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .orderBy(asc(organisations.name), desc(memberships.id))
}

export async function findMembership(db: Executor, id: number) {
  const [row] = await db
    .select({ membership: memberships, organisation: organisations, contact: people })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .leftJoin(people, eq(people.id, memberships.contactPersonId))
    .where(eq(memberships.id, id))
  if (!row) return null
  const history = await db
    .select()
    .from(membershipEvents)
    .where(eq(membershipEvents.membershipId, id))
    .orderBy(asc(membershipEvents.createdAt), asc(membershipEvents.id))
  const bills = await db.select().from(invoices).where(eq(invoices.membershipId, id)).orderBy(desc(invoices.issuedOn), desc(invoices.id))
  return { ...row, history, invoices: bills }
}

export type InvoiceRow = typeof invoices.$inferSelect

export async function findInvoiceByNumber(db: Executor, number: string) {
  const [row] = await db
    .select({ invoice: invoices, organisationName: organisations.name, organisationId: organisations.id, tier: memberships.tier })
    .from(invoices)
    .innerJoin(memberships, eq(memberships.id, invoices.membershipId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(invoices.number, number))
  if (!row) return null
  const lines = await db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, row.invoice.id)).orderBy(asc(invoiceLines.position))
  return { ...row, lines }
}

/** The councils whose figures matter: members (and former members) from the register, and any with figures entered. */
export async function listCouncilFigures(db: Executor) {
  const result = await db.execute<{
    code: string
    name: string
    register_population: number | null
    population: number | null
    population_year: number | null
    population_source: string | null
    budget_pence: string | null
    budget_year: number | null
    budget_source: string | null
    member: boolean
  }>(sql`
    SELECT la.code, la.nice_name AS name, la.population::int AS register_population,
      f.population, f.population_year, f.population_source, f.budget_pence::text, f.budget_year, f.budget_source,
      EXISTS (SELECT 1 FROM organisations o WHERE o.authority_code = la.code AND o.tier <> 'none') AS member
    FROM local_authorities la
    LEFT JOIN council_figures f ON f.authority_code = la.code
    WHERE f.authority_code IS NOT NULL OR EXISTS (SELECT 1 FROM organisations o JOIN memberships m ON m.organisation_id = o.id WHERE o.authority_code = la.code)
    ORDER BY la.nice_name`)
  return result.rows.map((r) => ({ ...r, budget_pence: r.budget_pence === null ? null : Number(r.budget_pence) }))
}
