// Who the case study is by and about: the lead member, participants and every council mentioned,
// each matched to a member, to a register authority, or kept as a new unverified organisation.

import { countOccurrences } from './find-councils.ts'
import type { Mention } from './find-councils.ts'
import { councilCore, plainName } from './organisation-index.ts'
import type { OrganisationIndex, OrgHit } from './organisation-index.ts'
import type { OrganisationMatch, OrganisationRole, ReadingOrganisation, ReadingWarning } from './types.ts'
import { warning } from './warning.ts'

export interface OrganisationInput {
  lead: { name: string; pos: number } | null
  participants: { name: string; pos: number }[]
  contactOrganisation: { name: string; pos: number } | null
  mentions: Mention[]
  narrative: string
}

export interface OrganisationResult {
  leadMember: string | null
  organisations: ReadingOrganisation[]
  councils: string[]
  authorities: string[]
  warnings: ReadingWarning[]
}

interface Found {
  name: string
  pos: number
  hit: OrgHit | null
  role: OrganisationRole
}

const COUNCIL_LIKE = /\b(?:Council|Combined Authority|Corporation)$|^(?:London|Royal) Borough of /i

function keyOf(name: string, hit: OrgHit | null): string {
  if (hit?.memberSlug) return `m:${hit.memberSlug}`
  if (hit?.code) return `a:${hit.code}`
  let key = unverifiedKeys.get(name)
  if (key === undefined) {
    if (unverifiedKeys.size >= 10_000) unverifiedKeys.clear()
    key = `n:${councilCore(name) || plainName(name)}`
    unverifiedKeys.set(name, key)
  }
  return key
}

const unverifiedKeys = new Map<string, string>()

function toMatch(hit: OrgHit | null): OrganisationMatch {
  if (hit?.memberSlug) return hit.code ? { kind: 'member', slug: hit.memberSlug, code: hit.code } : { kind: 'member', slug: hit.memberSlug }
  if (hit?.code) return { kind: 'authority', code: hit.code }
  return { kind: 'unverified' }
}

export function resolveOrganisations(input: OrganisationInput, index: OrganisationIndex): OrganisationResult {
  const warnings: ReadingWarning[] = []
  const found: Found[] = []
  const add = (name: string, pos: number, hit: OrgHit | null, role: OrganisationRole): void => {
    found.push({ name, pos, hit, role })
  }

  let lead = input.lead
  if (!lead && input.contactOrganisation) {
    lead = input.contactOrganisation
    warnings.push(warning('leadMember', 'import.warning.leadFromContact', { name: lead.name }))
  }
  if (!lead) {
    lead = mostMentioned(input.mentions, input.narrative, index)
    if (lead) warnings.push(warning('leadMember', 'import.warning.leadMostMentioned', { name: lead.name }))
    else warnings.push(warning('leadMember', 'import.warning.noLead'))
  }
  if (lead) add(lead.name, lead.pos, index.lookup(lead.name), 'lead')
  for (const p of input.participants) add(p.name, p.pos, index.lookup(p.name), 'participant')
  if (input.contactOrganisation) add(input.contactOrganisation.name, input.contactOrganisation.pos, index.lookup(input.contactOrganisation.name), 'mentioned')
  for (const m of input.mentions) add(m.name, m.pos, m.hit, 'mentioned')

  // One organisation per entity: the strongest role wins, the first written name is kept.
  const byKey = new Map<string, Found>()
  const rank: Record<OrganisationRole, number> = { lead: 0, participant: 1, mentioned: 2 }
  for (const f of found) {
    const key = keyOf(f.name, f.hit)
    const seen = byKey.get(key)
    if (!seen) byKey.set(key, { ...f })
    else {
      if (rank[f.role] < rank[seen.role]) seen.role = f.role
      if (f.pos < seen.pos) Object.assign(seen, { pos: f.pos, name: f.name })
    }
  }
  const unique = [...byKey.values()].sort((a, b) => a.pos - b.pos)
  const organisations = [...unique]
    .sort((a, b) => rank[a.role] - rank[b.role] || a.pos - b.pos)
    .map((f) => ({ name: f.name, role: f.role, match: toMatch(f.hit) }))
  for (const o of organisations) {
    if (o.match.kind === 'unverified') {
      warnings.push(warning('organisations', 'import.warning.organisationUnmatched', { name: o.name }))
    }
  }
  const councils = unique.filter((f) => f.hit?.code || COUNCIL_LIKE.test(f.name))
  const authorities = [...new Set(councils.map((f) => f.hit?.code).filter((c): c is string => !!c))]
  return {
    leadMember: lead?.name ?? null,
    organisations,
    councils: councils.map((f) => f.name),
    authorities,
    warnings,
  }
}

/** The council the text is about: the most mentioned (its place name counts too), the first on a tie. */
function mostMentioned(mentions: readonly Mention[], narrative: string, index: OrganisationIndex): { name: string; pos: number } | null {
  const tally = new Map<string, { name: string; pos: number; count: number }>()
  // Counting is a scan of the text per candidate; a handful of candidates is all a real page has.
  const sample = narrative.length > 200_000 ? narrative.slice(0, 200_000) : narrative
  for (const m of mentions) {
    const key = keyOf(m.name, m.hit)
    if (tally.has(key)) continue
    if (tally.size >= 25) break
    const place = m.hit?.code ? index.niceName(m.hit.code) : undefined
    const count = Math.max(countOccurrences(sample, m.name), place ? countOccurrences(sample, place) : 0, 1)
    tally.set(key, { name: m.name, pos: m.pos, count })
  }
  let best: { name: string; pos: number; count: number } | null = null
  for (const t of tally.values()) if (!best || t.count > best.count) best = t
  return best ? { name: best.name, pos: best.pos } : null
}
