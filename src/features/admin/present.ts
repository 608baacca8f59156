import type { AccountStatus, EmailStatus, Role } from '../../db/schema/enums.ts'
import { positiveInt } from './params.ts'

// Labels and small view models shared by the admin pages.

export const roleLabels: Record<Role, string> = { admin: 'Administrator', editor: 'Editor', officer: 'Member officer' }

export const accountStatusLabels: Record<AccountStatus, string> = { invited: 'Invited', active: 'Active', disabled: 'Disabled' }

const accountStatusColours: Record<AccountStatus, string> = { invited: 'govuk-tag--blue', active: 'govuk-tag--green', disabled: 'govuk-tag--grey' }

export const emailStatusLabels: Record<EmailStatus, string> = { queued: 'Queued', sent: 'Sent', failed: 'Failed' }

const emailStatusColours: Record<EmailStatus, string> = { queued: 'govuk-tag--yellow', sent: 'govuk-tag--green', failed: 'govuk-tag--red' }

export function accountStatusTag(status: AccountStatus) {
  return { text: accountStatusLabels[status], classes: accountStatusColours[status] }
}

export function emailStatusTag(status: EmailStatus) {
  return { text: emailStatusLabels[status], classes: emailStatusColours[status] }
}

/** A date and time in the UK, like "3 Mar 2025, 14:05". */
export function dateTime(d: Date | null): string {
  if (!d) return ''
  return d.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' })
}

export const adminBreadcrumbs = [
  { text: 'Home', href: '/' },
  { text: 'Admin', href: '/admin' },
]

export function breadcrumbsTo(text: string, href: string) {
  return [...adminBreadcrumbs, { text, href }]
}

/**
 * The success banner after a save redirected here with `?saved=<id>` (or another flag): names the
 * row saved, or nothing when the id is not one of the rows (a stale or hand-typed address).
 */
export function savedBanner<T extends { id: number }>(query: unknown, rows: T[], describe: (row: T) => string, flag = 'saved'): string | null {
  const q = query && typeof query === 'object' ? (query as Record<string, unknown>) : {}
  const id = positiveInt(q[flag])
  const row = id === null ? undefined : rows.find((r) => r.id === id)
  return row ? describe(row) : null
}

/**
 * govukSelect items with a blank first choice. `keep`: a stored value missing from the list (an
 * older nation, say) stays a choice, so saving the form does not silently clear it.
 */
export function selectItems(choices: Array<{ value: string; text: string }>, selected: string, options: { blank?: string; keep?: string | null } = {}) {
  const items = [{ value: '', text: options.blank ?? 'Not set' }, ...choices]
  const keep = options.keep ?? ''
  if (keep !== '' && !choices.some((c) => c.value === keep)) items.push({ value: keep, text: keep })
  return items.map((item) => ({ ...item, selected: item.value === selected }))
}
