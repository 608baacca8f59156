import { escapeHtml } from '../../lib/html.ts'

// Turning an audit event's `changes` into rows a person can read.

export interface ChangeRow {
  field: string
  before: string | null
  after: string
}

const maxValueLength = 500

/** A stored value as text: strings as they are, the rest as JSON, long values cut short. */
export function changeValue(value: unknown): string {
  const text = value === null || value === undefined ? '(none)' : typeof value === 'string' ? value || '(blank)' : JSON.stringify(value)
  return text.length > maxValueLength ? `${text.slice(0, maxValueLength)}…` : text
}

const isBeforeAfter = (value: unknown): value is { before: unknown; after: unknown } =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && 'before' in value && 'after' in value

/**
 * The rows of a `changes` object: `{ field: { before, after } }` gives both sides; any other
 * object (older events recorded plain values) gives its values as "after". Null for nothing to show.
 */
export function presentChanges(changes: unknown): ChangeRow[] | null {
  if (changes === null || typeof changes !== 'object') return null
  if (Array.isArray(changes)) return changes.length ? [{ field: 'value', before: null, after: changeValue(changes) }] : null
  const rows = Object.entries(changes as Record<string, unknown>).map(([field, value]) =>
    isBeforeAfter(value) ? { field, before: changeValue(value.before), after: changeValue(value.after) } : { field, before: null, after: changeValue(value) },
  )
  return rows.length ? rows : null
}

/** The changes as a small HTML table for a govukTable cell; every value escaped. */
export function changesHtml(changes: unknown): string {
  const rows = presentChanges(changes)
  if (!rows) return ''
  const hasBefore = rows.some((r) => r.before !== null)
  const head = `<tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Field</th>${hasBefore ? '<th scope="col" class="govuk-table__header">Before</th>' : ''}<th scope="col" class="govuk-table__header">${hasBefore ? 'After' : 'Value'}</th></tr>`
  const body = rows
    .map(
      (r) =>
        `<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${escapeHtml(r.field)}</th>${hasBefore ? `<td class="govuk-table__cell govuk-!-text-break-word">${escapeHtml(r.before ?? '')}</td>` : ''}<td class="govuk-table__cell govuk-!-text-break-word">${escapeHtml(r.after)}</td></tr>`,
    )
    .join('')
  return `<table class="govuk-table govuk-!-font-size-16 govuk-!-margin-bottom-0"><caption class="govuk-table__caption govuk-visually-hidden">Changes</caption><thead class="govuk-table__head">${head}</thead><tbody class="govuk-table__body">${body}</tbody></table>`
}

const adminPaths: Record<string, string> = { user: '/admin/users', organisation: '/admin/organisations', principle: '/admin/principles', person: '/admin/contacts' }

/** Where the admin area shows an event's subject, if it does. */
export function subjectHref(subjectType: string, subjectId: string | null): string | null {
  const base = adminPaths[subjectType]
  return base && subjectId && /^[1-9][0-9]{0,9}$/.test(subjectId) ? `${base}/${subjectId}` : null
}
