// The GOV.UK checkboxes and tag components as plain functions, for the pages that show many of
// them: the search page's filters are ~85 checkboxes, and rendering them through the Nunjucks
// macros took 3.5 ms of the 4.5 ms the page took to render (measured at 10,000 case studies).
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
  all ? Object.entries(all).map(([k, v]) => ` ${k}="${escapeHtml(v)}"`).join('') : ''

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
