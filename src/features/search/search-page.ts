// The search page's content as HTML, made in TypeScript: it is rendered for every new search, and
// through Nunjucks (its template, the GOV.UK button and pagination macros) it took a good part of
// a search's time (docs/benchmarks.md, Measurements behind the code). The markup is the GOV.UK
// components' own (src/web/govuk-html.ts, checked against the macros); search.routes.test.ts
// checks the page. On a phone the results come first: the filters sit in a collapsed section
// (GOV.UK's filter pattern, a <details> that works without JavaScript; search.js opens it where
// there is room beside the results), and the chosen filters show as removable tags above them.
import { escapeHtml as e } from '../../lib/html.ts'
import { caseStudyListHtml } from '../../web/case-study-list.ts'
import { buttonHtml, paginationHtml } from '../../web/govuk-html.ts'
import type { CheckboxItem, PaginationParams } from '../../web/govuk-html.ts'
import type { ResultItem } from './present.ts'
import type { SearchParams } from './query-string.ts'

export interface SearchPageView {
  params: SearchParams
  messages: string[]
  total: number
  summary: string
  items: ResultItem[]
  facets: Array<{ name: string; idPrefix: string; legend: string; hidden: number; items: CheckboxItem[] }>
  chosen: Array<{ heading: string; items: Array<{ text: string; href: string }> }>
  sortItems: Array<{ value: string; text: string; selected: boolean }>
  suggestion: { q: string; href: string } | null
  /** The results are a closer spelling's: "Showing results for …". */
  corrected: { q: string; asTypedHref: string } | null
  /** The results have some of the words, not all (`all` have every one, and come first). */
  someWords: { all: number } | null
  removals: Array<{ text: string; href: string }>
  hasFilters: boolean
  clearFiltersHref: string
  feedHref: string
  csvHref: string
  jsonHref: string
  lastPageHref: string
  pagination: PaginationParams
}

export const searchPageHead = (v: Pick<SearchPageView, 'feedHref'>) =>
  `<link rel="alternate" type="application/atom+xml" title="Case studies in this search" href="${e(v.feedHref)}"><script src="/static/search.js" defer></script>`

/** Values of a facet shown before "Show more". */
const firstValues = 5
/** Facets open from the start (as well as those with a choice). */
const openFacets = 2

function checkboxItemsHtml(name: string, idPrefix: string, items: readonly CheckboxItem[], from: number): string {
  let html = ''
  items.forEach((item, i) => {
    const n = from + i
    const id = n === 0 ? idPrefix : `${idPrefix}-${n + 1}`
    const attributes = Object.entries(item.attributes ?? {})
      .map(([k, v]) => ` ${e(k)}="${e(v)}"`)
      .join('')
    html += `<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="${id}" name="${e(name)}" type="checkbox" value="${e(item.value)}"${item.checked ? ' checked' : ''}${attributes}>`
    html += `<label class="govuk-label govuk-checkboxes__label" for="${id}">${e(item.text)}</label></div>`
  })
  return html
}

/** One facet: a group that opens and closes, its first values, and the rest behind "Show more". */
function facetHtml(facet: SearchPageView['facets'][number], open: boolean): string {
  const chosen = facet.items.filter((item) => item.checked).length
  const hintId = `${facet.idPrefix}-hint`
  let html = `<details class="coophub-facet"${open || chosen > 0 ? ' open' : ''} data-qa="facet-${e(facet.name)}">`
  html += `<summary class="coophub-facet__summary">${e(facet.legend)}${chosen > 0 ? ` <span class="coophub-facet__chosen">(${chosen} chosen)</span>` : ''}</summary>`
  html += `<div class="govuk-form-group"><fieldset class="govuk-fieldset"${facet.hidden > 0 ? ` aria-describedby="${hintId}"` : ''}>`
  html += `<legend class="govuk-fieldset__legend govuk-visually-hidden">${e(facet.legend)}</legend>`
  if (facet.hidden > 0)
    html += `<div id="${hintId}" class="govuk-hint govuk-!-font-size-16">Showing the ${facet.items.length} with most case studies. Search for a member’s name to find others.</div>`
  const first = facet.items.slice(0, firstValues)
  const rest = facet.items.slice(firstValues)
  html += `<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">${checkboxItemsHtml(facet.name, facet.idPrefix, first, 0)}`
  if (rest.length > 0) {
    html += `<details class="coophub-more"${rest.some((item) => item.checked) ? ' open' : ''}><summary class="govuk-link coophub-more__summary" data-qa="show-more">Show ${rest.length} more<span class="govuk-visually-hidden"> ${e(facet.legend.toLowerCase())} values</span></summary>`
    html += `${checkboxItemsHtml(facet.name, facet.idPrefix, rest, firstValues)}</details>`
  }
  return `${html}</div></fieldset></div></details>`
}

