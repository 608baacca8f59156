// Atom (RFC 4287) for a search: the model from the search, then the XML. Pure.
import { caseStudyKinds } from '../../db/schema/enums.ts'
import { translator, type Translate } from '../../i18n/catalogue.ts'
import { urlIn, type Locale } from '../../i18n/locales.ts'
import { tierLabel } from '../../web/organisation-display.ts'
import { kindLabel } from '../case-studies/present.ts'
import { searchableTiers, searchHref } from '../search/query-string.ts'
import type { SearchHit } from '../search/search-types.ts'
import type { ChosenFilter, FeedSearch } from './feed-entries.ts'

export interface AtomEntry {
  id: string
  title: string
  updated: Date
  published: Date | null
  href: string
  summary: string
  author: string | null
  categories: Array<{ term: string; label: string }>
}

export interface AtomFeed {
  /** The language of the feed's own words (its title and subtitle); the entries are content as written. */
  lang: string
  id: string
  title: string
  subtitle: string
  updated: Date
  selfHref: string
  alternateHref: string
  author: { name: string; uri: string }
  categoryScheme: string
  entries: AtomEntry[]
}

// Characters XML 1.0 does not allow at all (C0 controls but tab and newlines, lone surrogates,
// U+FFFE and U+FFFF): they cannot be escaped, only left out.
const notXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** Text for XML content or a double- or single-quoted attribute. */
export function xmlText(text: string): string {
  return text.replace(notXml, '').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&apos;')
}

/** The feed's language: its words, and its addresses (the Welsh feed at /cy/case-studies.atom links to Welsh pages). */
export interface FeedLanguage {
  locale: Locale
  t: Translate
}

const english: FeedLanguage = { locale: 'en', t: translator('en') }

/** A chosen filter as the feed's title names it: "Kind: Policy lab", "Math: Labordy polisi". */
function chosenText({ locale, t }: FeedLanguage, chosen: ChosenFilter): string {
  const kind = caseStudyKinds.find((k) => k === chosen.value)
  const tier = searchableTiers.find((k) => k === chosen.value)
  const value =
    chosen.list === 'kinds' && kind
      ? kindLabel(t, kind)
      : chosen.list === 'tiers' && tier
        ? tierLabel(t, tier)
        : locale === 'cy' && chosen.labelCy
          ? chosen.labelCy
          : chosen.label
  return `${t(`api.feed.filter.${chosen.list}`)}: ${value}`
}

/** The feed of a search: its entries are the case studies' pages, its principles their categories. */
export function feedFromSearch(search: FeedSearch, base: string, networkName: string, language: FeedLanguage = english, now: Date = new Date()): AtomFeed {
  const { params } = search
  const { locale, t } = language
  const at = (path: string) => base + urlIn(locale, path)
  // The feed ignores order and page: its address keeps only what it filters by.
  const canonical = { ...params, sort: null, page: 1 }
  // A list of what was chosen, not a sentence: the same punctuation in both languages.
  const what = [search.textUsed ? `“${params.q}”` : '', ...search.chosen.map((c) => chosenText(language, c))].filter((s) => s !== '').join(', ')
  const entries = search.entries.map((hit) => entryOf(hit, at))
  const newest = entries.reduce<Date | null>((latest, e) => (latest === null || e.updated > latest ? e.updated : latest), null)
  const self = at(searchHref(canonical, {}, '/case-studies.atom'))
  return {
    lang: locale === 'en' ? 'en-GB' : locale,
    id: self,
    title: what ? t('api.feed.titleSearch', { search: what, networkName }) : t('api.feed.title', { networkName }),
    subtitle: t(what ? 'api.feed.subtitleSearch' : 'api.feed.subtitle', { networkName }),
    updated: newest ?? now,
    selfHref: self,
    alternateHref: at(searchHref(canonical)),
    author: { name: networkName, uri: at('/') },
    categoryScheme: `${at('/principles')}/`,
    entries,
  }
}

function entryOf(hit: SearchHit, at: (path: string) => string): AtomEntry {
  const href = at(`/case-studies/${hit.slug}`)
  // A published case study always has its date; the epoch only keeps a malformed row valid Atom.
  const published = hit.publishedAt
  return {
    id: href,
    title: hit.title,
    updated: published ?? new Date(0),
    published,
    href,
    summary: hit.summary,
    author: hit.lead?.name ?? null,
    categories: hit.principles.map((p) => ({ term: p.slug, label: p.shortName })),
  }
}

const date = (d: Date) => d.toISOString()

export function renderAtom(feed: AtomFeed): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(feed.lang)}">`,
    `  <id>${xmlText(feed.id)}</id>`,
    `  <title type="text">${xmlText(feed.title)}</title>`,
    `  <subtitle type="text">${xmlText(feed.subtitle)}</subtitle>`,
    `  <updated>${date(feed.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(feed.selfHref)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(feed.alternateHref)}"/>`,
    `  <author><name>${xmlText(feed.author.name)}</name><uri>${xmlText(feed.author.uri)}</uri></author>`,
    '  <generator>coophub</generator>',
  ]
  for (const e of feed.entries) {
    lines.push(
      '  <entry>',
      `    <id>${xmlText(e.id)}</id>`,
      `    <title type="text">${xmlText(e.title)}</title>`,
      `    <updated>${date(e.updated)}</updated>`,
      ...(e.published ? [`    <published>${date(e.published)}</published>`] : []),
      `    <link rel="alternate" type="text/html" href="${xmlText(e.href)}"/>`,
      ...(e.author ? [`    <author><name>${xmlText(e.author)}</name></author>`] : []),
      `    <summary type="text">${xmlText(e.summary)}</summary>`,
      ...e.categories.map((c) => `    <category term="${xmlText(c.term)}" scheme="${xmlText(feed.categoryScheme)}" label="${xmlText(c.label)}"/>`),
      '  </entry>',
    )
  }
  lines.push('</feed>', '')
  return lines.join('\n')
}
