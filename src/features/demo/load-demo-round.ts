// Last year's round, decided, for a newcomer to see the whole loop: the labs call decided by a
// panel (two funded, one declined with feedback) and the prototypes call decided by the members'
// vote, with the projects that followed. Loaded once: a database that has last year's calls keeps
// them as they are (the round is history, and people may have reported on its projects since).
import { eq } from 'drizzle-orm'
import type { Transaction } from '../../db/unit-of-work.ts'
import { bidParticipants, bids, calls } from '../../db/schema/index.ts'
import { commandLineActor } from '../audit/record-audit.ts'
import { linkPrinciples, networkSpaceId } from '../co-production/commands/call-rows.ts'
import { keepBidVersion, replaceBidRows } from '../co-production/commands/bid-rows.ts'
import { recordDecision } from '../co-production/commands/record-decision.ts'
import type { BidDraft } from '../co-production/rules/bid-form.ts'
import type { CallSettings } from '../co-production/rules/call-settings.ts'
import { addMonths } from '../projects/rules/schedule.ts'
import { pastLabPrinciples, pastLabs, pastPrototypePrinciples, pastPrototypes, type DemoBid } from './content/past-round.ts'

export interface PastRound {
  labsCallId: number
  prototypesCallId: number
  /** Bid ids by title. */
  bidIds: Map<string, number>
  decidedOn: string
}

const settings: CallSettings = { leadTiers: ['full'], minWorkingGroup: 3, oneLedProjectAtATime: true, themes: [] }
const prototypeSettings: CallSettings = { leadTiers: ['full', 'associate'], minWorkingGroup: 0, oneLedProjectAtATime: true, themes: [] }

/** Returns null when last year's round is already there. */
export async function loadDemoPastRound(
  tx: Transaction,
  ids: { principles: ReadonlyMap<string, number>; organisations: ReadonlyMap<string, number> },
  context: { year: number; baseUrl: string; network: string },
): Promise<PastRound | null> {
  const year = context.year - 1
  const labsSlug = `policy-labs-${year}`
  const [existing] = await tx.select({ id: calls.id }).from(calls).where(eq(calls.slug, labsSlug))
  if (existing) return null
  const need = <T>(map: ReadonlyMap<string, T>, key: string): T => {
    const value = map.get(key)
    if (value === undefined) throw new Error(`The demo's past round refers to unknown "${key}"`)
    return value
  }
  const timetable = {
    opensOn: `${year}-02-02`,
    closesOn: `${year}-03-27`,
    assessmentOn: `${year}-04-14`,
    presentationsOn: `${year}-04-28`,
    decisionOn: `${year}-05-12`,
  }
  const spaceId = await networkSpaceId(tx)
  const addCall = async (
    values: {
      slug: string
      title: string
      kind: 'policy-lab' | 'policy-prototype'
      summary: string
      potPence: number
      capPence: number
      settings: CallSettings
      decisionMethod: 'assessment' | 'member-vote'
    },
    principleSlugs: string[],
  ) => {
    const [row] = await tx
      .insert(calls)
      .values({ ...values, ...timetable, spaceId, status: 'closed' })
      .returning({ id: calls.id })
    await linkPrinciples(
      tx,
      row!.id,
      principleSlugs.map((slug) => need(ids.principles, slug)),
    )
    return row!.id
  }
  const labsCallId = await addCall(
    {
      slug: labsSlug,
      title: `Policy Labs ${year}`,
      kind: 'policy-lab',
      summary: 'Last year’s labs: at least four member councils working together for up to two years on a shared problem.',
      potPence: 6_000_000,
      capPence: 2_000_000,
      settings,
      decisionMethod: 'assessment',
    },
    pastLabPrinciples,
  )
  const prototypesCallId = await addCall(
    {
      slug: `policy-prototypes-${year}`,
      title: `Policy Prototypes ${year}`,
      kind: 'policy-prototype',
      summary: 'Last year’s prototypes: one member trying a co-operative idea locally for a year, chosen by the members’ vote.',
      potPence: 500_000,
      capPence: 200_000,
      settings: prototypeSettings,
      decisionMethod: 'member-vote',
    },
    pastPrototypePrinciples,
  )

  const bidIds = new Map<string, number>()
  const submittedAt = new Date(`${year}-03-20T12:00:00Z`)
  const addBid = async (callId: number, bid: DemoBid) => {
    const [row] = await tx
      .insert(bids)
      .values({
        callId,
        leadOrganisationId: need(ids.organisations, bid.lead),
        status: 'submitted',
        title: bid.title,
        summary: bid.summary,
        problem: bid.problem,
        sharing: bid.sharing,
        submittedAt,
        createdAt: submittedAt,
        updatedAt: submittedAt,
        revision: 1,
      })
      .returning({ id: bids.id })
    const id = row!.id
    const draft: BidDraft = {
      title: bid.title,
      summary: bid.summary,
      problem: bid.problem,
      theme: null,
      sharing: bid.sharing,
      differences: Object.entries(bid.differences).map(([slug, difference]) => ({ principleId: need(ids.principles, slug), difference })),
      milestones: bid.milestones.map((m) => ({ title: m.title, dueOn: addMonths(timetable.decisionOn, m.monthsAfterStart) })),
      budgetLines: bid.budget.map((l) => ({ description: l.description, amountPence: l.pence })),
    }
    await replaceBidRows(tx, id, draft)
    const group = [
      ...bid.group.map((slug) => ({
        bidId: id,
        organisationId: need(ids.organisations, slug),
        role: 'member' as const,
        invitedAt: submittedAt,
        acceptedAt: submittedAt,
      })),
      ...(bid.partners ?? []).map((name) => ({ bidId: id, name, role: 'partner' as const, invitedAt: submittedAt, acceptedAt: submittedAt })),
    ]
    if (group.length > 0) await tx.insert(bidParticipants).values(group)
    await keepBidVersion(tx, commandLineActor, id, 1, 'submitted', draft)
    bidIds.set(bid.title, id)
    return id
  }

  const decidedAt = new Date(`${timetable.decisionOn}T10:00:00Z`)
  for (const bid of pastLabs) {
    const id = await addBid(labsCallId, bid)
    const funded = bid.decision.outcome !== 'decline'
    const result = await recordDecision(
      tx,
      commandLineActor,
      {
        bidId: id,
        outcome: bid.decision.outcome,
        awardedPence: funded ? bid.budget.reduce((sum, l) => sum + l.pence, 0) : null,
        conditions: bid.decision.conditions ?? '',
        feedback: bid.decision.feedback,
        now: decidedAt,
      },
      context,
    )
    if (!result.ok) throw new Error(`The demo's decision on "${bid.title}" was refused: ${JSON.stringify(result.errors)}`)
  }
  await tx.update(calls).set({ status: 'decided' }).where(eq(calls.id, labsCallId))
  for (const bid of pastPrototypes) await addBid(prototypesCallId, bid)
  return { labsCallId, prototypesCallId, bidIds, decidedOn: timetable.decisionOn }
}
