import { translator } from '../../i18n/catalogue.ts'
import { caseStudyKinds, membershipTiers, type CaseStudyKind, type MembershipTier } from '../../db/schema/enums.ts'

export const maxQueryLength = 200
export const maxPage = 10_000
export const firstYear = 1900
/** More values than anyone ticks in one facet: a longer list is a crafted address. */
export const maxValuesPerFacet = 50

export const sortOrders = ['relevance', 'newest', 'oldest', 'title'] as const
export type SortOrder = (typeof sortOrders)[number]

/** Member tiers a search can filter by: the network's own tiers, not "none". */
export const searchableTiers = membershipTiers.filter((t): t is Exclude<MembershipTier, 'none'> => t !== 'none')
export type SearchableTier = (typeof searchableTiers)[number]

/**
 * Everything a search's address holds. Several values in one list combine with OR; different
 * lists with AND. Slugs are checked against the database later (an unknown one is dropped then,
 * with a message); here only their shape is.
 */
export interface SearchParams {
  q: string
  principles: string[]
  kinds: CaseStudyKind[]
  years: number[]
  /** Organisations taking part as lead or participant. */
  members: string[]
  tiers: SearchableTier[]
  councilTypes: string[]
  nations: string[]
  regions: string[]
  themes: string[]
  /** Null: the default (relevance with a text query, newest without). */
  sort: SortOrder | null
  page: number
  /** Search for the words as typed, never for a closer spelling (`spelling=as-typed`: "Search instead for …"). */
  asTyped: boolean
}

export type ListParam = 'principles' | 'kinds' | 'years' | 'members' | 'tiers' | 'councilTypes' | 'nations' | 'regions' | 'themes'

/** The query-string name of each list, in the order addresses are written. */
export const paramNames: Record<ListParam, string> = {
  principles: 'principle',
  kinds: 'kind',
  years: 'year',
  members: 'member',
  tiers: 'tier',
  councilTypes: 'council-type',
  nations: 'nation',
  regions: 'region',
  themes: 'theme',
}
export const listParams = Object.keys(paramNames) as ListParam[]

/**
 * A plain-language note about input a search could not use, shown above the results: a key of
 * locales/<language>/search.json and its values, so the page says it in its own language (the API
 * says it in English: searchMessageInEnglish).
 */
export interface SearchMessage {
  key: string
  values?: Record<string, string | number>
}

const english = translator('en')

/** A search's message in English, as the API, feeds and command line give it. */
export const searchMessageInEnglish = (m: SearchMessage): string => english(m.key, m.values)

export interface ParsedSearch {
  params: SearchParams
  /** Notes about input we could not use, shown above the results. */
  messages: SearchMessage[]
}

export const emptySearch: SearchParams = {
  q: '',
  principles: [],
  kinds: [],
  years: [],
  members: [],
  tiers: [],
  councilTypes: [],
  nations: [],
  regions: [],
  themes: [],
  sort: null,
  page: 1,
  asTyped: false,
}

/** The value of `spelling` that turns correction off. */
const asTyped = 'as-typed'

const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/

function values(raw: unknown): string[] {
  if (raw === undefined || raw === null) return []
  const list = Array.isArray(raw) ? raw : [raw]
  return list
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.trim())
    .filter((v) => v !== '')
}

function first(raw: unknown): string {
  return values(raw)[0] ?? ''
}

/** Control characters (NUL breaks PostgreSQL text) and runs of spaces are never meaningful in a search. */
export function cleanQuery(raw: string): string {
  return (
    raw
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  )
}

function shorten(q: string): string {
  const cut = q.slice(0, maxQueryLength)
  const lastSpace = cut.lastIndexOf(' ')
  return (lastSpace > maxQueryLength / 2 ? cut.slice(0, lastSpace) : cut).trim()
}

export const shortDisplay = (s: string): string => (s.length > 40 ? `${s.slice(0, 40)}…` : s)

/** The message for a value that is not one of a facet's values, shared with the database check. */
export function unknownValueMessage(list: ListParam, value: string): SearchMessage {
  return { key: `search.message.unknown.${list}`, values: { value: shortDisplay(value) } }
}

/**
 * Reads a search's query string (the page, the feed, the exports and the API share it). Never
 * throws: anything unusable is dropped with a message, so a mistyped link still shows a useful page.
 */
