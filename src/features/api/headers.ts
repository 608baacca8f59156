import type { FastifyInstance, FastifyReply } from 'fastify'
import type { SearchDeps } from '../search/run-search.ts'

/** Open data changes when an editor publishes: a minute's staleness in shared caches is fine. */
export const publicCache = 'public, max-age=60'

/** Open data may be read by any site's scripts (CORS) and embedded anywhere (CORP). */
export function openDataHeaders(reply: FastifyReply, contentType: string): FastifyReply {
  return reply
    .type(contentType)
    .header('cache-control', publicCache)
    .header('access-control-allow-origin', '*')
    .header('cross-origin-resource-policy', 'cross-origin')
}

/** What runSearch needs from the app: the database, and the page cache's memo for vocabulary and counts. */
export function searchDeps(app: FastifyInstance): SearchDeps {
  return { db: app.deps.db, memo: app.pageCache.memo.bind(app.pageCache) }
}
