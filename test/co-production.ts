// Factories for calls and bids: a call of the network's work programme, open today unless told.
import type { Database } from '../src/db/client.ts'
import { bidBudgetLines, bidMilestones, bids, callPrinciples, calls } from '../src/db/schema/index.ts'
import type { CallStatus } from '../src/db/schema/enums.ts'
import { networkSpaceId } from '../src/features/co-production/commands/call-rows.ts'
import type { CallSettings } from '../src/features/co-production/rules/call-settings.ts'
import { londonDate } from '../src/features/membership/rules/subscription-year.ts'

let n = 0

const daysFromToday = (days: number) => londonDate(new Date(Date.now() + days * 86_400_000))

export interface CallOverrides {
  slug?: string
  title?: string
  status?: CallStatus
  opensOn?: string
  closesOn?: string
  potPence?: number
  capPence?: number
  settings?: Partial<CallSettings>
  principleIds?: number[]
}

export async function buildCall(db: Database, over: CallOverrides = {}) {
  n += 1
  const [row] = await db
    .insert(calls)
    .values({
      spaceId: await networkSpaceId(db),
      slug: over.slug ?? `call-${n}`,
      title: over.title ?? `Policy Labs ${n}`,
      kind: 'policy-lab',
      summary: 'Labs.',
      potPence: over.potPence ?? 6_000_000,
      capPence: over.capPence ?? 2_000_000,
      settings: { leadTiers: [], minWorkingGroup: 0, oneLedProjectAtATime: false, themes: [], ...over.settings },
      opensOn: over.opensOn ?? daysFromToday(-10),
      closesOn: over.closesOn ?? daysFromToday(30),
      decisionMethod: 'assessment',
      status: over.status ?? 'open',
    })
    .returning()
  if (over.principleIds?.length)
    await db.insert(callPrinciples).values(over.principleIds.map((principleId, position) => ({ callId: row!.id, principleId, position })))
  return row!
}

/** A bid that meets every rule of a call without principles or working group (buildCall's default). */
export async function buildBid(db: Database, over: { callId: number; leadOrganisationId: number | null; status?: 'draft' | 'submitted'; title?: string }) {
  const [bid] = await db
    .insert(bids)
    .values({
      callId: over.callId,
      leadOrganisationId: over.leadOrganisationId,
      title: over.title ?? 'Tenant-led retrofit',
      summary: 'Councils retrofit homes with tenants.',
      problem: 'Cold homes.',
      sharing: 'A toolkit.',
      status: over.status ?? 'draft',
      submittedAt: over.status === 'submitted' ? new Date() : null,
    })
    .returning()
  await db.insert(bidMilestones).values({ bidId: bid!.id, position: 0, title: 'Launch', dueOn: '2027-06-01' })
  await db.insert(bidBudgetLines).values({ bidId: bid!.id, position: 0, description: 'Facilitation', amountPence: 150_000 })
  return bid!
}
