// Lookup of organisation names against member organisations and the UK local authorities
// register. Councils write their names many ways ("Trafford Council", "Trafford Metropolitan
// Borough Council", "Trafford"), so both sides are reduced to a core place name before comparing.

import { foldPunctuation } from './normalise-text.ts'
import type { AuthorityInput, MemberInput } from './types.ts'

export interface OrgHit {
  memberSlug?: string
  code?: string
}

export interface BareName {
  words: string[]
  code: string
}

export interface OrganisationIndex {
  lookup(name: string): OrgHit | null
  /** Register names as written with capitals, by first word, for spotting "In Bury we…". */
  readonly bareNames: ReadonlyMap<string, readonly BareName[]>
  niceName(code: string): string | undefined
}

// A town or parish council is not the local authority of the same place.
const LOCAL_TIER = /\b(?:town|parish|community|neighbourhood|village)\s+council$/
const PREFIXES = [
  'london borough of ',
  'royal borough of ',
  'city and county of ',
  'city of ',
  'borough council of ',
  'borough of ',
  'county of ',
  'council of the ',
  'comhairle nan ',
  'the ',
]
const SUFFIXES = [
  ' metropolitan borough council',
  ' metropolitan district council',
  ' county borough council',
  ' city and district council',
  ' borough council',
  ' district council',
  ' county council',
  ' city council',
  ' council',
  ' mayoral combined authority',
  ' combined county authority',
  ' combined authority',
  ' corporation',
  ' london boro',
  ' mdc',
  ' ua',
  ' district',
]

export function plainName(name: string): string {
  return foldPunctuation(name)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['.]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** "City of York Council" → "york"; "Stretford Town Council" stays whole. */
export function councilCore(name: string): string {
  let s = plainName(name)
  if (LOCAL_TIER.test(s)) return s
  for (let changed = true; changed;) {
    changed = false
    for (const p of PREFIXES) {
      if (s.startsWith(p) && s.length > p.length) {
        s = s.slice(p.length)
        changed = true
      }
    }
    for (const x of SUFFIXES) {
      if (s.endsWith(x) && s.length > x.length) {
        s = s.slice(0, s.length - x.length)
        changed = true
      }
    }
  }
  return s
}

export function buildOrganisationIndex(members: readonly MemberInput[], authorities: readonly AuthorityInput[]): OrganisationIndex {
  const memberByName = new Map<string, string>()
  const memberByCore = new Map<string, string>()
  for (const m of members) {
    for (const n of [m.name, ...(m.altNames ?? [])]) {
      if (!memberByName.has(plainName(n))) memberByName.set(plainName(n), m.slug)
      const core = councilCore(n)
      if (core && !memberByCore.has(core)) memberByCore.set(core, m.slug)
    }
  }
  // Current authorities first, so a former one never wins a shared name.
  const ordered = [...authorities].sort((a, b) => Number(b.current !== false) - Number(a.current !== false))
  const authorityByCore = new Map<string, string>()
  const nice = new Map<string, string>()
  const bare = new Map<string, BareName[]>()
  for (const a of ordered) {
    nice.set(a.code, a.niceName)
    for (const n of [a.officialName, a.niceName, ...a.altNames]) {
      const core = councilCore(n)
      if (core && !authorityByCore.has(core)) authorityByCore.set(core, a.code)
    }
    if (a.current === false) continue
    for (const n of new Set([a.niceName, ...a.altNames.filter(isBareCandidate)])) {
      const words = n.trim().split(/\s+/)
      const first = words[0]
      if (!first) continue
      const list = bare.get(first) ?? []
      list.push({ words, code: a.code })
      bare.set(first, list)
    }
  }
  for (const list of bare.values()) list.sort((x, y) => y.words.length - x.words.length)

  // Candidate names repeat within and across documents; the cache is cleared rather than grown
  // without bound.
  const memo = new Map<string, OrgHit | null>()
  const lookup = (name: string): OrgHit | null => {
    const known = memo.get(name)
    if (known !== undefined) return known
    if (memo.size >= 20_000) memo.clear()
    const hit = uncachedLookup(name)
    memo.set(name, hit)
    return hit
  }
  const uncachedLookup = (name: string): OrgHit | null => {
    const plain = plainName(name)
    if (!plain) return null
    const core = councilCore(name)
    const memberSlug = memberByName.get(plain) ?? (core ? memberByCore.get(core) : undefined)
    const code = core ? authorityByCore.get(core) : undefined
    if (!memberSlug && !code) return null
    const hit: OrgHit = {}
    if (memberSlug) hit.memberSlug = memberSlug
    if (code) hit.code = code
    return hit
  }
  return { lookup, bareNames: bare, niceName: (code) => nice.get(code) }
}

/** Alt-names as printed with capitals, not the register's lower-case or abbreviated variants. */
function isBareCandidate(name: string): boolean {
  return /^\p{Lu}/u.test(name) && !/\d|\uFFFD|\b(?:UA|CA|CC|Council|Borough|District)\b/.test(name)
}
