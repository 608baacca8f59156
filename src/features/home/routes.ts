import type { FastifyInstance } from 'fastify'
import { loadListLinks } from '../case-studies/queries.ts'
import { listPrinciplesWithCounts } from '../principles/queries.ts'
import { presentHits } from '../search/present.ts'
import { searchCaseStudies } from '../search/search-query.ts'

export async function homeRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', { config: { pageCache: true } }, async (_request, reply) => {
    const { db } = app.deps
    const [principles, latest] = await Promise.all([
      listPrinciplesWithCounts(db),
      searchCaseStudies(db, { q: '', principleIds: [], kinds: [], year: null, memberIds: [], page: 1, pageSize: 5 }),
    ])
    const links = await loadListLinks(db, latest.hits.map((h) => h.id))
    return reply.render('home/views/index.njk', {
      title: app.deps.config.networkName,
      principles,
      totalCaseStudies: latest.total,
      latest: presentHits(latest.hits, links),
    })
  })
}
