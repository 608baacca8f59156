// What every page of the admin area shares: its breadcrumbs and the banner after a save. Pages of
// several features live in the area; they take these from here, not from one another.
import type { Translate } from '../i18n/catalogue.ts'
import { positiveInt } from './address-numbers.ts'

/** The breadcrumbs of the admin area's front pages: Home, Admin. */
export function adminBreadcrumbs(t: Translate) {
  return [
    { text: t('admin.breadcrumbs.home'), href: '/' },
    { text: t('navigation.admin'), href: '/admin' },
  ]
}

export function breadcrumbsTo(t: Translate, text: string, href: string) {
  return [...adminBreadcrumbs(t), { text, href }]
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
