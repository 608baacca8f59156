// GOV.UK components as plain functions (checkboxes, tag, button, pagination), for the pages that
// show many of them or are rendered for every search: through the Nunjucks macros, the search
// page's dozens of filter checkboxes were most of its rendering time (docs/benchmarks.md,
// "Measurements behind the code").
// The markup is the macros' own for the options these pages use; govuk-html.test.ts renders
// both and compares them.
import { escapeHtml } from '../lib/html.ts'

export interface CheckboxItem {
  value: string
  text: string
  checked?: boolean
  attributes?: Record<string, string>
}

export interface CheckboxesParams {
  name: string
  idPrefix?: string
  classes?: string
  fieldset: { legend: { text: string; classes?: string } }
  hint?: { text: string }
  items: CheckboxItem[]
}

const attributes = (all: Record<string, string> | undefined): string =>
  all
    ? Object.entries(all)
        .map(([k, v]) => ` ${k}="${escapeHtml(v)}"`)
        .join('')
    : ''

export function checkboxesHtml(p: CheckboxesParams): string {
  const idPrefix = escapeHtml(p.idPrefix ?? p.name)
  const name = escapeHtml(p.name)
  const hintId = `${idPrefix}-hint`
  let html = `<div class="govuk-form-group"><fieldset class="govuk-fieldset"${p.hint ? ` aria-describedby="${hintId}"` : ''}>`
  html += `<legend class="govuk-fieldset__legend${p.fieldset.legend.classes ? ` ${escapeHtml(p.fieldset.legend.classes)}` : ''}">${escapeHtml(p.fieldset.legend.text)}</legend>`
  if (p.hint) html += `<div id="${hintId}" class="govuk-hint">${escapeHtml(p.hint.text)}</div>`
  html += `<div class="govuk-checkboxes${p.classes ? ` ${escapeHtml(p.classes)}` : ''}" data-module="govuk-checkboxes">`
  p.items.forEach((item, i) => {
    const id = i === 0 ? idPrefix : `${idPrefix}-${i + 1}`
    html += `<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="${id}" name="${name}" type="checkbox" value="${escapeHtml(item.value)}"${item.checked ? ' checked' : ''}${attributes(item.attributes)}>`
    html += `<label class="govuk-label govuk-checkboxes__label" for="${id}">${escapeHtml(item.text)}</label></div>`
  })
  return `${html}</div></fieldset></div>`
}

export function tagHtml(p: { text: string; classes?: string }): string {
  return `<strong class="govuk-tag${p.classes ? ` ${escapeHtml(p.classes)}` : ''}">${escapeHtml(p.text)}</strong>`
}

export function buttonHtml(p: { text: string; classes?: string; attributes?: Record<string, string> }): string {
  return `<button type="submit" class="govuk-button${p.classes ? ` ${escapeHtml(p.classes)}` : ''}" data-module="govuk-button"${attributes(p.attributes)}>${escapeHtml(p.text)}</button>`
}

export interface PaginationParams {
  previous?: { href: string }
  next?: { href: string }
  items: Array<{ number?: number; href?: string; current?: boolean; ellipsis?: boolean }>
  /** govuk-frontend's words in the page's language (govuk.pagination.* in the catalogue); English when not given. */
  landmarkLabel?: string
  previousHtml?: string
  nextHtml?: string
  pageLabel?: (page: number) => string
}

const arrowPath = {
  prev: 'm6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z',
  next: 'm8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z',
}

const arrow = (type: 'prev' | 'next') =>
  `<svg class="govuk-pagination__icon govuk-pagination__icon--${type}" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d="${arrowPath[type]}"></path></svg>`

/**
 * The pagination component with a list of pages (not its block form, for previous and next alone).
 * Line breaks between its parts as the macro has them: its items are inline blocks, spaced by them.
 */
export function paginationHtml(p: PaginationParams): string {
  let html = `<nav class="govuk-pagination" aria-label="${escapeHtml(p.landmarkLabel ?? 'Pagination')}">`
  if (p.previous?.href) {
    html += `<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="${escapeHtml(p.previous.href)}" rel="prev">${arrow('prev')}<span class="govuk-pagination__link-title">${p.previousHtml ?? 'Previous<span class="govuk-visually-hidden"> page</span>'}</span></a></div>\n`
  }
  if (p.items.length > 0) {
    html += '<ul class="govuk-pagination__list">'
    for (const item of p.items) {
      if (item.ellipsis) {
        html += '\n<li class="govuk-pagination__item govuk-pagination__item--ellipsis">&ctdot;</li>'
        continue
      }
      html += `\n<li class="govuk-pagination__item${item.current ? ' govuk-pagination__item--current' : ''}"><a class="govuk-link govuk-pagination__link" href="${escapeHtml(item.href ?? '')}" aria-label="${p.pageLabel ? escapeHtml(p.pageLabel(item.number!)) : `Page ${item.number}`}"${item.current ? ' aria-current="page"' : ''}>${item.number}</a></li>`
    }
    html += '\n</ul>\n'
  }
  if (p.next?.href) {
    html += `<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="${escapeHtml(p.next.href)}" rel="next"><span class="govuk-pagination__link-title">${p.nextHtml ?? 'Next<span class="govuk-visually-hidden"> page</span>'}</span>${arrow('next')}</a></div>`
  }
  return `${html}</nav>`
}