function filtersHtml(v: SearchPageView): string {
  const chosen = v.chosen.reduce((n, group) => n + group.items.length, 0)
  let html = '<details class="govuk-details coophub-filters" data-qa="filter-panel">'
  html += `<summary class="govuk-details__summary" data-qa="filter-toggle"><span class="govuk-details__summary-text">Filter results${chosen > 0 ? ` (${chosen} chosen)` : ''}</span></summary>`
  html += '<div class="coophub-filters__body" data-qa="filters">'
  html +=
    '<p class="govuk-hint govuk-!-font-size-16">Ticking more than one value in a group shows case studies with any of them; choices in different groups must all hold. Numbers are case studies each choice would show.</p>'
  v.facets.forEach((facet, i) => {
    html += facetHtml(facet, i < openFacets)
  })
  html += buttonHtml({ text: 'Apply filters', classes: 'govuk-button--secondary govuk-!-margin-bottom-0', attributes: { 'data-qa': 'apply-filters' } })
  return `${html}</div></details>`
}

/** The chosen filters as tags above the results, each a link that removes it. */
function chosenHtml(v: SearchPageView): string {
  if (v.chosen.length === 0) return ''
  let html = '<div class="coophub-chosen" data-qa="chosen-filters"><h2 class="govuk-visually-hidden">Chosen filters</h2><ul class="coophub-filter-tags">'
  for (const group of v.chosen) {
    for (const item of group.items) {
      html += `<li><a class="coophub-filter-tag" href="${e(item.href)}" data-qa="remove-filter"><span class="govuk-visually-hidden">Remove filter </span>${e(group.heading)}: ${e(item.text)}<span class="coophub-filter-tag__cross" aria-hidden="true">×</span></a></li>`
    }
  }
  return `${html}</ul><p class="govuk-body-s"><a class="govuk-link" href="${e(v.clearFiltersHref)}" data-qa="clear-filters">Clear all filters</a></p></div>`
}

function noResultsHtml(v: SearchPageView): string {
  const q = v.params.q
  let html = `<p class="govuk-body" data-qa="no-results">No case studies match${q ? ` “${e(q)}”` : ''}${v.hasFilters ? ' with the filters you chose' : ''}.</p>`
  html += '<p class="govuk-body">You could:</p><ul class="govuk-list govuk-list--bullet" data-qa="no-results-advice">'
  if (v.suggestion) html += `<li>search for <a class="govuk-link" href="${e(v.suggestion.href)}">${e(v.suggestion.q)}</a> instead</li>`
  if (q) html += '<li>check your spelling, or search for fewer or more general words</li>'
  if (q.includes('"')) html += '<li>take the quotation marks away, to find the words anywhere rather than as a phrase</li>'
  for (const removal of v.removals) html += `<li><a class="govuk-link" href="${e(removal.href)}">remove the filter ${e(removal.text)}</a></li>`
  if (v.hasFilters) html += `<li><a class="govuk-link" href="${e(v.clearFiltersHref)}">remove all the filters</a></li>`
  return `${html}<li><a class="govuk-link" href="/case-studies">see all case studies</a></li></ul>`
}

