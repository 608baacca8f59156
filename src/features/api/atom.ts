// Atom (RFC 4287) for a search: the model from the search, then the XML. Pure.
import { searchHref } from '../search/query-string.ts'
import type { SearchHit } from '../search/search-types.ts'
import type { FeedSearch } from './feed-entries.ts'
import { caseStudyUrl } from './present.ts'

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

/** The feed of a search: its entries are the case studies' pages, its principles their categories. */
export function feedFromSearch(search: FeedSearch, base: string, networkName: string, now: Date = new Date()): AtomFeed {
  const { params } = search
  // The feed ignores order and page: its address keeps only what it filters by.
  const canonical = { ...params, sort: null, page: 1 }
  const what = [search.textUsed ? `“${params.q}”` : '', ...search.chosen].filter((s) => s !== '').join(', ')
  const entries = search.entries.map((hit) => entryOf(hit, base))
  const newest = entries.reduce<Date | null>((latest, e) => (latest === null || e.updated > latest ? e.updated : latest), null)
  return {
    id: base + searchHref(canonical, {}, '/case-studies.atom'),
    title: what ? `Case studies: ${what} – ${networkName}` : `Case studies – ${networkName}`,
    subtitle: `The newest published case studies${what ? ' matching this search' : ''}, from ${networkName}.`,
    updated: newest ?? now,
    selfHref: base + searchHref(canonical, {}, '/case-studies.atom'),
    alternateHref: base + searchHref(canonical),
    author: { name: networkName, uri: `${base}/` },
    categoryScheme: `${base}/principles/`,
    entries,
  }
}

function entryOf(hit: SearchHit, base: string): AtomEntry {
  const href = caseStudyUrl(base, hit.slug)
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
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
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
