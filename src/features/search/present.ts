import { caseStudyKinds } from '../../db/schema/enums.ts'
import { kindLabels, yearLabel } from '../case-studies/present.ts'
import type { LinkedOrganisation, LinkedPrinciple } from '../case-studies/queries.ts'
import { highlightToHtml, startMark } from './highlight.ts'
import type { SearchParams } from './search-params.ts'
import type { SearchHit } from './search-query.ts'

export interface ResultItem {
  slug: string
  title: string
  summary: string
  kindLabel: string
  yearLabel: string
  leadName: string | null
  principles: LinkedPrinciple[]
  snippetHtml: string | null
}

export function presentHits(
  hits: SearchHit[],
  links: Map<number, { principles: LinkedPrinciple[]; lead: LinkedOrganisation | null }>,
): ResultItem[] {
  return hits.map((hit) => {
    const link = links.get(hit.id)
    return {
      slug: hit.slug,
      title: hit.title,
      summary: hit.summary,
      kindLabel: kindLabels[hit.kind],
      yearLabel: yearLabel(hit.yearStart, hit.yearEnd),
      leadName: link?.lead?.name ?? null,
      principles: link?.principles ?? [],
      // The summary is shown anyway: a snippet earns its place only where the body matched.
      snippetHtml: hit.headline?.includes(startMark) ? highlightToHtml(hit.headline.replace(/\s+/g, ' ').trim()) : null,
    }
  })
}

interface FilterOptions {
  principles: Array<{ slug: string; shortName: string }>
  members: Array<{ slug: string; name: string }>
  years: number[]
}

/** Form controls for the filters, with the current choices ticked. */
export function presentFilters(params: SearchParams, options: FilterOptions) {
  return {
    principleItems: options.principles.map((p) => ({
      value: p.slug,
      text: p.shortName,
      checked: params.principles.includes(p.slug),
    })),
    kindItems: caseStudyKinds.map((k) => ({ value: k, text: kindLabels[k], checked: params.kinds.includes(k) })),
    yearItems: [
      { value: '', text: 'Any year' },
      ...options.years.map((y) => ({ value: String(y), text: String(y), selected: params.year === y })),
    ],
    memberItems: [
      { value: '', text: 'Any member' },
      ...options.members.map((m) => ({ value: m.slug, text: m.name, selected: params.member === m.slug })),
    ],
  }
}

/** "10 case studies" / "1 case study", with the words searched for. */
export function resultSummary(total: number, q: string): string {
  const noun = total === 1 ? 'case study' : 'case studies'
  return q ? `${total.toLocaleString('en-GB')} ${noun} found for “${q}”` : `${total.toLocaleString('en-GB')} ${noun}`
}