function resultsHtml(v: SearchPageView): string {
  let html = chosenHtml(v)
  html += `<h2 class="govuk-heading-m" id="results-heading" data-qa="result-count" aria-live="polite">${e(v.summary)}</h2>`
  // One sort per form: the select when there is one to sort, else the sort asked for, kept for the filters.
  if (v.total <= 1 && v.params.sort) html += `<input type="hidden" name="sort" value="${e(v.params.sort)}">`
  if (v.total > 1) {
    html +=
      '<div class="govuk-form-group coophub-sort"><label class="govuk-label govuk-!-display-inline-block govuk-!-margin-right-2" for="sort">Sort by</label> <select class="govuk-select" id="sort" name="sort" data-qa="sort">'
    for (const item of v.sortItems) html += `<option value="${e(item.value)}"${item.selected ? ' selected' : ''}>${e(item.text)}</option>`
    // The space keeps the button apart from the select, as the template's line break did.
    html += `</select> ${buttonHtml({ text: 'Sort', classes: 'govuk-button--secondary govuk-!-margin-bottom-0', attributes: { 'data-qa': 'apply-sort' } })}</div>`
  }
  html += '<div id="results" class="coophub-results-start" tabindex="-1"></div>'
  if (v.items.length > 0) {
    html += caseStudyListHtml(v.items, 3)
    if (v.pagination.items.length > 1) html += paginationHtml(v.pagination)
  } else if (v.total > 0) {
    html += `<p class="govuk-body"><a class="govuk-link" href="${e(v.lastPageHref)}">Go to the last page of results</a></p>`
  } else {
    html += noResultsHtml(v)
  }
  html += '<p class="govuk-body-s coophub-follow" data-qa="follow-links">'
  html += `Follow this search: <a class="govuk-link" href="${e(v.feedHref)}" data-qa="feed-link">Atom feed</a>. `
  html += `Download it: <a class="govuk-link" href="${e(v.csvHref)}" data-qa="csv-link">CSV</a>, <a class="govuk-link" href="${e(v.jsonHref)}" data-qa="json-link">JSON</a> `
  return `${html}(<a class="govuk-link" href="/api">about the data and the API</a>).</p>`
}

/** Above the results: what was searched for instead, or with fewer words. */
function insteadHtml(v: SearchPageView): string {
  let html = ''
  if (v.corrected) {
    html += `<div data-qa="corrected"><p class="govuk-body govuk-!-font-size-24 govuk-!-margin-bottom-1">Showing results for <strong>${e(v.corrected.q)}</strong>.</p>`
    html += `<p class="govuk-body">Search instead for <a class="govuk-link" href="${e(v.corrected.asTypedHref)}" data-qa="search-as-typed">${e(v.params.q)}</a></p></div>`
  }
  if (v.someWords) {
    const q = e(v.corrected?.q ?? v.params.q)
    const all = v.someWords.all
    html += `<p class="govuk-body" data-qa="some-words">${
      all === 0
        ? `No case studies contain all of “${q}”. Showing results with some of the words.`
        : `Only ${all === 1 ? '1 case study contains' : `${all} case studies contain`} all of “${q}”: ${all === 1 ? 'it comes' : 'they come'} first, then results with some of the words.`
    }</p>`
  }
  if (v.suggestion) {
    html += `<p class="govuk-body govuk-!-font-size-24" data-qa="did-you-mean">Did you mean <a class="govuk-link" href="${e(v.suggestion.href)}" data-qa="did-you-mean-link">${e(v.suggestion.q)}</a>?</p>`
  }
  return html
}

export function searchPageContent(v: SearchPageView): string {
  let html = '<h1 class="govuk-heading-xl">Case studies</h1><form method="get" action="/case-studies" data-qa="search-form">'
  html += '<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds"><div class="govuk-form-group">'
  html += '<label class="govuk-label govuk-label--s" for="q">Search case studies</label>'
  html +=
    '<div class="govuk-hint" id="q-hint">For example, a place, a topic or a council. To find words together as a phrase, put them in quotation marks. To leave out case studies with a word, put a minus sign (-) in front of it.</div>'
  html += `<input class="govuk-input" id="q" name="q" type="search" value="${e(v.params.q)}" aria-describedby="q-hint" spellcheck="false" maxlength="1000" data-qa="search-input">`
  html += `</div>${buttonHtml({ text: 'Search', classes: 'govuk-!-margin-bottom-2', attributes: { 'data-qa': 'search-button' } })}`
  html +=
    '<p class="govuk-body-s"><a class="govuk-link govuk-visually-hidden-focusable" href="#results" data-qa="skip-to-results">Skip to results</a></p></div></div>'
  if (v.messages.length > 0) {
    html += `<div class="govuk-inset-text" role="status" data-qa="search-messages">${v.messages.map((m) => `<p class="govuk-body">${e(m)}</p>`).join('')}</div>`
  }
  html += insteadHtml(v)
  html += `<div class="govuk-grid-row"><div class="govuk-grid-column-one-third">${filtersHtml(v)}</div>`
  html += `<div class="govuk-grid-column-two-thirds">${resultsHtml(v)}</div></div>`
  return `${html}</form>`
}
