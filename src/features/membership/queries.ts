// Reading membership data: the register's councils for the forms, applications and memberships.
import { and, asc, desc, eq, ne, notInArray } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { invoices, localAuthorities, membershipApplications, memberships, organisations, purchaseOrderRequests } from '../../db/schema/index.ts'

export interface CouncilChoice {
  code: string
  name: string
}

/** Current councils of the register, by name, for the join form's pickers. */
export async function listRegisterCouncils(db: Executor): Promise<CouncilChoice[]> {
  return db
    .select({ code: localAuthorities.code, name: localAuthorities.niceName })
    .from(localAuthorities)
    .where(eq(localAuthorities.current, true))
    .orderBy(asc(localAuthorities.niceName))
}

export async function findRegisterCouncil(db: Executor, code: string) {
  const [row] = await db.select().from(localAuthorities).where(eq(localAuthorities.code, code))
  return row ?? null
}

/** Statuses of a membership that has ended: the organisation may join again. */
export const endedStatuses = ['lapsed', 'resigned', 'refused', 'converted'] as const

/** The open membership of the organisation holding a register code, if any. */
export async function openMembershipOfCouncil(db: Executor, authorityCode: string) {
  const [row] = await db
    .select({ id: memberships.id, tier: memberships.tier, status: memberships.status, organisationName: organisations.name })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(organisations.authorityCode, authorityCode), notInArray(memberships.status, [...endedStatuses])))
  return row ?? null
}

export type ApplicationRow = typeof membershipApplications.$inferSelect

export async function findApplicationByTokenHash(db: Executor, tokenHash: string): Promise<ApplicationRow | null> {
  const [row] = await db.select().from(membershipApplications).where(eq(membershipApplications.tokenHash, tokenHash))
  return row ?? null
}

export async function findApplication(db: Executor, id: number): Promise<ApplicationRow | null> {
  const [row] = await db.select().from(membershipApplications).where(eq(membershipApplications.id, id))
  return row ?? null
}

/** Open applications first, then the decided, newest first. */
export async function listApplications(db: Executor): Promise<ApplicationRow[]> {
  const rows = await db.select().from(membershipApplications).orderBy(desc(membershipApplications.createdAt), desc(membershipApplications.id)).limit(500)
  return [...rows.filter((r) => r.status === 'received'), ...rows.filter((r) => r.status !== 'received')]
}

/** The organisation's membership that has not ended, if any. */
export async function openMembershipOfOrganisation(db: Executor, organisationId: number) {
  const [row] = await db
    .select({ id: memberships.id, tier: memberships.tier, status: memberships.status })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), notInArray(memberships.status, [...endedStatuses])))
  return row ?? null
}

/** A purchase-order request by its link's token hash, with the organisation and whether the year is invoiced. */
export async function findPoRequest(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ request: purchaseOrderRequests, organisationName: organisations.name })
    .from(purchaseOrderRequests)
    .innerJoin(memberships, eq(memberships.id, purchaseOrderRequests.membershipId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(purchaseOrderRequests.tokenHash, tokenHash))
  if (!row) return null
  const [invoice] = await db
    .select({ id: invoices.id })
    .from(invoices)
    .where(and(eq(invoices.membershipId, row.request.membershipId), eq(invoices.year, row.request.year), ne(invoices.status, 'cancelled')))
  return { ...row, invoiced: Boolean(invoice) }
}
