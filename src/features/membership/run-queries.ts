// What the daily job and the renewal run read: every membership that has not ended, with its
// organisation, contact, invoices, purchase-order answers and the reminders already sent.
import { and, eq, inArray, notInArray } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { invoices, membershipApplications, membershipReminders, memberships, organisations, people, purchaseOrderRequests } from '../../db/schema/index.ts'
import { languageOf } from '../email/messages.ts'
import type { Locale } from '../../i18n/locales.ts'
import type { StoredInvoice, StoredMembership } from './facts.ts'

export interface RunMembership extends StoredMembership {
  organisationId: number
  organisationName: string
  authorityCode: string | null
  contactName: string | null
  contactEmail: string | null
  language: Locale
  invoices: StoredInvoice[]
  poNumbers: Record<number, string | null>
  sent: Set<string>
}

/** Statuses a membership leaves only by a new membership. */
const closed = ['resigned', 'refused', 'converted'] as const

export async function membershipsForRun(db: Executor, onlyIds?: number[]): Promise<RunMembership[]> {
  const rows = await db
    .select({ m: memberships, o: organisations, p: people })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .leftJoin(people, eq(people.id, memberships.contactPersonId))
    .where(and(notInArray(memberships.status, [...closed]), onlyIds ? inArray(memberships.id, onlyIds) : undefined))
    .orderBy(memberships.id)
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.m.id)
  const [bills, requests, reminders, applications] = await Promise.all([
    db.select().from(invoices).where(inArray(invoices.membershipId, ids)),
    db.select().from(purchaseOrderRequests).where(inArray(purchaseOrderRequests.membershipId, ids)),
    db
      .select({ membershipId: membershipReminders.membershipId, key: membershipReminders.dedupeKey })
      .from(membershipReminders)
      .where(inArray(membershipReminders.membershipId, ids)),
    db
      .select({ membershipId: membershipApplications.membershipId, language: membershipApplications.language })
      .from(membershipApplications)
      .where(inArray(membershipApplications.membershipId, ids)),
  ])
  return rows.map(({ m, o, p }) => ({
    id: m.id,
    tier: m.tier,
    status: m.status,
    appliedOn: m.appliedOn,
    decidedOn: m.decidedOn,
    endedOn: m.endedOn,
    memberSince: m.memberSince,
    paidThroughYear: m.paidThroughYear,
    organisationKind: o.kind,
    organisationId: o.id,
    organisationName: o.name,
    authorityCode: o.authorityCode,
    contactName: p?.name ?? null,
    contactEmail: p?.email ?? null,
    language: languageOf(applications.find((a) => a.membershipId === m.id)?.language),
    invoices: bills
      .filter((i) => i.membershipId === m.id)
      .map((i) => ({
        id: i.id,
        number: i.number,
        year: i.year,
        kind: i.kind,
        issuedOn: i.issuedOn,
        dueOn: i.dueOn,
        paidOn: i.paidOn,
        cancelledOn: i.cancelledOn,
        totalPence: i.totalPence,
        poNumber: i.poNumber,
      })),
    poNumbers: Object.fromEntries(requests.filter((r) => r.membershipId === m.id).map((r) => [r.year, r.poNumber])),
    sent: new Set(reminders.filter((r) => r.membershipId === m.id).map((r) => r.key)),
  }))
}
