import { caseStudyKinds, type CaseStudyKind } from '../../../db/schema/enums.ts'
import { slugify } from '../../../lib/slug.ts'
import { streams, syntheticOrganisations, type SyntheticOrganisation } from './organisations.ts'
import { hashString, Random, WeightedTable } from './prng.ts'
import { themeCatalogue } from './themes.ts'
import { writeCaseStudyText } from './write-text.ts'

// Pure: no clock, no I/O, no Math.random. Case study i is drawn from (seed, i) alone, so the first
// k case studies are the same whatever the count, and loading can generate one batch at a time.

export interface SyntheticPrinciple {
  id: number
  name: string
}

export interface SyntheticTheme {
  slug: string
  name: string
}

export interface SyntheticCaseStudy {
  slug: string
  title: string
  summary: string
  body: string
  outcomes: string
  kind: CaseStudyKind
  status: 'published' | 'draft'
  yearStart: number
  yearEnd: number | null
  /** ISO timestamps. */
  createdAt: string
  publishedAt: string | null
  /** Indexes into the organisations. */
  lead: number
  participants: number[]
  partners: number[]
  funders: number[]
  /** Indexes into the principles given, in their order. */
  principles: number[]
  /** Indexes into the themes, in name order (as a revision lists them). */
  themes: number[]
}

export interface SyntheticOptions {
  count: number
  seed: number
  /** The database's principles, in their order. */
  principles: readonly SyntheticPrinciple[]
  councils?: number
  partners?: number
}

export interface SyntheticData {
  organisations: SyntheticOrganisation[]
  themes: SyntheticTheme[]
  caseStudies: SyntheticCaseStudy[]
}

export type { SyntheticOrganisation }

export const defaultCouncils = 300
export const defaultPartners = 60
export const firstYear = 2012
export const lastYear = 2026
/** Nothing is published after this: a fixed date, so the output does not depend on the clock. */
const latestPublication = Date.UTC(2026, 9, 31)
const day = 86_400_000

const kindWeights: Record<CaseStudyKind, number> = { 'case-study': 70, project: 12, 'policy-lab': 7, 'policy-prototype': 6, 'action-learning-set': 5 }
const principleCountWeights = [0, 12, 24, 28, 20, 10, 6] // index = how many (1 to 6)
const themeCountWeights = [0, 50, 35, 15] // 1 to 3
const participantCountWeights = [45, 20, 15, 12, 8] // 0 to 4
const yearWeights = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => 1.15 ** i) // recent years more

/** Everything case studies are drawn against: organisations, themes and who is likely to lead. */
export interface SyntheticWorld {
  seed: number
  organisations: SyntheticOrganisation[]
  themes: SyntheticTheme[]
  principles: readonly SyntheticPrinciple[]
  leads: { table: WeightedTable; indexes: number[] }
  membersByNation: Map<string, { table: WeightedTable; indexes: number[] }>
  partnerIndexes: number[]
  principleWeights: number[]
}

const themesByName = [...themeCatalogue].sort((a, b) => (a.name < b.name ? -1 : 1))

export function syntheticWorld(
  seed: number,
  principles: readonly SyntheticPrinciple[],
  councils = defaultCouncils,
  partners = defaultPartners,
): SyntheticWorld {
  if (principles.length === 0) throw new Error('Synthetic case studies need at least one principle')
  const organisations = syntheticOrganisations(seed, councils, partners)
  const members = organisations.map((o, index) => ({ o, index })).filter(({ o }) => o.tier !== 'none')
  // Some councils write far more case studies than others: a Zipf-like activity over a seeded order.
  const order = Random.for(seed, streams.activity).sample(members, members.length)
  const activity = new Map(order.map(({ index }, rank) => [index, 1 / Math.sqrt(rank + 1)]))
  const tierWeight = { full: 3, associate: 2, affiliate: 1 } as Record<string, number>
  const weightOf = (index: number) => activity.get(index)! * (tierWeight[organisations[index]!.tier] ?? 1)
  const tableOf = (indexes: number[]) => ({ table: new WeightedTable(indexes.map(weightOf)), indexes })
  const membersByNation = new Map<string, { table: WeightedTable; indexes: number[] }>()
  for (const nation of new Set(members.map(({ o }) => o.nation))) {
    membersByNation.set(nation, tableOf(members.filter(({ o }) => o.nation === nation).map(({ index }) => index)))
  }
  // The same principles are popular whatever their ids: the ranking comes from their names.
  const ranked = principles.map((p, i) => ({ i, h: hashString(p.name) })).sort((a, b) => a.h - b.h)
  const principleWeights = new Array<number>(principles.length).fill(0)
  ranked.forEach(({ i }, rank) => (principleWeights[i] = 1 / (rank + 1) ** 0.8))
  return {
    seed,
    organisations,
    themes: themesByName.map((t) => ({ slug: slugify(t.name), name: t.name })),
    principles,
    leads: tableOf(members.map(({ index }) => index)),
    membersByNation,
    partnerIndexes: organisations
      .map((o, index) => ({ o, index }))
      .filter(({ o }) => o.tier === 'none')
      .map(({ index }) => index),
    principleWeights,
  }
}

