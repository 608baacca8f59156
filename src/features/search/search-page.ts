// The search page's content as HTML, made in TypeScript: it is rendered for every new search, and
// through Nunjucks (its template, the GOV.UK button and pagination macros) it took a good part of
// a search's time (docs/benchmarks.md, Measurements behind the code). The markup is the GOV.UK
// components' own (src/web/govuk-html.ts, checked against the macros); search.routes.test.ts
// checks the page. On a phone the results come first: the filters sit in a collapsed section
// (GOV.UK's filter pattern, a <details> that works without JavaScript; search.js opens it where
// there is room beside the results), and the chosen filters show as removable tags above them.
import type { Translate } from '../../i18n/catalogue.ts'
import type { Locale } from '../../i18n/locales.ts'
import { escapeHtml as e } from '../../lib/html.ts'
import { caseStudyListHtml } from '../../web/case-study-list.ts'
import { buttonHtml, paginationHtml } from '../../web/govuk-html.ts'
import { localiseLinks } from '../../web/localise-links.ts'
import type { PaginationParams } from '../../web/govuk-html.ts'
import { messageHtml } from './present.ts'
import type { ResultItem } from './present.ts'
import type { SearchParams } from './query-string.ts'

/** A facet's checkbox: its label is safe HTML (a name that is content may be marked with its language). */
interface FacetItem {
  value: string
  html: string
  checked: boolean
  attributes?: Record<string, string>
}

export interface SearchPageView {
  /** The page's words (request.t) and language: every word of the page is from the catalogue. */
  t: Translate
  locale: Locale
  /**
   * An address of this site in the page's language (urlIn): every link of the content is written
   * through it, so the page's HTML needs no second pass to move its links under /cy.
   */
  url: (address: string) => string
  params: SearchParams
  messages: string[]
  total: number
  summary: string
  items: ResultItem[]
  facets: Array<{ name: string; idPrefix: string; legend: string; hidden: number; items: FacetItem[] }>
  /** Each chosen value's name as safe HTML. */
  chosen: Array<{ heading: string; items: Array<{ html: string; href: string }> }>
  sortItems: Array<{ value: string; text: string; selected: boolean }>
  suggestion: { q: string; href: string } | null
  /** The results are a closer spelling's: "Showing results for …". */
  corrected: { q: string; asTypedHref: string } | null
  /** The results have some of the words, not all (`all` have every one, and come first). */
  someWords: { all: number } | null
  removals: Array<{ heading: string; html: string; href: string }>
  hasFilters: boolean
  clearFiltersHref: string
  feedHref: string
  csvHref: string
  /** The same search on the hex map of councils. */
  mapHref: string
  jsonHref: string
  lastPageHref: string
  pagination: PaginationParams
}

export const searchPageHead = (v: Pick<SearchPageView, 'feedHref' | 't'>) =>
  `<link rel="alternate" type="application/atom+xml" title="${e(v.t('search.page.feedTitle'))}" href="${e(v.feedHref)}"><script src="/static/search.js" defer></script>`

/** Values of a facet shown before "Show more". */
const firstValues = 5
/** Facets open from the start (as well as those with a choice). */
const openFacets = 2

function checkboxItemsHtml(name: string, idPrefix: string, items: readonly FacetItem[], from: number): string {
  let html = ''
  items.forEach((item, i) => {
    const n = from + i
    const id = n === 0 ? idPrefix : `${idPrefix}-${n + 1}`
    const attributes = Object.entries(item.attributes ?? {})
      .map(([k, v]) => ` ${e(k)}="${e(v)}"`)
      .join('')
    html += `<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="${id}" name="${e(name)}" type="checkbox" value="${e(item.value)}"${item.checked ? ' checked' : ''}${attributes}>`
    html += `<label class="govuk-label govuk-checkboxes__label" for="${id}">${item.html}</label></div>`
  })
  return html
}

/** One facet: a group that opens and closes, its first values, and the rest behind "Show more". */
function facetHtml(t: Translate, facet: SearchPageView['facets'][number], open: boolean): string {
  const chosen = facet.items.filter((item) => item.checked).length
  const hintId = `${facet.idPrefix}-hint`
  let html = `<details class="coophub-facet"${open || chosen > 0 ? ' open' : ''} data-qa="facet-${e(facet.name)}">`
  html += `<summary class="coophub-facet__summary">${e(facet.legend)}${chosen > 0 ? ` <span class="coophub-facet__chosen">${e(t('search.facet.chosen', { count: chosen }))}</span>` : ''}</summary>`
  html += `<div class="govuk-form-group"><fieldset class="govuk-fieldset"${facet.hidden > 0 ? ` aria-describedby="${hintId}"` : ''}>`
  html += `<legend class="govuk-fieldset__legend govuk-visually-hidden">${e(facet.legend)}</legend>`
  if (facet.hidden > 0)
    html += `<div id="${hintId}" class="govuk-hint govuk-!-font-size-16">${e(t('search.facet.busiest', { count: facet.items.length }))}</div>`
  const first = facet.items.slice(0, firstValues)
  const rest = facet.items.slice(firstValues)
  html += `<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">${checkboxItemsHtml(facet.name, facet.idPrefix, first, 0)}`
  if (rest.length > 0) {
    html += `<details class="coophub-more"${rest.some((item) => item.checked) ? ' open' : ''}><summary class="govuk-link coophub-more__summary" data-qa="show-more">${messageHtml(t, 'search.facet.showMore', { count: rest.length, facet: facet.legend.toLowerCase() })}</summary>`
    html += `${checkboxItemsHtml(facet.name, facet.idPrefix, rest, firstValues)}</details>`
  }
  return `${html}</div></fieldset></div></details>`
}

