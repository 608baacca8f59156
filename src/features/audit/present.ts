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

/** What each recorded action means, in words; the code stays in the address of a filter. */
const actionLabels: Record<string, string> = {
  'signed-in': 'Signed in',
  'signed-out': 'Signed out',
  'sign-in-failed': 'Failed to sign in',
  'password-reset-requested': 'Asked to reset the password',
  'password-reset': 'Reset the password',
  'invitation-accepted': 'Accepted an invitation',
  'invitation-resent': 'Sent a new invitation',
  'user-created': 'Created an account',
  'user-updated': 'Changed an account',
  'user-disabled': 'Disabled an account',
  'case-study-created': 'Created a case study',
  'case-study-saved': 'Saved a case study',
  'case-study-restored': 'Restored an earlier version',
  'case-study-imported': 'Imported a case study',
  'case-study-submitted': 'Submitted for review',
  'case-study-changes-requested': 'Asked for changes',
  'case-study-published': 'Published a case study',
  'case-study-unpublished': 'Unpublished a case study',
  'case-study-archived': 'Archived a case study',
  'organisation-created': 'Added an organisation',
  'organisation-updated': 'Changed an organisation',
  'principle-created': 'Added a principle',
  'principle-updated': 'Changed a principle',
  'principles-imported': 'Imported principles',
  'authorities-imported': 'Loaded the local authorities register',
  'contact-created': 'Added a contact',
  'contact-updated': 'Changed a contact',
  'demo-content-loaded': 'Loaded the demo content',
  'synthetic-content-loaded': 'Loaded synthetic case studies',
}

/** An action's words; one we have none for reads as its code in plain words ("search-rebuilt" → "Search rebuilt"). */
export function actionLabel(action: string): string {
  const known = actionLabels[action]
  if (known) return known
  const words = action.replace(/[-_]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

const subjectLabels: Record<string, string> = {
  user: 'Account',
  'case-study': 'Case study',
  organisation: 'Organisation',
  principle: 'Principle',
  person: 'Contact',
}

/** A subject type's words, for the filter and the table. */
export function subjectLabel(subjectType: string): string {
  return subjectLabels[subjectType] ?? actionLabel(subjectType)
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
