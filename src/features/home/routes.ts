import type { FastifyInstance } from 'fastify'
import { listedIn } from '../case-studies/present.ts'
import { listPrinciplesWithCounts } from '../principles/queries.ts'
import { inLanguage } from '../principles/wording.ts'
import { presentHits } from '../search/present.ts'
import { pageSearchDeps } from '../search/page-deps.ts'
import { runSearch } from '../search/run-search.ts'

export async function homeRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', { config: { pageCache: true } }, async (request, reply) => {
    const { db } = app.deps
    const [principles, latest] = await Promise.all([
      listPrinciplesWithCounts(db),
      runSearch(pageSearchDeps(app), {}, { pageSize: 5, snippets: false, language: request.locale }),
    ])
    return reply.render(
      'home/views/index.njk',
      {
        title: app.deps.config.networkName,
        principles: principles.map((p) => inLanguage(p, request.locale)),
        totalCaseStudies: latest.total,
        latest: listedIn(request.t, presentHits(latest.hits), latest.hits),
      },
      { cache: !latest.stale },
    )
  })
}
