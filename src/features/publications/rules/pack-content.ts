import type { CaseStudySnapshot } from '../../case-studies/snapshot.ts'
import type { Locale } from '../../../i18n/locales.ts'

// Which published case studies a pack holds and in what order: pure, over plain rows.

export const packKinds = ['case-studies', 'policy-labs', 'affiliate-pieces'] as const
export type PackKind = (typeof packKinds)[number]

export const packOrders = ['council', 'principle', 'region'] as const
export type PackOrder = (typeof packOrders)[number]

export const packMatters = ['principles', 'projects', 'members', 'join-us'] as const
export type PackMatter = (typeof packMatters)[number]

/** A published case study as its published revision holds it. */
export interface PackCandidate {
  caseStudyId: number
  revisionId: number
  revisionNumber: number
  slug: string
  snapshot: CaseStudySnapshot
  language: Locale
  translationGroup: number | null
  /** The lead member's region and tier today (the revision names the member, not these). */
  leadRegion: string | null
  leadTier: string | null
  publishedAt: Date | null
}

/** Inclusive years or dates; a year is 1 January to 31 December. */
export interface PackPeriod {
  from: Date
  to: Date
}

export interface PackSelection {
  period: PackPeriod
  kinds: readonly PackKind[]
  order: PackOrder
  language: Locale
  /** Principle ids in the network's order, to order sections by principle. */
  principleOrder: readonly number[]
}

export interface PackSection {
  /** The council, principle or region; null for the section of those without one. */
  heading: string | null
  entries: PackCandidate[]
}

export function yearPeriod(year: number): PackPeriod {
  return { from: new Date(Date.UTC(year, 0, 1)), to: new Date(Date.UTC(year, 11, 31, 23, 59, 59, 999)) }
}

export function kindOf(candidate: PackCandidate): PackKind {
  if (candidate.leadTier === 'affiliate') return 'affiliate-pieces'
  const kind = candidate.snapshot.kind
  return kind === 'policy-lab' || kind === 'policy-prototype' ? 'policy-labs' : 'case-studies'
}

/**
 * In the period when the years of the work overlap it; work that records no year counts by the
 * date it was published.
 */
export function inPeriod(candidate: PackCandidate, period: PackPeriod): boolean {
  const { yearStart, yearEnd } = candidate.snapshot
  if (yearStart !== null) {
    const last = yearEnd ?? yearStart
    return yearStart <= period.to.getUTCFullYear() && last >= period.from.getUTCFullYear()
  }
  const at = candidate.publishedAt
  return at !== null && at >= period.from && at <= period.to
}

/** One version of a piece of work: the one in the pack's language when it has both. */
function oneVersionEach(candidates: PackCandidate[], language: Locale): PackCandidate[] {
  const byGroup = new Map<number, PackCandidate>()
  const alone: PackCandidate[] = []
  for (const c of candidates) {
    if (c.translationGroup === null) {
      alone.push(c)
      continue
    }
    const held = byGroup.get(c.translationGroup)
    if (!held || (held.language !== language && c.language === language)) byGroup.set(c.translationGroup, c)
  }
  return [...alone, ...byGroup.values()]
}

export function selectPack(candidates: PackCandidate[], selection: PackSelection): PackSection[] {
  const chosen = oneVersionEach(
    candidates.filter((c) => inPeriod(c, selection.period) && selection.kinds.includes(kindOf(c))),
    selection.language,
  )
  const collator = new Intl.Collator(selection.language === 'cy' ? 'cy-GB' : 'en-GB', { sensitivity: 'base', numeric: true })
  const byTitle = (a: PackCandidate, b: PackCandidate) => collator.compare(a.snapshot.title, b.snapshot.title) || a.caseStudyId - b.caseStudyId
  const groups = new Map<string | null, PackCandidate[]>()
  const rank = new Map<string | null, number>()
  for (const c of chosen) {
    const { key, position } = groupOf(c, selection)
    if (!groups.has(key)) groups.set(key, [])
    groups.get(key)!.push(c)
    rank.set(key, position)
  }
  const keys = [...groups.keys()].sort((a, b) => {
    if (a === null) return 1
    if (b === null) return -1
    return rank.get(a)! - rank.get(b)! || collator.compare(a, b)
  })
  return keys.map((heading) => ({ heading, entries: groups.get(heading)!.sort(byTitle) }))
}

function groupOf(c: PackCandidate, selection: PackSelection): { key: string | null; position: number } {
  switch (selection.order) {
    case 'council':
      return { key: c.snapshot.lead?.name ?? null, position: 0 }
    case 'region':
      return { key: c.leadRegion?.trim() || null, position: 0 }
    case 'principle': {
      // Under the first principle it meets in the network's order: each case study appears once.
      const positions = c.snapshot.principles.map((p) => selection.principleOrder.indexOf(p.id)).filter((i) => i >= 0)
      if (positions.length === 0) return { key: null, position: Number.MAX_SAFE_INTEGER }
      const first = Math.min(...positions)
      const principle = c.snapshot.principles.find((p) => p.id === selection.principleOrder[first])!
      return { key: principle.name, position: first }
    }
  }
}

export function packSize(sections: PackSection[]): number {
  return sections.reduce((n, s) => n + s.entries.length, 0)
}