/** k different indexes, each drawn in proportion to its weight. */
function weightedDistinct(random: Random, weights: readonly number[], k: number): number[] {
  const remaining = [...weights]
  const out: number[] = []
  while (out.length < k && remaining.some((w) => w > 0)) {
    const i = random.weighted(remaining)
    out.push(i)
    remaining[i] = 0
  }
  return out
}

function drawMembers(random: Random, world: SyntheticWorld, lead: number, count: number): number[] {
  const out: number[] = []
  const nearby = world.membersByNation.get(world.organisations[lead]!.nation)
  for (let tries = 0; out.length < count && tries < count * 10; tries++) {
    // Most partners in a project are councils of the same nation.
    const pool = nearby && nearby.indexes.length > 1 && random.chance(0.65) ? nearby : world.leads
    const index = pool.indexes[pool.table.draw(random)]!
    if (index !== lead && !out.includes(index)) out.push(index)
  }
  return out
}

const isoDate = (ms: number) => new Date(ms).toISOString()

/** The case study numbered `index` (from 0) of this seed. */
export function syntheticCaseStudy(world: SyntheticWorld, index: number): SyntheticCaseStudy {
  const random = Random.for(world.seed, streams.caseStudies, index)
  const { organisations } = world
  const status = random.chance(0.02) ? 'draft' : 'published'
  const kind = caseStudyKinds[random.weighted(caseStudyKinds.map((k) => kindWeights[k]))]!
  const themeIndexes = weightedDistinct(
    random,
    themesByName.map((t) => t.weight),
    random.weighted(themeCountWeights),
  )
  const lead = world.leads.indexes[world.leads.table.draw(random)]!
  const participants = drawMembers(random, world, lead, random.weighted(participantCountWeights))
  const partnerCount = random.chance(0.35) ? (random.chance(0.3) ? 2 : 1) : 0
  const partners = random.sample(world.partnerIndexes, partnerCount)
  const funders = random.chance(0.12)
    ? random.sample(
        world.partnerIndexes.filter((i) => !partners.includes(i)),
        1,
      )
    : []
  const principleCount = Math.min(world.principles.length, random.weighted(principleCountWeights))
  const principles = weightedDistinct(random, world.principleWeights, principleCount).sort((a, b) => a - b)

  const yearStart = firstYear + random.weighted(yearWeights)
  const yearEnd = yearStart < lastYear && random.chance(0.45) ? Math.min(lastYear, yearStart + random.int(0, 3)) : null
  const earliest = Date.UTC(yearStart, 0, 1) + 60 * day
  const latest = Math.min(earliest + 900 * day, latestPublication)
  const published = earliest + Math.floor(random.next() * (latest - earliest))
  const created = published - random.int(2, 60) * day - random.int(0, 86_399) * 1000

  const text = writeCaseStudyText(random, {
    council: organisations[lead]!.name,
    place: organisations[lead]!.place,
    theme: themesByName[themeIndexes[0]!]!,
    otherThemes: themeIndexes.slice(1).map((i) => themesByName[i]!),
    partner: partners.length > 0 ? organisations[partners[0]!]!.name : null,
    funder: funders.length > 0 ? organisations[funders[0]!]!.name : null,
    participant: participants.length > 0 ? organisations[participants[0]!]!.name : null,
    principle: principles.length > 0 ? world.principles[random.pick(principles)]!.name : null,
    yearStart,
  })
  const titleSlug = slugify(text.title).slice(0, 60).replace(/-+$/, '')
  return {
    slug: `s${world.seed}-${index + 1}-${titleSlug}`,
    ...text,
    kind,
    status,
    yearStart,
    yearEnd,
    createdAt: isoDate(created),
    publishedAt: status === 'published' ? isoDate(published) : null,
    lead,
    participants,
    partners,
    funders,
    principles,
    themes: [...themeIndexes].sort((a, b) => a - b),
  }
}

/** `count` case studies for `seed`, with the organisations and themes they refer to. */
export function generateSynthetic(options: SyntheticOptions): SyntheticData {
  const world = syntheticWorld(options.seed, options.principles, options.councils, options.partners)
  const caseStudies: SyntheticCaseStudy[] = []
  for (let i = 0; i < options.count; i++) caseStudies.push(syntheticCaseStudy(world, i))
  return { organisations: world.organisations, themes: world.themes, caseStudies }
}
