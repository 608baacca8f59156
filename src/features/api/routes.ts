import type { FastifyError, FastifyInstance } from 'fastify'
import { isSlug } from '../../lib/slug.ts'
import { findPublishedCaseStudy } from '../case-studies/queries.ts'
import { listPrinciplesWithCounts } from '../principles/queries.ts'
import { runSearch } from '../search/run-search.ts'
import { openDataHeaders, searchDeps } from './headers.ts'
import { openApiDocument } from './openapi.ts'
import { siteUrl } from '../../web/base-url.ts'
import { parsePerPage } from './per-page.ts'
import { presentCaseStudy, presentMembers, presentPrinciples, presentSearch } from './present.ts'
import { sendProblem } from './problem.ts'
import { listMembersForApi } from './queries.ts'
import { referencePage } from './reference.ts'
import { isDatabaseUnavailable, isStorageFull } from '../../db/unavailable.ts'
import { databaseRetryAfterSeconds, storageFullRetryAfterSeconds, TooManyRequestsError } from '../../errors.ts'
import { coverageOf } from '../insights/coverage-counts.ts'
import { coverageJson } from '../insights/coverage-data.ts'
import { openDataLimit } from '../../web/open-data-limit.ts'

const jsonType = 'application/json; charset=utf-8'

/** The readable reference at /api, and the JSON API under it. */
export async function apiRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', openDataLimit(app))
  // A cached page must not show the Host header of whoever asked first: without PUBLIC_URL the
  // examples are paths.
  const examplesBase = app.deps.config.publicUrl?.replace(/\/+$/, '') ?? ''
  app.get('/api', { config: { pageCache: true } }, async (request, reply) =>
    reply.render('api/views/index.njk', {
      title: request.t('api.page.title'),
      ...referencePage(examplesBase, app.deps.config.networkName, request.t, request.locale),
    }),
  )
  await app.register(jsonApi, { prefix: '/api' })
}

/** Everything under /api/ answers JSON, errors included (RFC 9457 problem details). */
async function jsonApi(app: FastifyInstance): Promise<void> {
  app.setNotFoundHandler(async (request, reply) => sendProblem(request, reply, 404, request.t('api.problem.noAddress')))
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable')
      reply.header('retry-after', String(databaseRetryAfterSeconds))
      return sendProblem(request, reply, 503, request.t('api.problem.unavailable'))
    }
    if (isStorageFull(error)) {
      request.log.error({ err: error }, 'the disk holding the data is full: writes fail until space is freed; reads go on')
      reply.header('retry-after', String(storageFullRetryAfterSeconds))
      return sendProblem(request, reply, 503, request.t('api.problem.storageFull'))
    }
    if (error instanceof TooManyRequestsError) {
      if (error.retryAfter !== undefined) reply.header('retry-after', String(error.retryAfter))
      return sendProblem(request, reply, 429, request.t('api.problem.tooMany'))
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500
    if (status >= 500) request.log.error({ err: error }, 'API request failed')
    // Fastify's own 4xx messages (bad content types, bad addresses) are safe to show, in its English; nothing else is.
    const detail = status >= 500 ? request.t('api.problem.serverError') : error.code?.startsWith('FST_') ? error.message : request.t('api.problem.unusable')
    return sendProblem(request, reply, status, detail)
  })

  app.get('/openapi.json', async (_request, reply) => openDataHeaders(reply, jsonType).send(openApiDocument))

  app.get('/v1/case-studies', async (request, reply) => {
    const query = request.query as Record<string, unknown>
    const perPage = parsePerPage(query.per_page, request.t)
    if (!perPage.ok) return sendProblem(request, reply, 400, perPage.detail)
    const outcome = await runSearch(searchDeps(app), query, { pageSize: perPage.value, snippets: false })
    return openDataHeaders(reply, jsonType).send(presentSearch(outcome, siteUrl(app.deps.config, request)))
  })

  app.get<{ Params: { slug: string } }>('/v1/case-studies/:slug', async (request, reply) => {
    const { slug } = request.params
    const data = isSlug(slug) ? await findPublishedCaseStudy(app.deps.db, slug) : null
    if (!data) return sendProblem(request, reply, 404, request.t('api.problem.noCaseStudy'))
    return openDataHeaders(reply, jsonType).send(presentCaseStudy(data, siteUrl(app.deps.config, request)))
  })

  app.get('/v1/principles', async (request, reply) => {
    const rows = await listPrinciplesWithCounts(app.deps.db)
    return openDataHeaders(reply, jsonType).send(presentPrinciples(rows, siteUrl(app.deps.config, request)))
  })

  app.get('/v1/insights/coverage', async (request, reply) => {
    const coverage = await coverageOf(searchDeps(app), undefined)
    return openDataHeaders(reply, jsonType).send(coverageJson(coverage, siteUrl(app.deps.config, request)))
  })

  app.get('/v1/members', async (request, reply) => {
    const rows = await listMembersForApi(app.deps.db)
    return openDataHeaders(reply, jsonType).send(presentMembers(rows, siteUrl(app.deps.config, request)))
  })
}