function filtersHtml(v: SearchPageView): string {
  const { t } = v
  const chosen = v.chosen.reduce((n, group) => n + group.items.length, 0)
  let html = '<details class="govuk-details coophub-filters" data-qa="filter-panel">'
  html += `<summary class="govuk-details__summary" data-qa="filter-toggle"><span class="govuk-details__summary-text">${e(chosen > 0 ? t('search.filters.titleChosen', { count: chosen }) : t('search.filters.title'))}</span></summary>`
  html += '<div class="coophub-filters__body" data-qa="filters">'
  html += `<p class="govuk-hint govuk-!-font-size-16">${e(t('search.filters.hint'))}</p>`
  v.facets.forEach((facet, i) => {
    html += facetHtml(t, facet, i < openFacets)
  })
  html += buttonHtml({
    text: t('search.filters.apply'),
    classes: 'govuk-button--secondary govuk-!-margin-bottom-0',
    attributes: { 'data-qa': 'apply-filters' },
  })
  return `${html}</div></details>`
}

/** The chosen filters as tags above the results, each a link that removes it. */
function chosenHtml(v: SearchPageView): string {
  if (v.chosen.length === 0) return ''
  const { t } = v
  let html = `<div class="coophub-chosen" data-qa="chosen-filters"><h2 class="govuk-visually-hidden">${e(t('search.chosen.heading'))}</h2><ul class="coophub-filter-tags">`
  for (const group of v.chosen) {
    for (const item of group.items) {
      html += `<li><a class="coophub-filter-tag" href="${e(v.url(item.href))}" data-qa="remove-filter">${messageHtml(t, 'search.chosen.remove', { facet: group.heading }, { value: item.html })}<span class="coophub-filter-tag__cross" aria-hidden="true">×</span></a></li>`
    }
  }
  return `${html}</ul><p class="govuk-body-s"><a class="govuk-link" href="${e(v.url(v.clearFiltersHref))}" data-qa="clear-filters">${e(t('search.chosen.clear'))}</a></p></div>`
}

function noResultsHtml(v: SearchPageView): string {
  const { t } = v
  const q = v.params.q
  const none = q
    ? v.hasFilters
      ? 'search.noResults.queryAndFilters'
      : 'search.noResults.query'
    : v.hasFilters
      ? 'search.noResults.filters'
      : 'search.noResults.plain'
  let html = `<p class="govuk-body" data-qa="no-results">${e(t(none, { q }))}</p>`
  html += `<p class="govuk-body">${e(t('search.noResults.youCould'))}</p><ul class="govuk-list govuk-list--bullet" data-qa="no-results-advice">`
  if (v.suggestion) html += `<li>${messageHtml(t, 'search.noResults.searchFor', { href: v.url(v.suggestion.href), q: v.suggestion.q })}</li>`
  if (q) html += `<li>${e(t('search.noResults.spelling'))}</li>`
  if (q.includes('"')) html += `<li>${e(t('search.noResults.quotes'))}</li>`
  for (const removal of v.removals)
    html += `<li>${messageHtml(t, 'search.noResults.removeFilter', { href: v.url(removal.href), facet: removal.heading }, { value: removal.html })}</li>`
  if (v.hasFilters) html += `<li><a class="govuk-link" href="${e(v.url(v.clearFiltersHref))}">${e(t('search.noResults.removeAll'))}</a></li>`
  return `${html}<li><a class="govuk-link" href="${e(v.url('/case-studies'))}">${e(t('search.noResults.seeAll'))}</a></li></ul>`
}

