// The list of case studies on the search, home and principle pages, as a function: rendering it
// through the Nunjucks partial cost a third of the search page's rendering (ten results, each
// with a dozen lookups and its principle tags). Markup as the partial had it.
import { escapeHtml } from '../lib/html.ts'
import { tagHtml } from './govuk-html.ts'

export interface ListedCaseStudy {
  slug: string
  title: string
  summary: string
  kindLabel: string
  yearLabel: string
  leadName: string | null
  principles: ReadonlyArray<{ shortName: string }>
  /** Already safe HTML (highlight.ts escapes it). */
  snippetHtml: string | null
}

const between = '<span aria-hidden="true"> · </span><span class="govuk-visually-hidden">, </span>'

export function caseStudyListHtml(items: readonly ListedCaseStudy[], headingLevel: number): string {
  const h = `h${Math.min(6, Math.max(1, Math.trunc(headingLevel) || 2))}`
  let html = '<ul class="govuk-list coophub-results" data-qa="case-study-list">'
  for (const item of items) {
    html += '<li class="coophub-result" data-qa="case-study-result">'
    html += `<${h} class="govuk-heading-m coophub-result__title"><a class="govuk-link" href="/case-studies/${escapeHtml(item.slug)}">${escapeHtml(item.title)}</a></${h}>`
    html += `<p class="govuk-body-s coophub-result__meta">${item.leadName ? escapeHtml(item.leadName) : 'No lead member recorded'}`
    if (item.yearLabel) html += `${between}${escapeHtml(item.yearLabel)}`
    html += `${between}${escapeHtml(item.kindLabel)}</p>`
    if (item.summary) html += `<p class="govuk-body">${escapeHtml(item.summary)}</p>`
    if (item.snippetHtml) {
      html += `<p class="govuk-body-s coophub-result__snippet" data-qa="snippet"><span class="govuk-visually-hidden">Where your words appear: </span>${item.snippetHtml}</p>`
    }
    if (item.principles.length > 0) {
      html += '<ul class="coophub-tags" aria-label="Principles met">'
      for (const p of item.principles) html += `<li>${tagHtml({ text: p.shortName, classes: 'govuk-tag--grey' })}</li>`
      html += '</ul>'
    }
    html += '</li>'
  }
  return `${html}</ul>`
}
