import { intlLocale } from '../../../i18n/format.ts'
import type { Locale } from '../../../i18n/locales.ts'

/** "1.4 MB", "820 kB": a download's size as a reader wants it (decimal units, as GOV.UK writes them). */
export function fileSize(bytes: number, locale: Locale): string {
  const mb = bytes >= 1_000_000
  const value = mb ? bytes / 1_000_000 : Math.max(1, Math.round(bytes / 1000))
  return new Intl.NumberFormat(intlLocale[locale], { style: 'unit', unit: mb ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 }).format(value)
}
