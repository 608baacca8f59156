import type { FastifyInstance } from 'fastify'
import { paginationModel } from '../../web/pagination.ts'
import { presentChosen, presentFacets, presentHits, presentSort, removalSuggestions, resultSummary } from './present.ts'
import { emptySearch, hasFilters, searchHref } from './search-params.ts'
import { runSearch } from './run-search.ts'

export const pageSize = 10

export async function searchRoutes(app: FastifyInstance): Promise<void> {
  app.get('/case-studies', { config: { pageCache: true } }, async (request, reply) => {
    const deps = { db: app.deps.db, memo: app.pageCache.memo.bind(app.pageCache), memoOrPrevious: app.pageCache.memoOrPrevious.bind(app.pageCache) }
    const outcome = await runSearch(deps, request.query as Record<string, unknown>, { pageSize })
    const { params } = outcome
    return reply.render('search/views/index.njk', {
      title: params.q ? `Search results for “${params.q}”` : 'Case studies',
      section: 'case-studies',
      params,
      messages: outcome.messages,
      total: outcome.total,
      summary: resultSummary(outcome.total, outcome.queryIgnored ? '' : params.q),
      items: presentHits(outcome.hits),
      facets: presentFacets(outcome.facets),
      chosen: presentChosen(params, outcome.facets),
      sortItems: presentSort(params, outcome.sort),
      suggestion: outcome.suggestion,
      removals: removalSuggestions(outcome),
      hasFilters: hasFilters(params),
      clearFiltersHref: searchHref({ ...emptySearch, q: params.q, sort: params.sort }),
      feedHref: searchHref(params, { page: 1 }, '/case-studies.atom'),
      csvHref: searchHref(params, { page: 1 }, '/case-studies.csv'),
      jsonHref: searchHref(params, { page: 1 }, '/case-studies.json'),
      lastPageHref: searchHref(params, { page: outcome.totalPages }),
      pagination: paginationModel(params.page, outcome.totalPages, (page) => searchHref(params, { page })),
      // Counted while the search engine is built again after a change: not kept in the page cache.
    }, { cache: !outcome.stale })
  })
}