function resultsHtml(v: SearchPageView): string {
  const { t } = v
  let html = chosenHtml(v)
  html += `<h2 class="govuk-heading-m" id="results-heading" data-qa="result-count" aria-live="polite">${e(v.summary)}</h2>`
  if (v.total > 0) html += `<p class="govuk-body"><a class="govuk-link" href="${e(v.url(v.mapHref))}" data-qa="map-link">${e(t('search.mapLink'))}</a></p>`
  // One sort per form: the select when there is one to sort, else the sort asked for, kept for the filters.
  if (v.total <= 1 && v.params.sort) html += `<input type="hidden" name="sort" value="${e(v.params.sort)}">`
  if (v.total > 1) {
    html += `<div class="govuk-form-group coophub-sort"><label class="govuk-label govuk-!-display-inline-block govuk-!-margin-right-2" for="sort">${e(t('search.sort.label'))}</label> <select class="govuk-select" id="sort" name="sort" data-qa="sort">`
    for (const item of v.sortItems) html += `<option value="${e(item.value)}"${item.selected ? ' selected' : ''}>${e(item.text)}</option>`
    // The space keeps the button apart from the select, as the template's line break did.
    html += `</select> ${buttonHtml({ text: t('search.sort.button'), classes: 'govuk-button--secondary govuk-!-margin-bottom-0', attributes: { 'data-qa': 'apply-sort' } })}</div>`
  }
  html += '<div id="results" class="coophub-results-start" tabindex="-1"></div>'
  if (v.items.length > 0) {
    // Case studies are written in English: a Welsh page marks their text so. The list's own links are moved here.
    html += localiseLinks(caseStudyListHtml(v.items, 3, { t, contentLang: v.locale === 'en' ? undefined : 'en' }), v.locale)
    if (v.pagination.items.length > 1) {
      const { previous, next, items } = v.pagination
      html += paginationHtml({
        ...(previous ? { previous: { href: v.url(previous.href) } } : {}),
        ...(next ? { next: { href: v.url(next.href) } } : {}),
        items: items.map((item) => (item.href === undefined ? item : { ...item, href: v.url(item.href) })),
        landmarkLabel: t('govuk.pagination.label'),
        previousHtml: t('govuk.pagination.previousHtml'),
        nextHtml: t('govuk.pagination.nextHtml'),
        pageLabel: (number) => t('govuk.pagination.page', { number }),
      })
    }
  } else if (v.total > 0) {
    html += `<p class="govuk-body"><a class="govuk-link" href="${e(v.url(v.lastPageHref))}">${e(t('search.lastPage'))}</a></p>`
  } else {
    html += noResultsHtml(v)
  }
  const follow = messageHtml(t, 'search.follow', {
    feedHref: v.url(v.feedHref),
    csvHref: v.url(v.csvHref),
    jsonHref: v.url(v.jsonHref),
    apiHref: v.url('/api'),
  })
  return `${html}<p class="govuk-body-s coophub-follow" data-qa="follow-links">${follow}</p>`
}

/** Above the results: what was searched for instead, or with fewer words. */
function insteadHtml(v: SearchPageView): string {
  const { t } = v
  let html = ''
  if (v.corrected) {
    html += `<div data-qa="corrected"><p class="govuk-body govuk-!-font-size-24 govuk-!-margin-bottom-1">${messageHtml(t, 'search.corrected.showing', { q: v.corrected.q })}</p>`
    html += `<p class="govuk-body">${messageHtml(t, 'search.corrected.instead', { href: v.url(v.corrected.asTypedHref), q: v.params.q })}</p></div>`
  }
  if (v.someWords) {
    const q = v.corrected?.q ?? v.params.q
    const all = v.someWords.all
    html += `<p class="govuk-body" data-qa="some-words">${e(all === 0 ? t('search.someWords.none', { q }) : t('search.someWords.some', { all, q }))}</p>`
  }
  if (v.suggestion) {
    html += `<p class="govuk-body govuk-!-font-size-24" data-qa="did-you-mean">${messageHtml(t, 'search.didYouMean', { href: v.url(v.suggestion.href), q: v.suggestion.q })}</p>`
  }
  return html
}

export function searchPageContent(v: SearchPageView): string {
  const { t } = v
  let html = `<h1 class="govuk-heading-xl">${e(t('search.page.title'))}</h1><form method="get" action="${e(v.url('/case-studies'))}" data-qa="search-form">`
  html += '<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds"><div class="govuk-form-group">'
  html += `<label class="govuk-label govuk-label--s" for="q">${e(t('search.form.label'))}</label>`
  html += `<div class="govuk-hint" id="q-hint">${e(t('search.form.hint'))}</div>`
  html += `<input class="govuk-input" id="q" name="q" type="search" value="${e(v.params.q)}" aria-describedby="q-hint" spellcheck="false" maxlength="1000" data-qa="search-input">`
  html += `</div>${buttonHtml({ text: t('search.form.button'), classes: 'govuk-!-margin-bottom-2', attributes: { 'data-qa': 'search-button' } })}`
  html += `<p class="govuk-body-s"><a class="govuk-link govuk-visually-hidden-focusable" href="#results" data-qa="skip-to-results">${e(t('search.skipToResults'))}</a></p></div></div>`
  if (v.messages.length > 0) {
    html += `<div class="govuk-inset-text" role="status" data-qa="search-messages">${v.messages.map((m) => `<p class="govuk-body">${e(m)}</p>`).join('')}</div>`
  }
  html += insteadHtml(v)
  html += `<div class="govuk-grid-row"><div class="govuk-grid-column-one-third">${filtersHtml(v)}</div>`
  html += `<div class="govuk-grid-column-two-thirds">${resultsHtml(v)}</div></div>`
  return `${html}</form>`
}
