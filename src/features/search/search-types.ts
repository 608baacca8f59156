import type { CaseStudyKind } from '../../db/schema/enums.ts'
import type { ListParam, SearchMessage, SearchParams, SortOrder } from './query-string.ts'

/** One value of a facet: how many case studies it would show with the other facets' choices. */
export interface FacetValue {
  /** As written in the address (a slug, a kind, a tier or a year). */
  value: string
  label: string
  /** Its name in Welsh where the content has one (a principle's Welsh wording); pages only, the API gives `label`. */
  labelCy?: string
  count: number
  selected: boolean
}

export interface Facet {
  name: ListParam
  /** Its query-string name. */
  param: string
  label: string
  values: FacetValue[]
}

export interface LinkedName {
  slug: string
  name: string
}

export interface SearchHit {
  id: number
  slug: string
  title: string
  summary: string
  kind: CaseStudyKind
  yearStart: number | null
  yearEnd: number | null
  publishedAt: Date | null
  /** A snippet of the body with startMark/stopMark around the words searched for (snippet.ts); null without a text query. */
  headline: string | null
  lead: LinkedName | null
  participants: LinkedName[]
  /** With the Welsh wording where the network gave one (Welsh pages show it). */
  principles: Array<{ slug: string; shortName: string; shortNameCy?: string | null }>
  themes: LinkedName[]
  /** The language of its title, summary and body; English when not given. */
  language?: 'en' | 'cy'
}

/** What is searched: the text (already known to have searchable words, or '') and facet keys. */
export interface SearchCriteria {
  q: string
  /** Per facet, the keys chosen: a case study must have one of them (OR), for every facet (AND). */
  keys: Partial<Record<ListParam, string[]>>
}

export interface Suggestion {
  /** The corrected query text. */
  q: string
  /** The same search with the corrected text. */
  href: string
}

export interface SearchOutcome {
  /** What was searched: unknown slugs removed, so every link made from it is valid. */
  params: SearchParams
  /** What the search could not use, in English (the API's and the feeds' words). */
  messages: string[]
  /** The same as catalogue keys, for a page in its own language. */
  notices: SearchMessage[]
  total: number
  pageSize: number
  totalPages: number
  sort: SortOrder
  hits: SearchHit[]
  /** Every facet, values with zero results that are selected included (so they can be removed). */
  facets: Facet[]
  /** "Did you mean …", when the text finds little or nothing and the corpus knows a closer spelling. */
  suggestion: Suggestion | null
  /**
   * The text found nothing and a closer spelling found some: its results are shown instead
   * ("Showing results for …"), with the address that searches for the text as typed.
   */
  corrected: { q: string; asTypedHref: string } | null
  /**
   * No case study (or very few) has every term of the text: those with some of them are shown,
   * most terms first. `all`: how many have every one (they come first).
   */
  someWords: { all: number } | null
  /** The text had no searchable words (only stop words or punctuation): it was not used. */
  queryIgnored: boolean
  /** Counted by a search engine that is catching up with a large change in the background (see LiveSearchEngine): may be slightly old. */
  stale: boolean
}
