import type { SearchDeps } from '../search/run-search.ts'
import { runSearch } from '../search/run-search.ts'
import type { ListParam, SearchParams } from '../search/query-string.ts'
import type { FacetValue, SearchHit } from '../search/search-types.ts'

export const feedSize = 20

/** A chosen filter value; `labelCy` is a principle's Welsh wording where the network has one. */
export interface ChosenFilter {
  list: ListParam
  value: string
  label: string
  labelCy?: string
}

const chosenOf = (list: ListParam, v: FacetValue & { labelCy?: string }): ChosenFilter =>
  v.labelCy ? { list, value: v.value, label: v.label, labelCy: v.labelCy } : { list, value: v.value, label: v.label }

export interface FeedSearch {
  /** What was searched, unknown values taken out (the feed's own address is made from it). */
  params: SearchParams
  textUsed: boolean
  /** The filters chosen, for the feed's title: which filter, and the value as the search shows it. */
  chosen: ChosenFilter[]
  entries: SearchHit[]
}

/**
 * The newest published matches of a search's address, by publication date whatever order the
 * address asks for: a feed reader wants what is new.
 */
export async function findFeedEntries(deps: SearchDeps, raw: Record<string, unknown>, limit = feedSize): Promise<FeedSearch> {
  const { page: _page, sort: _sort, ...rest } = raw
  const outcome = await runSearch(deps, rest, { pageSize: limit, snippets: false, order: 'published' })
  const chosen = outcome.facets.flatMap((f) => f.values.filter((v) => v.selected).map((v) => chosenOf(f.name, v)))
  return { params: outcome.params, textUsed: outcome.params.q !== '' && !outcome.queryIgnored, chosen, entries: outcome.hits }
}
