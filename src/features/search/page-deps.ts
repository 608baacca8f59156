import type { FastifyInstance } from 'fastify'
import type { SearchDeps } from './run-search.ts'

/**
 * What an HTML page that searches (the search page, the home page, a principle's page) gives
 * runSearch: the page cache's memo. Such a page is rendered with `{ cache: !outcome.stale }`: an
 * engine catching up with a large change in the background answers meanwhile, and its pages are
 * not kept.
 */
export function pageSearchDeps(app: FastifyInstance): SearchDeps {
  const cache = app.pageCache
  return {
    db: app.deps.db,
    memo: cache.memo.bind(cache),
    onEngineError: (error) => app.log.warn({ err: error }, 'search engine: a change could not be read; it is read again'),
  }
}
