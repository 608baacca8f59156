import type { CaseStudyKind } from '../../db/schema/enums.ts'
import { kindLabel, yearLabel } from '../case-studies/present.ts'
import { catalogueOf, translator, type MessageValues, type Translate } from '../../i18n/catalogue.ts'
import type { Locale } from '../../i18n/locales.ts'
import { escapeHtml } from '../../lib/html.ts'
import type { ListedCaseStudy } from '../../web/case-study-list.ts'
import { highlightToHtml, startMark } from './highlight.ts'
import { hasFilters, searchHref, sortOrders, withoutValue } from './query-string.ts'
import type { ListParam, SearchParams, SortOrder } from './query-string.ts'
import type { Facet, FacetValue, SearchHit, SearchOutcome } from './search-types.ts'

const english = translator('en')

/** A result as the case-study list (src/web/case-study-list.ts) shows it. */
export interface ResultItem extends ListedCaseStudy {
  principles: Array<{ slug: string; shortName: string; shortNameCy?: string | null }>
}

/** The results in the page's language (its kinds and years; titles and names are content as written). */
export function presentHits(hits: SearchHit[], t: Translate = english): ResultItem[] {
  return hits.map((hit) => ({
    slug: hit.slug,
    title: hit.title,
    summary: hit.summary,
    kindLabel: kindLabel(t, hit.kind),
    yearLabel: yearLabel(hit.yearStart, hit.yearEnd, t),
    leadName: hit.lead?.name ?? null,
    language: hit.language ?? 'en',
    principles: hit.principles,
    // The summary is shown anyway: a snippet earns its place only where the body matched.
    snippetHtml: hit.headline?.includes(startMark) ? highlightToHtml(hit.headline.replace(/\s+/g, ' ').trim()) : null,
  }))
}

/** What a page in a language needs to word its facets. */
export interface PageLanguage {
  t: Translate
  locale: Locale
}

const englishPage: PageLanguage = { t: english, locale: 'en' }

/**
 * A catalogue message holding HTML of our own (a link, a visually hidden span): `values` are
 * escaped, `html` values (already safe) are not.
 */
export function messageHtml(t: Translate, key: string, values: MessageValues = {}, html: Record<string, string> = {}): string {
  const escaped: MessageValues = { ...html }
  for (const [name, value] of Object.entries(values)) escaped[name] = typeof value === 'string' ? escapeHtml(value) : value
  return t(key, escaped)
}

/** Facets with long lists (members) show their busiest values; the chosen ones always show. */
const shownValues: Partial<Record<ListParam, number>> = { members: 15 }

/** Facets whose values the catalogue names (known nations and council types); others are shown as the content has them. */
const catalogued: Partial<Record<ListParam, string>> = { nations: 'search.nation.', councilTypes: 'search.councilType.' }

/**
 * A facet value's name as safe HTML in the page's language: kinds and tiers from the catalogue,
 * known nations and council types too, a principle's Welsh wording where there is one; names that
 * are content (members, themes, regions, principles without a Welsh wording) as written, marked
 * lang="en" on a page in another language.
 */
export function facetValueHtml(list: ListParam, v: Pick<FacetValue, 'value' | 'label' | 'labelCy'>, { t, locale }: PageLanguage): string {
  if (list === 'kinds') return escapeHtml(kindLabel(t, v.value as CaseStudyKind))
  if (list === 'tiers') return escapeHtml(t(`search.tier.${v.value}`))
  if (list === 'years') return escapeHtml(v.value)
  const prefix = catalogued[list]
  if (prefix && catalogueOf(locale)[prefix + v.value] !== undefined) return escapeHtml(t(prefix + v.value))
  if (locale === 'cy' && v.labelCy) return escapeHtml(v.labelCy)
  return locale === 'en' ? escapeHtml(v.label) : `<span lang="en">${escapeHtml(v.label)}</span>`
}

/** The facet's name: "Principle" / "Egwyddor". */
export const facetLegend = (t: Translate, list: ListParam): string => t(`search.facet.${list}`)

/** The filter form's checkboxes: each facet's values with their counts, the chosen ones ticked. */
export function presentFacets(facets: Facet[], language: PageLanguage = englishPage) {
  const { t } = language
  return facets
    .filter((f) => f.values.length > 0)
    .map((f) => {
      const limit = shownValues[f.name]
      const values = limit === undefined ? f.values : f.values.filter((v, i) => v.selected || i < limit)
      return {
        name: f.param,
        idPrefix: `facet-${f.param}`,
        legend: facetLegend(t, f.name),
        hidden: f.values.length - values.length,
        items: values.map((v) => ({
          value: v.value,
          html: messageHtml(t, 'search.facet.value', { count: v.count }, { label: facetValueHtml(f.name, v, language) }),
          checked: v.selected,
          attributes: { 'data-qa': `facet-${f.param}-${v.value}` },
        })),
      }
    })
}

/** The chosen filters, each with the address that removes it. */
export function presentChosen(params: SearchParams, facets: Facet[], language: PageLanguage = englishPage) {
  const groups: Array<{ heading: string; items: Array<{ html: string; href: string }> }> = []
  for (const f of facets) {
    const chosen = f.values.filter((v) => v.selected)
    if (chosen.length === 0) continue
    groups.push({
      heading: facetLegend(language.t, f.name),
      items: chosen.map((v) => ({
        html: facetValueHtml(f.name, v, language),
        href: searchHref(withoutValue(params, f.name, f.name === 'years' ? Number(v.value) : v.value)),
      })),
    })
  }
  return groups
}

export function presentSort(params: SearchParams, current: SortOrder, t: Translate = english) {
  return sortOrders.filter((s) => s !== 'relevance' || params.q !== '').map((s) => ({ value: s, text: t(`search.sort.${s}`), selected: s === current }))
}

/** On an empty page: each chosen filter that, taken away alone, would leave results is worth naming. */
export function removalSuggestions(outcome: SearchOutcome, language: PageLanguage = englishPage) {
  if (outcome.total > 0 || !hasFilters(outcome.params)) return []
  return presentChosen(outcome.params, outcome.facets, language).flatMap((g) => g.items.map((i) => ({ heading: g.heading, html: i.html, href: i.href })))
}

/** "10 case studies" / "1 case study", with the words searched for; Welsh by its own plural rules. */
export function resultSummary(total: number, q: string, t: Translate = english): string {
  return q ? t('search.summary.found', { count: total, q }) : t('count.caseStudies', { count: total })
}
