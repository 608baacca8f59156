import { escapeHtml } from '../../lib/html.ts'
import { catalogueOf, type Translate } from '../../i18n/catalogue.ts'

// Turning an audit event's `changes` into rows a person can read.

export interface ChangeRow {
  field: string
  before: string | null
  after: string
}

const maxValueLength = 500

/** A stored value as text: strings as they are, the rest as JSON, long values cut short. */
export function changeValue(t: Translate, value: unknown): string {
  const text =
    value === null || value === undefined ? t('audit.changes.none') : typeof value === 'string' ? value || t('audit.changes.blank') : JSON.stringify(value)
  return text.length > maxValueLength ? `${text.slice(0, maxValueLength)}…` : text
}

const isBeforeAfter = (value: unknown): value is { before: unknown; after: unknown } =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && 'before' in value && 'after' in value

/**
 * The rows of a `changes` object: `{ field: { before, after } }` gives both sides; any other
 * object (older events recorded plain values) gives its values as "after". Null for nothing to show.
 */
export function presentChanges(t: Translate, changes: unknown): ChangeRow[] | null {
  if (changes === null || typeof changes !== 'object') return null
  if (Array.isArray(changes)) return changes.length ? [{ field: 'value', before: null, after: changeValue(t, changes) }] : null
  const rows = Object.entries(changes as Record<string, unknown>).map(([field, value]) =>
    isBeforeAfter(value)
      ? { field, before: changeValue(t, value.before), after: changeValue(t, value.after) }
      : { field, before: null, after: changeValue(t, value) },
  )
  return rows.length ? rows : null
}

/** The changes as a small HTML table for a govukTable cell; every value escaped. */
export function changesHtml(t: Translate, changes: unknown): string {
  const rows = presentChanges(t, changes)
  if (!rows) return ''
  const hasBefore = rows.some((r) => r.before !== null)
  const header = (key: string) => `<th scope="col" class="govuk-table__header">${escapeHtml(t(key))}</th>`
  const head = `<tr class="govuk-table__row">${header('audit.changes.field')}${hasBefore ? header('audit.changes.before') : ''}${header(hasBefore ? 'audit.changes.after' : 'audit.changes.value')}</tr>`
  const body = rows
    .map(
      (r) =>
        `<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${escapeHtml(r.field)}</th>${hasBefore ? `<td class="govuk-table__cell govuk-!-text-break-word">${escapeHtml(r.before ?? '')}</td>` : ''}<td class="govuk-table__cell govuk-!-text-break-word">${escapeHtml(r.after)}</td></tr>`,
    )
    .join('')
  return `<table class="govuk-table govuk-!-font-size-16 govuk-!-margin-bottom-0"><caption class="govuk-table__caption govuk-visually-hidden">${escapeHtml(t('audit.changes.caption'))}</caption><thead class="govuk-table__head">${head}</thead><tbody class="govuk-table__body">${body}</tbody></table>`
}

// An action's and a subject's words are in the catalogue (locales/<language>/audit.json) under
// audit.action.<code> and audit.subject.<type>; the code stays in the address of a filter.
const english = catalogueOf('en')

/** A code in plain words ("search-rebuilt" → "Search rebuilt"), for a code the catalogue has no words for. */
function codeInWords(code: string): string {
  const words = code.replace(/[-_]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** An action's words; one we have none for reads as its code in plain words. */
export function actionLabel(t: Translate, action: string): string {
  const key = `audit.action.${action}`
  return key in english ? t(key) : codeInWords(action)
}

/** A subject type's words, for the filter and the table. */
export function subjectLabel(t: Translate, subjectType: string): string {
  const key = `audit.subject.${subjectType}`
  return key in english ? t(key) : codeInWords(subjectType)
}

/** Who acted: an email address as it is; the site's own actors (the command line, the set-up page) in words. */
const actorKeys: Record<string, string> = { 'command line': 'audit.actor.commandLine', 'first-run set-up page': 'audit.actor.setUp' }
export function actorLabel(t: Translate, label: string): string {
  const key = actorKeys[label]
  return key ? t(key) : label
}

const adminPaths: Record<string, string> = {
  user: '/admin/users',
  organisation: '/admin/organisations',
  principle: '/admin/principles',
  person: '/admin/contacts',
}

/** Where the admin area shows an event's subject, if it does. */
export function subjectHref(subjectType: string, subjectId: string | null): string | null {
  const base = adminPaths[subjectType]
  return base && subjectId && /^[1-9][0-9]{0,9}$/.test(subjectId) ? `${base}/${subjectId}` : null
}
