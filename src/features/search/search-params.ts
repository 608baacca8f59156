import { caseStudyKinds, type CaseStudyKind } from '../../db/schema/enums.ts'

export const maxQueryLength = 200
export const maxPage = 10_000
export const firstYear = 1900

export interface SearchParams {
  q: string
  principles: string[]
  kinds: CaseStudyKind[]
  year: number | null
  member: string | null
  page: number
}

export interface ParsedSearch {
  params: SearchParams
  /** Plain-language notes about input we could not use, shown above the results. */
  messages: string[]
}

const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/

function values(raw: unknown): string[] {
  if (raw === undefined || raw === null) return []
  const list = Array.isArray(raw) ? raw : [raw]
  return list.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter((v) => v !== '')
}

function first(raw: unknown): string {
  return values(raw)[0] ?? ''
}

/** Control characters (NUL breaks PostgreSQL text) and runs of spaces are never meaningful in a search. */
export function cleanQuery(raw: string): string {
  // eslint-disable-next-line no-control-regex
  return raw.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, ' ').replace(/\s+/g, ' ').trim()
}

function shorten(q: string): string {
  const cut = q.slice(0, maxQueryLength)
  const lastSpace = cut.lastIndexOf(' ')
  return (lastSpace > maxQueryLength / 2 ? cut.slice(0, lastSpace) : cut).trim()
}

const shortDisplay = (s: string): string => (s.length > 40 ? `${s.slice(0, 40)}…` : s)

/**
 * Reads the search page's query string. Never throws: anything unusable is dropped with a message,
 * so a mistyped link still shows a useful page.
 */
export function parseSearchParams(raw: Record<string, unknown>, now: Date = new Date()): ParsedSearch {
  const messages: string[] = []
  const lastYear = now.getUTCFullYear() + 5

  let q = cleanQuery(first(raw.q))
  if (q.length > maxQueryLength) {
    q = shorten(q)
    messages.push(`Your search was too long, so we used only its first ${maxQueryLength} characters.`)
  }

  const principles: string[] = []
  for (const value of values(raw.principle)) {
    if (!slugPattern.test(value)) messages.push(`We could not find the principle “${shortDisplay(value)}”, so we ignored it.`)
    else if (!principles.includes(value)) principles.push(value)
  }

  const kinds: CaseStudyKind[] = []
  for (const value of values(raw.kind)) {
    const kind = caseStudyKinds.find((k) => k === value)
    if (!kind) messages.push(`“${shortDisplay(value)}” is not a kind of case study we list, so we ignored it.`)
    else if (!kinds.includes(kind)) kinds.push(kind)
  }

  let year: number | null = null
  const yearText = first(raw.year)
  if (yearText !== '') {
    const n = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN
    if (n >= firstYear && n <= lastYear) year = n
    else messages.push(`Enter a year as four digits between ${firstYear} and ${lastYear}. We ignored “${shortDisplay(yearText)}”.`)
  }

  let member: string | null = null
  const memberText = first(raw.member)
  if (memberText !== '') {
    if (slugPattern.test(memberText)) member = memberText
    else messages.push(`We could not find the member “${shortDisplay(memberText)}”, so we ignored it.`)
  }

  let page = 1
  const pageText = first(raw.page)
  if (pageText !== '') {
    const n = /^\d{1,6}$/.test(pageText) ? Number(pageText) : NaN
    if (n >= 1 && n <= maxPage) page = n
    else messages.push(`“${shortDisplay(pageText)}” is not a page number, so we show the first page.`)
  }

  return { params: { q, principles, kinds, year, member, page }, messages }
}

/** The address of a search, keeping every filter; `overrides` replace single values. */
export function searchHref(params: SearchParams, overrides: Partial<SearchParams> = {}): string {
  const p = { ...params, ...overrides }
  const qs = new URLSearchParams()
  if (p.q) qs.set('q', p.q)
  for (const principle of p.principles) qs.append('principle', principle)
  for (const kind of p.kinds) qs.append('kind', kind)
  if (p.year !== null) qs.set('year', String(p.year))
  if (p.member) qs.set('member', p.member)
  if (p.page > 1) qs.set('page', String(p.page))
  const s = qs.toString()
  return s ? `/case-studies?${s}` : '/case-studies'
}
