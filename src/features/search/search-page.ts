// The search page's content as HTML, made in TypeScript: it is rendered for every new search, and
// through Nunjucks (its template, the GOV.UK button and pagination macros) it was a fifth of a
// search's time at 10,000 case studies (measured). The markup is the GOV.UK components' own
// (src/web/govuk-html.ts, checked against the macros); search.routes.test.ts checks the page.
import { escapeHtml as e } from '../../lib/html.ts'
import { caseStudyListHtml } from '../../web/case-study-list.ts'
import { buttonHtml, checkboxesHtml, paginationHtml } from '../../web/govuk-html.ts'
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
  `<link rel="alternate" type="application/atom+xml" title="Case studies in this search" href="${e(v.feedHref)}">`

function filtersHtml(v: SearchPageView): string {
  let html = '<div class="coophub-filters" data-qa="filters"><h2 class="govuk-heading-m">Filter</h2>'
  if (v.chosen.length > 0) {
    html += '<div class="coophub-chosen" data-qa="chosen-filters"><h3 class="govuk-heading-s">Chosen filters</h3>'
    for (const group of v.chosen) {
      html += `<p class="govuk-body-s govuk-!-margin-bottom-1">${e(group.heading)}</p><ul class="govuk-list govuk-body-s">`
      for (const item of group.items) {
        html += `<li><a class="govuk-link" href="${e(item.href)}" data-qa="remove-filter">Remove<span class="govuk-visually-hidden"> filter ${e(group.heading)}:</span> ${e(item.text)}</a></li>`
      }
      html += '</ul>'
    }
    html += `<p class="govuk-body-s"><a class="govuk-link" href="${e(v.clearFiltersHref)}" data-qa="clear-filters">Clear all filters</a></p></div>`
  }
  html +=
    '<p class="govuk-hint govuk-!-font-size-16">Ticking more than one value in a group shows case studies with any of them; choices in different groups must all hold. Numbers are case studies each choice would show.</p>'
  for (const facet of v.facets) {
    html += checkboxesHtml({
      name: facet.name,
      idPrefix: facet.idPrefix,
      classes: 'govuk-checkboxes--small',
      fieldset: { legend: { text: facet.legend, classes: 'govuk-fieldset__legend--s' } },
      ...(facet.hidden > 0 ? { hint: { text: `Showing the ${facet.items.length} with most case studies. Search for a member’s name to find others.` } } : {}),
      items: facet.items,
    })
  }
  if (v.params.sort) html += `<input type="hidden" name="sort" value="${e(v.params.sort)}">`
  html += buttonHtml({ text: 'Apply filters', classes: 'govuk-button--secondary', attributes: { 'data-qa': 'apply-filters' } })
  return `${html}</div>`
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
  let html = `<h2 class="govuk-heading-m" id="results-heading" data-qa="result-count" aria-live="polite">${e(v.summary)}</h2>`
  if (v.total > 1) {
    html +=
      '<div class="govuk-form-group coophub-sort"><label class="govuk-label govuk-!-display-inline-block govuk-!-margin-right-2" for="sort">Sort by</label> <select class="govuk-select" id="sort" name="sort" data-qa="sort">'
    for (const item of v.sortItems) html += `<option value="${e(item.value)}"${item.selected ? ' selected' : ''}>${e(item.text)}</option>`
    // The space keeps the button apart from the select, as the template's line break did.
    html += `</select> ${buttonHtml({ text: 'Sort', classes: 'govuk-button--secondary govuk-!-margin-bottom-0', attributes: { 'data-qa': 'apply-sort' } })}</div>`
  }
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

export function searchPageContent(v: SearchPageView): string {
  let html = '<h1 class="govuk-heading-xl">Case studies</h1><form method="get" action="/case-studies" data-qa="search-form">'
  html += '<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds"><div class="govuk-form-group">'
  html += '<label class="govuk-label govuk-label--s" for="q">Search case studies</label>'
  html += '<div class="govuk-hint" id="q-hint">For example, a place, a topic or a council. Use "quotes" for a phrase, or and -word to leave a word out.</div>'
  html += `<input class="govuk-input" id="q" name="q" type="search" value="${e(v.params.q)}" aria-describedby="q-hint" spellcheck="false" maxlength="1000" data-qa="search-input">`
  html += `</div>${buttonHtml({ text: 'Search', attributes: { 'data-qa': 'search-button' } })}</div></div>`
  if (v.messages.length > 0) {
    html += `<div class="govuk-inset-text" role="status" data-qa="search-messages">${v.messages.map((m) => `<p class="govuk-body">${e(m)}</p>`).join('')}</div>`
  }
  if (v.suggestion) {
    html += `<p class="govuk-body govuk-!-font-size-24" data-qa="did-you-mean">Did you mean <a class="govuk-link" href="${e(v.suggestion.href)}" data-qa="did-you-mean-link">${e(v.suggestion.q)}</a>?</p>`
  }
  html += `<div class="govuk-grid-row"><div class="govuk-grid-column-one-third">${filtersHtml(v)}</div>`
  html += `<div class="govuk-grid-column-two-thirds">${resultsHtml(v)}</div></div>`
  return `${html}</form>`
}
