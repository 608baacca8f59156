// Dates, numbers and money in a language's own way (Intl with en-GB or cy-GB: month names in
// Welsh, "5 Mawrth 2026"). Formatters are made once per language: building Intl objects is the
// slow part.
import type { Locale } from './locales.ts'

export interface Formatter {
  /** "5 March 2026" / "5 Mawrth 2026"; '' for no date. */
  date(d: Date | null | undefined): string
  /** "5 Mar 2026, 14:05" / "5 Maw 2026, 14:05"; '' for no date. */
  dateTime(d: Date | null | undefined): string
  /** "12,345"; a non-number as it is. */
  number(n: unknown): string
  /** "£1,234.50" from an amount in pounds. */
  money(pounds: number, currency?: string): string
}

/** The Intl locale of each language of the site. */
export const intlLocale: Record<Locale, string> = { en: 'en-GB', cy: 'cy-GB' }

const timeZone = 'Europe/London'
const formatters = new Map<Locale, Formatter>()

export function formatterOf(locale: Locale): Formatter {
  let formatter = formatters.get(locale)
  if (formatter) return formatter
  const tag = intlLocale[locale]
  const date = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone })
  const dateTime = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone })
  const number = new Intl.NumberFormat(tag)
  const money = new Map<string, Intl.NumberFormat>()
  formatter = {
    date: (d) => (d instanceof Date ? date.format(d) : ''),
    dateTime: (d) => (d instanceof Date ? dateTime.format(d) : ''),
    number: (n) => (typeof n === 'number' ? number.format(n) : String(n ?? '')),
    money(pounds, currency = 'GBP') {
      let f = money.get(currency)
      if (!f) money.set(currency, (f = new Intl.NumberFormat(tag, { style: 'currency', currency })))
      return f.format(pounds)
    },
  }
  formatters.set(locale, formatter)
  return formatter
}
