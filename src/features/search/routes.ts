import type { FastifyInstance } from 'fastify'
import { urlIn } from '../../i18n/locales.ts'
import { paginationModel } from '../../web/pagination.ts'
import { presentChosen, presentFacets, presentHits, presentSort, removalSuggestions, resultSummary } from './present.ts'
import { emptySearch, hasFilters, searchHref } from './query-string.ts'
import { pageSearchDeps } from './page-deps.ts'
import { runSearch } from './run-search.ts'
import { searchPageContent, searchPageHead } from './search-page.ts'
import type { SearchPageView } from './search-page.ts'

export const pageSize = 10

export async function searchRoutes(app: FastifyInstance): Promise<void> {
  app.get('/case-studies', { config: { pageCache: true } }, async (request, reply) => {
    const outcome = await runSearch(pageSearchDeps(app), request.query as Record<string, unknown>, { pageSize, forgiving: true, language: request.locale })
    const { params } = outcome
    const { t, locale } = request
    const language = { t, locale }
    // Counted by the search engine from before a change while it is built again: not kept in the page cache.
    const cache = !outcome.stale
    const view: SearchPageView = {
      t,
      locale,
      url: (address) => urlIn(locale, address),
      params,
      messages: outcome.notices.map((m) => t(m.key, m.values)),
      total: outcome.total,
      summary: resultSummary(outcome.total, outcome.queryIgnored ? '' : (outcome.corrected?.q ?? params.q), t),
      items: presentHits(outcome.hits, t),
      facets: presentFacets(outcome.facets, language),
      chosen: presentChosen(params, outcome.facets, language),
      sortItems: presentSort(params, outcome.sort, t),
      suggestion: outcome.suggestion,
      corrected: outcome.corrected,
      someWords: outcome.someWords,
      removals: removalSuggestions(outcome, language),
      hasFilters: hasFilters(params),
      clearFiltersHref: searchHref({ ...emptySearch, q: params.q, sort: params.sort }),
      feedHref: searchHref(params, { page: 1 }, '/case-studies.atom'),
      csvHref: searchHref(params, { page: 1 }, '/case-studies.csv'),
      mapHref: searchHref(params, { page: 1 }, '/case-studies/map'),
      jsonHref: searchHref(params, { page: 1 }, '/case-studies.json'),
      lastPageHref: searchHref(params, { page: outcome.totalPages }),
      pagination: paginationModel(params.page, outcome.totalPages, (page) => searchHref(params, { page })),
    }
    const title = params.q ? t('search.page.titleWithQuery', { q: params.q }) : t('search.page.title')
    const description = [view.summary, ...view.items.slice(0, 3).map((item) => item.title)].join(' — ')
    return reply.renderHtml(
      { title, description, section: 'case-studies', head: searchPageHead(view), content: searchPageContent(view), linksInLanguage: true },
      { cache },
    )
  })
}