export function parseSearchParams(raw: Record<string, unknown>, now: Date = new Date()): ParsedSearch {
  const messages: SearchMessage[] = []
  const lastYear = now.getUTCFullYear() + 5
  const params: SearchParams = {
    ...emptySearch,
    principles: [],
    kinds: [],
    years: [],
    members: [],
    tiers: [],
    councilTypes: [],
    nations: [],
    regions: [],
    themes: [],
  }

  let q = cleanQuery(first(raw.q))
  if (q.length > maxQueryLength) {
    q = shorten(q)
    messages.push({ key: 'search.message.tooLong', values: { max: maxQueryLength } })
  }
  params.q = q

  for (const list of listParams) {
    const given = values(raw[paramNames[list]])
    if (given.length > maxValuesPerFacet) messages.push({ key: 'search.message.tooManyValues', values: { max: maxValuesPerFacet } })
    for (const value of given.slice(0, maxValuesPerFacet)) {
      if (list === 'years') {
        const n = /^\d{4}$/.test(value) ? Number(value) : NaN
        if (!(n >= firstYear && n <= lastYear))
          // Years as text: a year is not a number to group ("1,900").
          messages.push({ key: 'search.message.badYear', values: { first: String(firstYear), last: String(lastYear), value: shortDisplay(value) } })
        else if (!params.years.includes(n)) params.years.push(n)
      } else if (list === 'kinds') {
        const kind = caseStudyKinds.find((k) => k === value)
        if (!kind) messages.push({ key: 'search.message.badKind', values: { value: shortDisplay(value) } })
        else if (!params.kinds.includes(kind)) params.kinds.push(kind)
      } else if (list === 'tiers') {
        const tier = searchableTiers.find((t) => t === value)
        if (!tier) messages.push({ key: 'search.message.badTier', values: { value: shortDisplay(value) } })
        else if (!params.tiers.includes(tier)) params.tiers.push(tier)
      } else if (!slugPattern.test(value)) messages.push(unknownValueMessage(list, value))
      else if (!params[list].includes(value)) params[list].push(value)
    }
  }

  const sortText = first(raw.sort)
  if (sortText !== '') {
    const sort = sortOrders.find((s) => s === sortText)
    if (sort) params.sort = sort
    else messages.push({ key: params.q ? 'search.message.badSortRelevance' : 'search.message.badSortNewest', values: { value: shortDisplay(sortText) } })
  }

  const spelling = first(raw.spelling)
  if (spelling === asTyped) params.asTyped = true
  else if (spelling !== '') messages.push({ key: 'search.message.badSpelling', values: { value: shortDisplay(spelling), allowed: asTyped } })

  const pageText = first(raw.page)
  if (pageText !== '') {
    const n = /^\d{1,6}$/.test(pageText) ? Number(pageText) : NaN
    if (n >= 1 && n <= maxPage) params.page = n
    else messages.push({ key: 'search.message.badPage', values: { value: shortDisplay(pageText) } })
  }

  return { params, messages }
}

/** The order results come in: the one asked for, else relevance for a text search, else newest. */
export function effectiveSort(params: Pick<SearchParams, 'q' | 'sort'>, textUsed = params.q !== ''): SortOrder {
  if (params.sort === 'relevance' && !textUsed) return 'newest'
  return params.sort ?? (textUsed ? 'relevance' : 'newest')
}

export function hasFilters(params: SearchParams): boolean {
  return listParams.some((list) => params[list].length > 0)
}

/** The query string of a search (no leading "?"), every list in a fixed order so equal searches share one address. */
export function searchQueryString(params: SearchParams, overrides: Partial<SearchParams> = {}): string {
  const p = { ...params, ...overrides }
  const qs = new URLSearchParams()
  if (p.q) qs.set('q', p.q)
  if (p.asTyped && p.q) qs.set('spelling', asTyped)
  for (const list of listParams) for (const value of p[list]) qs.append(paramNames[list], String(value))
  if (p.sort) qs.set('sort', p.sort)
  if (p.page > 1) qs.set('page', String(p.page))
  return qs.toString()
}

/** The address of a search at `base` (the page, its feed or an export), keeping every filter. */
export function searchHref(params: SearchParams, overrides: Partial<SearchParams> = {}, base = '/case-studies'): string {
  const s = searchQueryString(params, overrides)
  return s ? `${base}?${s}` : base
}

/** The same search with one value of one list taken away (a facet's "remove" link). */
export function withoutValue(params: SearchParams, list: ListParam, value: string | number): SearchParams {
  return { ...params, [list]: (params[list] as Array<string | number>).filter((v) => v !== value), page: 1 }
}

/** The same search with one more value in one list. */
export function withValue(params: SearchParams, list: ListParam, value: string | number): SearchParams {
  const current = params[list] as Array<string | number>
  return { ...params, [list]: current.includes(value) ? current : [...current, value], page: 1 }
}
