import type { FastifyInstance } from 'fastify'
import { NotFoundError } from '../../errors.ts'
import { isSlug } from '../../lib/slug.ts'
import { presentCaseStudyPage } from './present.ts'
import { findPublishedCaseStudy } from './queries.ts'
import { rankSimilar, reasonHtml } from './similar.ts'
import { findSimilarCandidates } from './similar-query.ts'
import { findProjectOfCaseStudy } from '../projects/queries.ts'
import { caseStudyHead } from '../insights/page-head.ts'

export async function caseStudyRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { slug: string } }>('/case-studies/:slug', { config: { pageCache: true } }, async (request, reply) => {
    if (!isSlug(request.params.slug)) throw new NotFoundError()
    const data = await findPublishedCaseStudy(app.deps.db, request.params.slug)
    if (!data) throw new NotFoundError()
    const { t, locale } = request
    const page = presentCaseStudyPage(data, t, locale)
    const { myKeys, candidates } = await findSimilarCandidates(app.deps.db, data.caseStudy.id, data.caseStudy.title)
    // A reason names what the two share, which is always among this case study's own links.
    const principleNames = new Map(data.principles.map((p) => [String(p.id), p.shortName]))
    const themeNames = new Map(data.themes.map((th) => [String(th.id), th.name]))
    // Its own translation is the same work, linked above, not a similar one.
    const others = candidates.filter((c) => c.slug !== data.translation?.slug)
    const similar = rankSimilar(myKeys, others, { principle: (id) => principleNames.get(id), theme: (id) => themeNames.get(id) }).map((s) => ({
      slug: s.slug,
      title: s.title,
      lang: s.language === locale ? undefined : s.language,
      reasonsHtml: s.reasons.map((reason) => reasonHtml(reason, t, page.lang)),
    }))
    return reply.render('case-studies/views/show.njk', {
      title: page.title,
      description: page.summary,
      section: 'case-studies',
      breadcrumbs: [
        { text: t('home.breadcrumb'), href: '/' },
        { text: t('caseStudies.show.breadcrumb'), href: '/case-studies' },
      ],
      cs: page,
      similar,
      // The project whose learning it records, when it came from one.
      fromProject: await findProjectOfCaseStudy(app.deps.db, data.caseStudy.id),
      ...caseStudyHead(data, app.deps.config),
    })
  })
}
