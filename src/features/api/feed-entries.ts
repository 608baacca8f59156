import type { SearchDeps } from '../search/run-search.ts'
import { runSearch } from '../search/run-search.ts'
import type { SearchParams } from '../search/query-string.ts'
import type { SearchHit } from '../search/search-types.ts'

export const feedSize = 20

export interface FeedSearch {
  /** What was searched, unknown values taken out (the feed's own address is made from it). */
  params: SearchParams
  textUsed: boolean
  /** The filters chosen, as "Principle: Sharing power", for the feed's title. */
  chosen: string[]
  entries: SearchHit[]
}

/**
 * The newest published matches of a search's address, by publication date whatever order the
 * address asks for: a feed reader wants what is new.
 */
export async function findFeedEntries(deps: SearchDeps, raw: Record<string, unknown>, limit = feedSize): Promise<FeedSearch> {
  const { page: _page, sort: _sort, ...rest } = raw
  const outcome = await runSearch(deps, rest, { pageSize: limit, snippets: false, order: 'published' })
  const chosen = outcome.facets.flatMap((f) => f.values.filter((v) => v.selected).map((v) => `${f.label}: ${v.label}`))
  return { params: outcome.params, textUsed: outcome.params.q !== '' && !outcome.queryIgnored, chosen, entries: outcome.hits }
}
