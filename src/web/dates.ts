import { formatterOf } from '../i18n/format.ts'
import type { Locale } from '../i18n/locales.ts'

/** A date and time in the UK, like "3 Mar 2025, 14:05" ("3 Maw 2025, 14:05" in Welsh). */
export function dateTime(d: Date | null, locale: Locale = 'en'): string {
  return formatterOf(locale).dateTime(d)
}
