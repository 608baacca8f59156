// Generated case studies for the import benchmark: the layouts real pages use (principles block
// in its three layouts, metadata lines, an "About the project" heading, a contact block), the
// principles and councils taken from the reference data, and varied narrative — about 3 KB each.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { Rng } from '../../test/import/fuzz-support.ts'
import type { AuthorityInput, PrincipleInput } from '../../src/features/import/types.ts'

const ADJECTIVES = [
  'Community',
  'Neighbourhood',
  'Resident-led',
  'Co-operative',
  'Shared',
  'Local',
  'Youth',
  'Green',
  'Fair',
  'Open',
  'Citizen',
  'Mutual',
  'Inclusive',
  'Healthy',
  'Creative',
  'Safe',
  'Warm',
  'Digital',
  'Circular',
  'Participatory',
]
const NOUNS = [
  'energy scheme',
  'food network',
  'repair café',
  'housing co-op',
  'care partnership',
  'budget',
  'assembly',
  'wealth building',
  'streets project',
  'library of things',
  'transport club',
  'allotments',
  'skills exchange',
  'carers’ forum',
  'credit union drive',
  'heritage trail',
  'play streets',
  'market',
  'buying group',
  'insulation drive',
  'tenants’ panel',
  'arts festival',
  'timebank',
  'commission',
]
const VERBS = [
  'worked with',
  'brought together',
  'supported',
  'funded',
  'listened to',
  'trained',
  'hosted',
  'co-designed services with',
  'handed budgets to',
  'met weekly with',
]
const GROUPS = [
  'residents',
  'young people',
  'tenants',
  'carers',
  'local traders',
  'volunteers',
  'schools',
  'faith groups',
  'older people',
  'social enterprises',
  'the voluntary sector',
  'ward councillors',
]
const OUTCOMES = [
  'more people took part than ever before',
  'spending stayed in the local economy',
  'waiting lists fell by a third',
  'new groups formed in every ward',
  'the scheme now runs without council money',
  'staff turnover fell',
  'people said they felt listened to',
]
const FIRST = ['Amira', 'Ben', 'Chloe', 'Dev', 'Ewa', 'Femi', 'Grace', 'Hamid', 'Isla', 'Jon', 'Kiran', 'Lena', 'Mo', 'Nia', 'Owen', 'Priya']
const LAST = [
  'Adeyemi',
  'Brown',
  'Clarke',
  'Davies',
  'Evans',
  'Fraser',
  'Green',
  'Hughes',
  'Iqbal',
  'Jones',
  'Khan',
  'Lewis',
  'Murphy',
  'Nowak',
  'Patel',
  'Reid',
]
const JOBS = ['Senior Policy Officer', 'Community Development Manager', 'Co-operative Lead', 'Head of Neighbourhoods', 'Project Officer']

function sentence(rng: Rng, place: string): string {
  return `${rng.pick([place, 'The council', 'Our team', 'The partnership'])} ${rng.pick(VERBS)} ${rng.pick(GROUPS)} to make the ${rng.pick(NOUNS)} work for ${rng.pick(GROUPS)}, and ${rng.pick(OUTCOMES)}.`
}

function principlesBlock(rng: Rng, principles: readonly PrincipleInput[]): string[] {
  const met = principles.filter(() => rng.chance(0.5))
  const chosen = met.length > 0 ? met : principles.slice(0, 1)
  const layout = rng.int(3)
  const lines = ['Principles met']
  for (const p of chosen) {
    const subs = (p.subPoints ?? []).map((s) => `• ${s.name}: ${s.text}`)
    if (layout === 0) lines.push('-', p.shortName, p.statement, ...subs)
    else if (layout === 1) lines.push(p.shortName, p.statement, ...subs)
    else lines.push(`  • ${p.statement}${subs.length ? ` ${subs.join(' ')}` : ''}`)
  }
  return lines
}

