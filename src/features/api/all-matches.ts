import { allHits, type SearchDeps } from '../search/run-search.ts'
import type { SearchHit } from '../search/search-types.ts'

export const exportPageSize = 100

/**
 * Every match of a search, in the search's order, a batch at a time: the exports stream these
 * and never hold the whole result. The address's own `page` is ignored.
 */
export function allMatchPages(deps: SearchDeps, raw: Record<string, unknown>, pageSize = exportPageSize): AsyncGenerator<SearchHit[]> {
  return allHits(deps, raw, pageSize)
}
