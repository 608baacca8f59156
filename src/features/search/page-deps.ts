import type { FastifyInstance } from 'fastify'
import type { SearchDeps } from './run-search.ts'

/**
 * What an HTML page that searches (the search page, the home page, a principle's page) gives
 * runSearch: the page cache's memo, and the search engine from before a change while it is built
 * again. Such a page is then rendered with `{ cache: !outcome.stale }`.
 */
export function pageSearchDeps(app: FastifyInstance): Required<SearchDeps> {
  const cache = app.pageCache
  return { db: app.deps.db, memo: cache.memo.bind(cache), memoOrPrevious: cache.memoOrPrevious.bind(cache) }
}
