import type { FastifyInstance } from 'fastify'
import { NotFoundError } from '../../errors.ts'
import { translator } from '../../i18n/catalogue.ts'
import { isSlug } from '../../lib/slug.ts'
import { findPublishedCaseStudy } from '../case-studies/queries.ts'
import { sharePng } from './share-image.ts'

/** Share images kept, by case study and the time it last changed (an edit makes a new one). */
const kept = new Map<string, Buffer>()
const keepAtMost = 200

/** A published case study's share image (Open Graph, Twitter card), in the case study's own language. */
export async function shareRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { slug: string } }>('/case-studies/:slug/share.png', async (request, reply) => {
    if (!isSlug(request.params.slug)) throw new NotFoundError()
    const data = await findPublishedCaseStudy(app.deps.db, request.params.slug)
    if (!data) throw new NotFoundError()
    const cs = data.caseStudy
    const key = `${cs.id}:${cs.updatedAt.getTime()}`
    let png = kept.get(key)
    if (!png) {
      const t = translator(cs.language === 'cy' ? 'cy' : 'en')
      const lead = data.organisations.find((o) => o.role === 'lead')
      png = await sharePng({
        title: cs.title,
        networkName: app.deps.config.networkName,
        byline: lead ? t('insights.share.ledBy', { lead: lead.name }) : '',
        principles: t('insights.share.principles', { count: data.principles.length }),
      })
      kept.set(key, png)
      for (const oldest of kept.keys()) {
        if (kept.size <= keepAtMost) break
        kept.delete(oldest)
      }
    }
    return reply.type('image/png').header('cache-control', 'public, max-age=3600').header('etag', `"${key}"`).send(png)
  })
}
