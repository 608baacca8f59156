import type { FastifyInstance } from 'fastify'
import { NotFoundError } from '../../errors.ts'
import { isSlug } from '../../lib/slug.ts'
import { paginationModel } from '../../web/pagination.ts'
import { listedIn } from '../case-studies/present.ts'
import { presentHits } from '../search/present.ts'
import { pageSearchDeps } from '../search/page-deps.ts'
import { runSearch } from '../search/run-search.ts'
import { findPrinciple, listPrinciplesWithCounts } from './queries.ts'
import { inLanguage } from './wording.ts'

const pageSize = 20

export async function principleRoutes(app: FastifyInstance): Promise<void> {
  app.get('/principles', { config: { pageCache: true } }, async (request, reply) => {
    const principles = (await listPrinciplesWithCounts(app.deps.db)).map((p) => inLanguage(p, request.locale))
    return reply.render('principles/views/index.njk', {
      title: request.t('principles.index.title'),
      section: 'principles',
      principles,
    })
  })

  app.get<{ Params: { slug: string }; Querystring: Record<string, unknown> }>('/principles/:slug', { config: { pageCache: true } }, async (request, reply) => {
    if (!isSlug(request.params.slug)) throw new NotFoundError()
    const found = await findPrinciple(app.deps.db, request.params.slug)
    if (!found) throw new NotFoundError()
    const principle = inLanguage(found, request.locale)
    const result = await runSearch(
      pageSearchDeps(app),
      { principle: principle.slug, page: request.query.page },
      { pageSize, snippets: false, language: request.locale },
    )
    const { params, messages } = result
    const totalPages = result.totalPages
    const href = (page: number) => `/principles/${principle.slug}${page > 1 ? `?page=${page}` : ''}`
    return reply.render(
      'principles/views/show.njk',
      {
        title: principle.shortName,
        section: 'principles',
        breadcrumbs: [
          { text: request.t('home.breadcrumb'), href: '/' },
          { text: request.t('principles.index.title'), href: '/principles' },
        ],
        principle,
        messages,
        total: result.total,
        items: listedIn(request.t, presentHits(result.hits), result.hits),
        searchHref: `/case-studies?principle=${principle.slug}`,
        pagination: paginationModel(params.page, totalPages, href),
      },
      { cache: !result.stale },
    ) // see pageSearchDeps
  })
}
