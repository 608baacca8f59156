// The search service called directly, without HTTP or rendering: the "database part alone" of the issue
// (with whatever the service computes in memory).
import { runSearch, type SearchDeps } from '../../src/features/search/run-search.ts'

export type { SearchDeps }
/** A query string as an object: one string per key, or an array for a repeated key. */
export type RawQuery = Record<string, string | string[]>
export type Memo = SearchDeps['memo']

/**
 * A memo that keeps every value for as long as it is used, as the app's page cache keeps lists
 * and facet counts until content changes.
 */
export function runMemo(): Memo {
  const values = new Map<string, Promise<unknown>>()
  return <T>(key: string, load: () => Promise<T>): Promise<T> => {
    let value = values.get(key) as Promise<T> | undefined
    if (!value) {
      value = load()
      values.set(key, value)
    }
    return value
  }
}

/** `new URLSearchParams(qs)` as an object, with arrays for repeated keys (what Fastify gives a route). */
export function rawQuery(queryString: string): RawQuery {
  const raw: RawQuery = {}
  for (const [key, value] of new URLSearchParams(queryString)) {
    const current = raw[key]
    raw[key] = current === undefined ? value : Array.isArray(current) ? [...current, value] : [current, value]
  }
  return raw
}

/** Runs one search as the search page does (its page size, snippets), returning how many case studies matched. */
export async function searchDirect(deps: SearchDeps, raw: RawQuery): Promise<{ total: number }> {
  const outcome = await runSearch(deps, raw, { pageSize: 10 })
  return { total: outcome.total }
}
