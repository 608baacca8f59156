import type { ListedCaseStudy } from '../../web/case-study-list.ts'
import { kindLabels, yearLabel } from '../case-studies/present.ts'
import { highlightToHtml, startMark } from './highlight.ts'
import { hasFilters, searchHref, sortOrders, withoutValue } from './query-string.ts'
import type { ListParam, SearchParams, SortOrder } from './query-string.ts'
import type { Facet, SearchHit, SearchOutcome } from './search-types.ts'

/** A result as the case-study list (src/web/case-study-list.ts) shows it. */
export interface ResultItem extends ListedCaseStudy {
  principles: Array<{ slug: string; shortName: string }>
}

export function presentHits(hits: SearchHit[]): ResultItem[] {
  return hits.map((hit) => ({
    slug: hit.slug,
    title: hit.title,
    summary: hit.summary,
    kindLabel: kindLabels[hit.kind],
    yearLabel: yearLabel(hit.yearStart, hit.yearEnd),
    leadName: hit.lead?.name ?? null,
    principles: hit.principles,
    // The summary is shown anyway: a snippet earns its place only where the body matched.
    snippetHtml: hit.headline?.includes(startMark) ? highlightToHtml(hit.headline.replace(/\s+/g, ' ').trim()) : null,
  }))
}

/** Facets with long lists (members) show their busiest values; the chosen ones always show. */
const shownValues: Partial<Record<ListParam, number>> = { members: 15 }

export const sortLabels: Record<SortOrder, string> = {
  relevance: 'Best match',
  newest: 'Most recent first',
  oldest: 'Oldest first',
  title: 'Title (A to Z)',
}

/** The filter form's checkboxes: each facet's values with their counts, the chosen ones ticked. */
export function presentFacets(facets: Facet[]) {
  return facets
    .filter((f) => f.values.length > 0)
    .map((f) => {
      const limit = shownValues[f.name]
      const values = limit === undefined ? f.values : f.values.filter((v, i) => v.selected || i < limit)
      return {
        name: f.param,
        idPrefix: `facet-${f.param}`,
        legend: f.label,
        hidden: f.values.length - values.length,
        items: values.map((v) => ({
          value: v.value,
          text: `${v.label} (${v.count.toLocaleString('en-GB')})`,
          checked: v.selected,
          attributes: { 'data-qa': `facet-${f.param}-${v.value}` },
        })),
      }
    })
}

/** The chosen filters, each with the address that removes it. */
export function presentChosen(params: SearchParams, facets: Facet[]) {
  const groups: Array<{ heading: string; items: Array<{ text: string; href: string }> }> = []
  for (const f of facets) {
    const chosen = f.values.filter((v) => v.selected)
    if (chosen.length === 0) continue
    groups.push({
      heading: f.label,
      items: chosen.map((v) => ({ text: v.label, href: searchHref(withoutValue(params, f.name, f.name === 'years' ? Number(v.value) : v.value)) })),
    })
  }
  return groups
}

export function presentSort(params: SearchParams, current: SortOrder) {
  return sortOrders.filter((s) => s !== 'relevance' || params.q !== '').map((s) => ({ value: s, text: sortLabels[s], selected: s === current }))
}

/** On an empty page: each chosen filter that, taken away alone, would leave results is worth naming. */
export function removalSuggestions(outcome: SearchOutcome) {
  if (outcome.total > 0 || !hasFilters(outcome.params)) return []
  return presentChosen(outcome.params, outcome.facets).flatMap((g) => g.items.map((i) => ({ text: `${g.heading}: ${i.text}`, href: i.href })))
}

/** "10 case studies" / "1 case study", with the words searched for. */
export function resultSummary(total: number, q: string): string {
  const noun = total === 1 ? 'case study' : 'case studies'
  return q ? `${total.toLocaleString('en-GB')} ${noun} found for “${q}”` : `${total.toLocaleString('en-GB')} ${noun}`
}
