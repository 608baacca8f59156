import { kindLabel } from '../case-studies/present.ts'
import type { Translate } from '../../i18n/catalogue.ts'
import type { Locale } from '../../i18n/locales.ts'
import { escapeHtml } from '../../lib/html.ts'
import { facetValueHtml } from '../search/present.ts'
import type { QuietMember } from './queries.ts'
import type { Coverage, NamedValue } from './rules/coverage.ts'

interface Language {
  t: Translate
  locale: Locale
}

/** A principle's name as safe HTML in the page's language (its Welsh wording where there is one). */
const principleHtml = (p: NamedValue, language: Language) => facetValueHtml('principles', p, language)

/** "A", "A and B", "A, B and C" in the page's language, each name safe HTML. */
function listHtml(names: string[], locale: Locale): string {
  const marks = names.map((_, i) => `\uE000${i}\uE000`)
  return new Intl.ListFormat(locale === 'cy' ? 'cy' : 'en-GB', { type: 'conjunction' })
    .format(marks)
    .replace(/\uE000(\d+)\uE000/g, (_, i: string) => `“${names[Number(i)]}”`)
}

/** The least-covered principle this year, in words (safe HTML), or null when the network has no principles. */
export function leastCoveredHtml(c: Coverage, language: Language): string | null {
  const least = c.leastCovered
  if (!least) return null
  const names = listHtml(
    least.principles.map((p) => principleHtml(p, language)),
    language.locale,
  )
  const { t } = language
  const key = least.principles.length === c.principles.length && least.principles.length > 1 ? 'insights.least.allEqual' : 'insights.least.words'
  // The names are safe HTML already; the message's other values are numbers and a year.
  return t(key, { names, count: least.count, principles: least.principles.length, year: String(c.year) })
}

/** The coverage's tables, labelled in the page's language. */
export function presentCoverage(c: Coverage, language: Language) {
  const { t } = language
  return {
    year: c.year,
    years: c.years.map(String),
    all: c.all,
    least: leastCoveredHtml(c, language),
    principles: c.principles.map((row) => ({ html: principleHtml(row, language), total: row.total, cells: row.cells })),
    yearTotals: c.yearTotals,
    nations: c.nations.map((row) => ({ html: facetValueHtml('nations', row, language), figure: row.figure })),
    regions: c.regions.map((row) => ({ html: facetValueHtml('regions', row, language), figure: row.figure })),
    kinds: c.kindTotals.map((k) => ({ text: kindLabel(t, k.kind), total: k })),
    tiers: c.tiers.map((row) => ({ text: t(`search.tier.${row.tier}`), total: row.total, cells: row.cells })),
  }
}

export function presentQuietMembers(members: QuietMember[], t: Translate, date: (d: Date) => string) {
  return members.map((m) => ({
    href: `/members/${m.slug}`,
    nameHtml: escapeHtml(m.name),
    tier: t(`search.tier.${m.tier}`),
    last: m.lastPublished ? date(m.lastPublished) : t('insights.quiet.never'),
  }))
}
