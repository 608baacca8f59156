// Test helpers (not tests): a small invented set of principles that has the same quirks as the
// network's real ones, a small register, and loaders for the real reference data in ../shared.

import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseAuthoritiesCsv } from '../../src/features/import/parse-authorities-csv.ts'
import { parsePrinciplesJson } from '../../src/features/import/parse-principles-json.ts'
import type { PrincipleRow } from '../../src/features/import/parse-principles-json.ts'
import { buildReadingContext } from '../../src/features/import/reading-context.ts'
import type { ReadingContext } from '../../src/features/import/reading-context.ts'
import type { AuthorityInput, MemberInput, PrincipleInput } from '../../src/features/import/types.ts'

export const SHARED_DIR = path.resolve(import.meta.dirname, '../../../shared')
export const SEEDS_DIR = path.join(SHARED_DIR, 'seeds')
export const DATA_DIR = path.join(SHARED_DIR, 'data')

/** Invented principles. "New ways of meeting needs" repeats Co-design's tail, as the real list does. */
export const FIXTURE_PRINCIPLES: PrincipleInput[] = [
  {
    slug: 'co-design',
    shortName: 'Co-design',
    statement: 'We will build ways for residents to act as equal partners in planning and buying local services and in deciding how public money is spent.',
  },
  {
    slug: 'local-leadership',
    shortName: 'Local leadership',
    statement:
      'We will help councils become platforms that let communities improve local outcomes, and recast councillors as connectors and leaders in their wards.',
  },
  {
    slug: 'fresh-thinking',
    shortName: 'Fresh thinking',
    statement: 'We will try out new ideas with neighbourhoods to bring about lasting improvements.',
  },
  {
    slug: 'sharing-lessons',
    shortName: 'Sharing lessons',
    statement:
      'We will gather and \u2018spread\u2019 what single schemes teach us so that co-operative ways of working take root in every member authority and across the whole group.',
  },
  {
    slug: 'new-ways-of-meeting-needs',
    shortName: 'New ways of meeting needs',
    statement:
      'When looking for better ways to meet urgent local needs we will favour models, such as mutuals and co-operatives, that give staff and service users a stronger say. in planning and buying local services and in deciding how public money is spent.',
  },
  {
    slug: 'civic-partnership',
    shortName: 'Civic partnership',
    statement:
      'We will deepen the partnership between residents, groups, businesses and councils, founded on shared responsibility for wellbeing and common benefit.',
  },
  {
    slug: 'practising-what-we-preach',
    shortName: 'Practising what we preach',
    statement: 'As a network of members, we will put these principles into practice through:',
    subPoints: [
      { name: 'Mutual support', text: 'Members help one another apply our values and swap experience.' },
      { name: 'Open doors', text: 'Any council, organisation or person who shares our values may join and act on them.' },
      { name: 'Co-design of the network\u2019s programme', text: 'Members decide together what the network works on and which reports it writes.' },
      { name: 'Independent of party', text: 'Members believe that co-operative working across communities answers the problems of our time.' },
    ],
  },
]

export const FIXTURE_MEMBERS: MemberInput[] = [
  { slug: 'oldham-council', name: 'Oldham Council' },
  { slug: 'mutual-futures', name: 'Mutual Futures CIC' },
]

/** Real codes and names from the register, cut down to what the tests need. */
export const FIXTURE_AUTHORITIES: AuthorityInput[] = [
  { code: 'TRF', officialName: 'Trafford Metropolitan Borough Council', niceName: 'Trafford', altNames: ['Trafford', 'trafford council'], current: true },
  { code: 'BUR', officialName: 'Bury Metropolitan Borough Council', niceName: 'Bury', altNames: ['Bury', 'bury district'], current: true },
  { code: 'OLD', officialName: 'Oldham Metropolitan Borough Council', niceName: 'Oldham', altNames: ['Oldham'], current: true },
  { code: 'SKP', officialName: 'Stockport Metropolitan Borough Council', niceName: 'Stockport', altNames: ['Stockport'], current: true },
  { code: 'LBH', officialName: 'London Borough of Lambeth', niceName: 'Lambeth', altNames: ['Lambeth', 'lambeth london boro'], current: true },
  { code: 'YOR', officialName: 'City of York Council', niceName: 'York', altNames: ['York', 'York UA', 'city of york council'], current: true },
  { code: 'KHL', officialName: 'Hull City Council', niceName: 'Kingston upon Hull', altNames: ['Kingston upon Hull', 'hull city council'], current: true },
  { code: 'BNH', officialName: 'Brighton and Hove City Council', niceName: 'Brighton and Hove', altNames: ['Brighton & Hove UA'], current: true },
  { code: 'RDG', officialName: 'Reading Borough Council', niceName: 'Reading', altNames: ['Reading'], current: true },
  { code: 'SOM', officialName: 'Somerset County Council', niceName: 'Somerset', altNames: [], current: false },
  { code: 'SMT', officialName: 'Somerset Council', niceName: 'Somerset', altNames: [], current: true },
]

export function fixtureContext(principles: PrincipleInput[] = FIXTURE_PRINCIPLES): ReadingContext {
  return buildReadingContext({ principles, members: FIXTURE_MEMBERS, authorities: FIXTURE_AUTHORITIES })
}

export interface RealData {
  principles: PrincipleRow[]
  ctx: ReadingContext
}

let cached: RealData | null | undefined

/** The real principles and register from ../shared/data, or null when that folder is absent. */
export function loadRealData(): RealData | null {
  if (cached !== undefined) return cached
  const principlesFile = path.join(DATA_DIR, 'ccin-principles.json')
  const authoritiesFile = path.join(DATA_DIR, 'uk_local_authorities_current.csv')
  if (!existsSync(principlesFile) || !existsSync(authoritiesFile)) {
    cached = null
    return null
  }
  const principles = parsePrinciplesJson(readFileSync(principlesFile, 'utf8'))
  const authorities = parseAuthoritiesCsv(readFileSync(authoritiesFile, 'utf8'))
  if (!principles.ok) throw new Error(principles.errors.join('\n'))
  if (!authorities.ok) throw new Error(authorities.errors.join('\n'))
  cached = {
    principles: principles.value,
    ctx: buildReadingContext({ principles: principles.value, members: [], authorities: authorities.value }),
  }
  return cached
}

export const NO_SHARED_DATA = `skipped: ${DATA_DIR} is missing (the reference data lives in ../shared/data)`
export const NO_SEEDS = `skipped: ${SEEDS_DIR} is missing (the seed documents live in ../shared/seeds)`

export function doc(...lines: string[]): string {
  return lines.join('\n')
}
