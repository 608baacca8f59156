import type { FastifyInstance } from 'fastify'
import { feedFromSearch, renderAtom } from './atom.ts'
import { findFeedEntries } from './feed-entries.ts'
import { openDataHeaders, searchDeps } from './headers.ts'
import { siteUrl } from '../../web/base-url.ts'
import { openDataLimit } from '../../web/open-data-limit.ts'

/** An Atom feed of any search: the newest published case studies matching its filters; under /cy, the Welsh feed of Welsh pages. */
export async function feedRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', openDataLimit(app))
  app.get('/case-studies.atom', async (request, reply) => {
    const search = await findFeedEntries(searchDeps(app), request.query as Record<string, unknown>)
    const feed = feedFromSearch(search, siteUrl(app.deps.config, request), app.deps.config.networkName, { locale: request.locale, t: request.t })
    return openDataHeaders(reply, 'application/atom+xml; charset=utf-8').send(renderAtom(feed))
  })
}
