import type { FastifyInstance } from 'fastify'
import { paginationModel } from '../../web/pagination.ts'
import { loadListLinks } from '../case-studies/queries.ts'
import { listOrganisationChoices } from '../organisations/queries.ts'
import { listPrinciples } from '../principles/queries.ts'
import { presentFilters, presentHits, resultSummary } from './present.ts'
import { parseSearchParams, searchHref } from './search-params.ts'
import { listPublishedYears, searchCaseStudies } from './search-query.ts'

export const pageSize = 10

export async function searchRoutes(app: FastifyInstance): Promise<void> {
  app.get('/case-studies', { config: { pageCache: true } }, async (request, reply) => {
    const { db } = app.deps
    const { params, messages } = parseSearchParams(request.query as Record<string, unknown>)

    const cache = app.pageCache
    const [allPrinciples, members, years] = await Promise.all([
      cache.memo('principles', () => listPrinciples(db)),
      cache.memo('organisation-choices', () => listOrganisationChoices(db)),
      cache.memo('published-years', () => listPublishedYears(db)),
    ])
    const memberRows = members.filter((m) => m.slug === params.member)
    const principleIds: number[] = []
    for (const slug of params.principles) {
      const principle = allPrinciples.find((p) => p.slug === slug)
      if (principle) principleIds.push(principle.id)
      else messages.push(`We could not find the principle “${slug}”, so we ignored it.`)
    }
    params.principles = params.principles.filter((slug) => allPrinciples.some((p) => p.slug === slug))
    if (params.member && memberRows.length === 0) {
      messages.push(`We could not find the member “${params.member}”, so we ignored it.`)
      params.member = null
    }

    const result = await searchCaseStudies(db, {
      q: params.q,
      principleIds,
      kinds: params.kinds,
      year: params.year,
      memberIds: memberRows.map((m) => m.id),
      page: params.page,
      pageSize,
    })
    if (result.queryIgnored) {
      messages.push(`“${params.q}” has no words we can search for (very common words are left out), so we show every case study.`)
    }
    const totalPages = Math.max(1, Math.ceil(result.total / pageSize))
    if (params.page > totalPages && result.total > 0) {
      messages.push(`There ${totalPages === 1 ? 'is only 1 page' : `are only ${totalPages} pages`} of results.`)
    }
    const links = await loadListLinks(db, result.hits.map((h) => h.id))

    return reply.render('search/views/index.njk', {
      title: params.q ? `Search results for “${params.q}”` : 'Case studies',
      section: 'case-studies',
      params,
      messages,
      total: result.total,
      summary: resultSummary(result.total, result.queryIgnored ? '' : params.q),
      items: presentHits(result.hits, links),
      filters: presentFilters(params, { principles: allPrinciples, members, years }),
      hasFilters: params.principles.length > 0 || params.kinds.length > 0 || params.year !== null || params.member !== null,
      clearFiltersHref: searchHref({ ...params, principles: [], kinds: [], year: null, member: null, page: 1 }),
      lastPageHref: searchHref(params, { page: totalPages }),
      pagination: paginationModel(params.page, totalPages, (page) => searchHref(params, { page })),
    })
  })
}