const SYLLABLES = [
  'ka',
  'lo',
  'ven',
  'tor',
  'mi',
  'ra',
  'dun',
  'bel',
  'sa',
  'hol',
  'fen',
  'wick',
  'an',
  'ber',
  'cal',
  'dor',
  'el',
  'gar',
  'is',
  'lan',
  'mor',
  'nes',
  'ot',
  'pen',
  'quin',
  'ros',
  'tam',
  'ul',
  'vel',
  'wyn',
]

/** A project's own name ("Belmora", "Kaventor"): real titles are mostly names, not templates. */
function projectName(rng: Rng): string {
  const name = Array.from({ length: 2 + rng.int(2) }, () => rng.pick(SYLLABLES)).join('')
  return name[0]!.toUpperCase() + name.slice(1)
}

const TITLE_SHAPES: Array<(rng: Rng, place: string) => string> = [
  (r) => `${projectName(r)} ${r.pick(NOUNS)}`,
  (r, p) => `The ${projectName(r)} ${r.pick(NOUNS)} in ${p}`,
  (r, p) => `${p} ${r.pick(NOUNS)}: ${projectName(r)}`,
  (r) => `${projectName(r)}: ${r.pick(GROUPS)} ${r.pick(['run', 'rebuild', 'share', 'design'])} ${projectName(r).toLowerCase()}`,
  (r, p) => `${r.pick(ADJECTIVES)} ${projectName(r)} for ${p}`,
]

/** One document; `n` numbers it in the collection. */
export function generateCaseStudy(rng: Rng, n: number, principles: readonly PrincipleInput[], authorities: readonly AuthorityInput[]): string {
  const lead = rng.pick(authorities)
  const place = lead.niceName
  const others = Array.from({ length: rng.int(3) }, () => `${rng.pick(authorities).niceName} Council`)
  // Shaped like a real collection's titles; a few number a series, as real ones sometimes do.
  const title = `${rng.pick(TITLE_SHAPES)(rng, place)}${n % 9 === 0 ? `, phase ${1 + (n % 4)}` : ''}`
  const year = 2012 + rng.int(13)
  const meta = [
    `• Lead Member ${place} Council`,
    ...(others.length ? [`• Participating Members ${others.join(', ')}`] : []),
    `• Year ${rng.chance(0.3) ? `${year}-${year + 1 + rng.int(3)}` : year}`,
    `• Status ${rng.pick(['Case Study', 'Policy Labs', 'Project', 'Action Learning Set'])}`,
  ]
  const paragraphs = Array.from({ length: 6 + rng.int(6) }, () => Array.from({ length: 2 + rng.int(3) }, () => sentence(rng, place)).join(' '))
  const narrative = [paragraphs[0]!, '', 'About the project', '', ...paragraphs.slice(1).flatMap((p) => [p, ''])]
  const contact = rng.chance(0.8)
    ? ['For more information contact:', `${rng.pick(FIRST)} ${rng.pick(LAST)}`, rng.pick(JOBS), `${place} Council`]
    : ['For further information contact:']
  const block = principlesBlock(rng, principles)
  const body = rng.chance(0.6) ? [...block, '', ...narrative] : [...narrative, '', ...block]
  return [title, '', ...meta, '', ...body, '', ...contact, ''].join('\n')
}

/** Writes `count` documents into `dir` (100 to a folder, as exported collections often are). */
export function writeCaseStudies(
  dir: string,
  count: number,
  principles: readonly PrincipleInput[],
  authorities: readonly AuthorityInput[],
  seed = 4,
): { bytes: number } {
  const rng = new Rng(seed)
  let bytes = 0
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, String(Math.floor(i / 100)).padStart(3, '0'))
    if (i % 100 === 0) mkdirSync(folder, { recursive: true })
    const text = generateCaseStudy(rng, i + 1, principles, authorities)
    bytes += Buffer.byteLength(text)
    writeFileSync(path.join(folder, `case-study-${String(i + 1).padStart(5, '0')}.txt`), text)
  }
  return { bytes }
}
