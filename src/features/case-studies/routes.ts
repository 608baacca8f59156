import type { FastifyInstance } from 'fastify'
import { NotFoundError } from '../../errors.ts'
import { isSlug } from '../../lib/slug.ts'
import { presentCaseStudyPage } from './present.ts'
import { findPublishedCaseStudy } from './queries.ts'

export async function caseStudyRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { slug: string } }>('/case-studies/:slug', { config: { pageCache: true } }, async (request, reply) => {
    if (!isSlug(request.params.slug)) throw new NotFoundError()
    const data = await findPublishedCaseStudy(app.deps.db, request.params.slug)
    if (!data) throw new NotFoundError()
    const page = presentCaseStudyPage(data)
    return reply.render('case-studies/views/show.njk', {
      title: page.title,
      description: page.summary,
      section: 'case-studies',
      breadcrumbs: [
        { text: 'Home', href: '/' },
        { text: 'Case studies', href: '/case-studies' },
      ],
      cs: page,
    })
  })
}
