// The demo's open round: this year's Policy Labs and Policy Prototypes calls, open on the day the
// demo is loaded. Matched by slug, so loading again updates them instead of adding more.
import { eq } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { calls } from '../../db/schema/index.ts'
import { londonDate } from '../membership/rules/subscription-year.ts'
import { linkPrinciples, networkSpaceId } from './commands/call-rows.ts'
import type { CallSettings } from './rules/call-settings.ts'

const principleSlugs = ['co-production', 'democratic-engagement', 'social-partnership', 'learning']

/** Loads the two calls; `principleIds` by slug, from the demo principles just loaded. Returns how many. */
export async function loadDemoCalls(tx: Executor, principleIds: ReadonlyMap<string, number>, now = new Date()): Promise<number> {
  const day = (offset: number) => londonDate(new Date(now.getTime() + offset * 86_400_000))
  const year = Number(day(0).slice(0, 4))
  const timetable = { opensOn: day(-14), closesOn: day(42), assessmentOn: day(56), presentationsOn: day(70), decisionOn: day(84) }
  const labs: CallSettings = { leadTiers: ['full'], minWorkingGroup: 3, oneLedProjectAtATime: true, themes: [] }
  const prototypes: CallSettings = { leadTiers: ['full', 'associate'], minWorkingGroup: 0, oneLedProjectAtATime: true, themes: [] }
  const rounds = [
    {
      slug: `policy-labs-${year}`,
      title: `Policy Labs ${year}`,
      kind: 'policy-lab' as const,
      summary:
        'Labs bring at least four member councils together for up to two years to work on a shared problem with the people it affects, and to write up what they learn for the whole network.',
      potPence: 6_000_000,
      capPence: 2_000_000,
      settings: labs,
    },
    {
      slug: `policy-prototypes-${year}`,
      title: `Policy Prototypes ${year}`,
      kind: 'policy-prototype' as const,
      summary:
        'Prototypes fund one member to try a co-operative idea locally over twelve months, small enough to start quickly and to stop if it does not work.',
      potPence: 1_500_000,
      capPence: 200_000,
      settings: prototypes,
    },
  ]
  const spaceId = await networkSpaceId(tx)
  const ids = principleSlugs.flatMap((slug) => principleIds.get(slug) ?? [])
  for (const round of rounds) {
    const values = { ...round, ...timetable, spaceId, decisionMethod: 'assessment' as const, status: 'open' as const }
    await tx
      .insert(calls)
      .values(values)
      .onConflictDoUpdate({ target: calls.slug, set: { ...values, updatedAt: new Date() } })
    const [row] = await tx.select({ id: calls.id }).from(calls).where(eq(calls.slug, round.slug))
    await linkPrinciples(tx, row!.id, ids)
  }
  return rounds.length
}
