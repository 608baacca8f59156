// The demo's membership records: the example fee schedule for this subscription year and the
// next, a membership for each demo member (from before coophub kept invoices, so paid through
// this year), a former member that lapsed last year, and one application waiting for a decision.
// Each part is looked up before it is added, so loading the demo again adds nothing twice.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { and, desc, eq, notInArray, or } from 'drizzle-orm'
import { feeSchedules, membershipApplications, membershipEvents, memberships } from '../../db/schema/index.ts'
import type { Transaction } from '../../db/unit-of-work.ts'
import { commandLineActor } from '../audit/record-audit.ts'
import { organisationKey } from '../membership/application-rules.ts'
import { applyToJoin } from '../membership/commands/apply-to-join.ts'
import { importFeeSchedule } from '../membership/commands/import-fee-schedule.ts'
import { quoteFee } from '../membership/fee-quote.ts'
import { endedStatuses } from '../membership/queries.ts'
import { parseFeeScheduleText } from '../membership/rules/fee-schedule.ts'
import { yearBounds, type IsoDate } from '../membership/rules/subscription-year.ts'
import { demoApplication, lapsedInDemo, recordedInDemo } from './content/memberships.ts'
import type { DemoOrganisation } from './content/organisations.ts'

export const exampleScheduleFile = path.resolve(import.meta.dirname, '../../../data/membership/example-fee-schedule.json')

export interface DemoMembershipContext {
  /** The subscription year the demo is loaded in (2026 for 2026/27). */
  year: number
  network: string
  baseUrl: string
}

/** The example schedule for `year` and the year after, for each that has no schedule yet. */
async function loadExampleSchedules(tx: Transaction, year: number): Promise<void> {
  const parsed = parseFeeScheduleText(readFileSync(exampleScheduleFile, 'utf8'))
  if (!parsed.ok) throw new Error(`The example fee schedule does not parse: ${JSON.stringify(parsed.errors)}`)
  for (const y of [year, year + 1]) {
    const [existing] = await tx.select({ id: feeSchedules.id }).from(feeSchedules).where(eq(feeSchedules.year, y)).limit(1)
    if (existing) continue
    const stored = await importFeeSchedule(tx, commandLineActor, { ...parsed.value, year: y })
    if (!stored.ok) throw new Error(`The example fee schedule for ${y} was not stored`)
  }
}

/** The organisation's open membership, or failing that its latest: what the demo updates instead of adding another. */
async function latestMembership(tx: Transaction, organisationId: number, open: boolean) {
  const [row] = await tx
    .select({ id: memberships.id, status: memberships.status })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), open ? notInArray(memberships.status, [...endedStatuses]) : undefined))
    .orderBy(desc(memberships.id))
    .limit(1)
  return row ?? null
}

async function recordMember(
  tx: Transaction,
  o: DemoOrganisation & { memberSince: string },
  organisationId: number,
  contactPersonId: number | null,
  year: number,
) {
  if (o.tier === 'none') return
  const values = { tier: o.tier, memberSince: o.memberSince, ...(contactPersonId ? { contactPersonId } : {}) }
  const existing = await latestMembership(tx, organisationId, true)
  if (existing) {
    await tx.update(memberships).set(values).where(eq(memberships.id, existing.id))
    return
  }
  const [row] = await tx
    .insert(memberships)
    .values({ ...values, organisationId, status: 'current', appliedOn: o.memberSince, decidedOn: o.memberSince, paidThroughYear: year })
    .returning({ id: memberships.id })
  await tx.insert(membershipEvents).values({
    membershipId: row!.id,
    fromStatus: null,
    toStatus: 'current',
    reason: recordedInDemo,
    actorLabel: commandLineActor.label,
    onDate: o.memberSince,
  })
}

/**
 * A member that stopped paying: last paid for the year three before this one, so by the status
 * rules it lapsed when last year began. Its history says when it joined and when it lapsed.
 */
async function recordFormerMember(tx: Transaction, o: DemoOrganisation, organisationId: number, year: number) {
  const former = o.formerMembership
  if (!former) return
  const lapsedOn: IsoDate = yearBounds(year - 1).starts
  const existing = (await latestMembership(tx, organisationId, false)) ?? null
  if (existing && existing.status === 'lapsed') {
    await tx.update(memberships).set({ tier: former.tier, memberSince: former.memberSince }).where(eq(memberships.id, existing.id))
    return
  }
  // An open one (someone approved it again in the demo) is left as it is.
  if (existing && !(endedStatuses as readonly string[]).includes(existing.status)) return
  const [row] = await tx
    .insert(memberships)
    .values({
      organisationId,
      tier: former.tier,
      status: 'lapsed',
      appliedOn: former.memberSince,
      decidedOn: former.memberSince,
      memberSince: former.memberSince,
      paidThroughYear: year - 3,
    })
    .returning({ id: memberships.id })
  await tx.insert(membershipEvents).values([
    { membershipId: row!.id, fromStatus: null, toStatus: 'current', reason: recordedInDemo, actorLabel: commandLineActor.label, onDate: former.memberSince },
    { membershipId: row!.id, fromStatus: 'current', toStatus: 'lapsed', reason: lapsedInDemo, actorLabel: commandLineActor.label, onDate: lapsedOn },
  ])
}

/** The waiting application, made the way the public form makes one (its email queued), unless the demo made it before. */
async function applyOnce(tx: Transaction, context: DemoMembershipContext): Promise<void> {
  const key = organisationKey(demoApplication)
  const [made] = await tx
    .select({ id: membershipApplications.id })
    .from(membershipApplications)
    .where(or(eq(membershipApplications.organisationKey, key), eq(membershipApplications.contactEmail, demoApplication.contact.email)))
    .limit(1)
  if (made) return
  const quote = await quoteFee(tx, { tier: demoApplication.tier, year: context.year, council: null })
  const applied = await applyToJoin(tx, demoApplication, {
    language: 'en',
    network: context.network,
    baseUrl: context.baseUrl,
    quotedPence: quote.ok ? quote.value.amount : null,
  })
  if (!applied.ok) throw new Error(`The demo application was refused: ${JSON.stringify(applied.errors)}`)
}

export async function loadDemoMemberships(
  tx: Transaction,
  organisations: Array<{ organisation: DemoOrganisation; id: number; contactPersonId: number | null }>,
  context: DemoMembershipContext,
): Promise<{ memberships: number }> {
  await loadExampleSchedules(tx, context.year)
  let count = 0
  for (const { organisation: o, id, contactPersonId } of organisations) {
    if (o.tier !== 'none' && o.memberSince) {
      await recordMember(tx, { ...o, memberSince: o.memberSince }, id, contactPersonId, context.year)
      count++
    }
    if (o.formerMembership) {
      await recordFormerMember(tx, o, id, context.year)
      count++
    }
  }
  await applyOnce(tx, context)
  return { memberships: count }
}
