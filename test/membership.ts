// Membership fixtures: councils in the register and the example fee schedule, for route tests.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Database } from '../src/db/client.ts'
import type { OrganisationKind } from '../src/db/schema/enums.ts'
import { localAuthorities, memberships, organisations, people } from '../src/db/schema/index.ts'
import { slugify } from '../src/lib/slug.ts'
import { inTransaction } from '../src/db/unit-of-work.ts'
import { commandLineActor } from '../src/features/audit/record-audit.ts'
import { importFeeSchedule } from '../src/features/membership/commands/import-fee-schedule.ts'
import { parseFeeScheduleText } from '../src/features/membership/rules/fee-schedule.ts'

export const exampleScheduleFile = path.resolve(import.meta.dirname, '../data/membership/example-fee-schedule.json')

/** The shipped example schedule, loaded for `year` (default its own). */
export async function loadExampleSchedule(db: Database, year?: number): Promise<void> {
  const json = JSON.parse(readFileSync(exampleScheduleFile, 'utf8')) as { year: number }
  if (year !== undefined) json.year = year
  const parsed = parseFeeScheduleText(JSON.stringify(json))
  if (!parsed.ok) throw new Error(`The example schedule does not parse: ${JSON.stringify(parsed.errors)}`)
  const stored = await inTransaction(db, (tx) => importFeeSchedule(tx, commandLineActor, parsed.value))
  if (!stored.ok) throw new Error('The example schedule was not stored')
}

/** A council in the register (not yet an organisation of the network). */
export async function buildRegisterCouncil(db: Database, over: { code: string; name: string; population?: number | null }) {
  await db
    .insert(localAuthorities)
    .values({
      code: over.code,
      officialName: `${over.name} Council`,
      niceName: over.name,
      population: over.population ?? null,
      nation: 'England',
      region: 'North West',
    })
    .onConflictDoNothing()
}

/** A member organisation with its contact and a membership, current and paid through `paidThroughYear`. */
export async function buildMember(
  db: Database,
  over: {
    name: string
    tier: 'full' | 'associate' | 'affiliate' | 'supporter'
    kind?: OrganisationKind
    authorityCode?: string
    email?: string | null
    paidThroughYear?: number
  },
) {
  const [organisation] = await db
    .insert(organisations)
    .values({ slug: slugify(over.name), name: over.name, kind: over.kind ?? 'council', tier: over.tier, authorityCode: over.authorityCode ?? null })
    .returning()
  const [contact] =
    over.email === null
      ? []
      : await db
          .insert(people)
          .values({ name: `Contact of ${over.name}`, organisationId: organisation!.id, email: over.email ?? `${slugify(over.name)}@example.org` })
          .returning()
  const [membership] = await db
    .insert(memberships)
    .values({
      organisationId: organisation!.id,
      tier: over.tier,
      status: 'current',
      appliedOn: '2020-01-01',
      decidedOn: '2020-01-01',
      memberSince: '2020-01-01',
      paidThroughYear: over.paidThroughYear ?? 2026,
      contactPersonId: contact?.id ?? null,
    })
    .returning()
  return { organisation: organisation!, membership: membership!, contact: contact ?? null }
}
