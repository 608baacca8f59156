import { createRequire } from 'node:module'
import path from 'node:path'
import fastifyCookie from '@fastify/cookie'
import fastifyCsrf from '@fastify/csrf-protection'
import fastifyFormbody from '@fastify/formbody'
import fastifyHelmet from '@fastify/helmet'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyInstance } from 'fastify'
import type { Config } from './config.ts'
import { redactedRequest } from './web/log-redaction.ts'
import type { Database, DatabaseKind } from './db/client.ts'
import { registerErrorHandlers } from './errors.ts'
import { registerSessions } from './features/accounts/sessions.ts'
import { createMailer, type Mailer } from './features/email/outbox.ts'
import { serviceNavigation } from './features/accounts/navigation.ts'
import { accountRoutes } from './features/accounts/routes.ts'
import { adminRoutes } from './features/admin/routes.ts'
import { publicationRoutes } from './features/publications/routes.ts'
import { apiRoutes } from './features/api/routes.ts'
import { exportRoutes } from './features/api/export-routes.ts'
import { feedRoutes } from './features/api/feed-routes.ts'
import { joinRoutes } from './features/membership/join-routes.ts'
import { purchaseOrderRoutes } from './features/membership/po-routes.ts'
import { callRoutes } from './features/co-production/routes.ts'
import { memberVoteRoutes } from './features/member-vote/routes.ts'
import { projectRoutes } from './features/projects/routes.ts'
import { eventRoutes } from './features/events/routes.ts'
import { assessmentRoutes } from './features/assessment/routes.ts'
import { sitemapRoutes } from './features/sitemap/routes.ts'
import { securityRoutes } from './features/security/routes.ts'
import { personalDataRoutes } from './features/personal-data/routes.ts'
import { caseStudyEditorRoutes } from './features/case-studies/editor-routes.ts'
import { caseStudyHistoryRoutes } from './features/case-studies/history-routes.ts'
import { dashboardRoutes } from './features/dashboard/routes.ts'
import { reviewRoutes } from './features/review/routes.ts'
import { caseStudyRoutes } from './features/case-studies/routes.ts'
import { healthRoutes } from './features/health/routes.ts'
import { homeRoutes } from './features/home/routes.ts'
import { importRoutes } from './features/import/routes.ts'
import { organisationRoutes } from './features/organisations/routes.ts'
import { principleRoutes } from './features/principles/routes.ts'
import { searchRoutes } from './features/search/routes.ts'
import { insightRoutes } from './features/insights/routes.ts'
import { SetUpLink } from './features/set-up/set-up-link.ts'
import { setUpRoutes } from './features/set-up/routes.ts'
import { sourceDir } from './runtime.ts'
import { buildDir } from './web/assets.ts'
import { registerCompression } from './web/compression.ts'
import { earlyErrorOptions, registerClosingRefusal } from './web/early-errors.ts'
import { registerPageCache } from './web/page-cache.ts'
import { registerProxyWarning } from './web/proxy-warning.ts'
import { registerLanguages, rewriteLanguageUrl } from './web/languages.ts'
import { registerRender } from './web/render.ts'
import { createViews, govukDist } from './web/views.ts'

export interface AppDeps {
  config: Config
  db: Database
  dbKind: DatabaseKind
  assetVersion: string
  /** Logging on by default; tests pass false. */
  logger?: boolean
  /** Where log lines go instead of standard output: a test reads them. */
  logStream?: { write(line: string): void }
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps
    mailer: Mailer
    /** Every route the app serves, as "METHOD /url", for the authorisation and CSRF tests. */
    routeTable: Array<{ method: string; url: string }>
  }
}

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps
  const app = Fastify({
    logger:
      deps.logger === false ? false : { level: config.logLevel, serializers: { req: redactedRequest }, ...(deps.logStream ? { stream: deps.logStream } : {}) },
    trustProxy: config.trustProxy,
    bodyLimit: 6 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 300 },
    // /cy/... is the Welsh of /...: routes are registered once, in English (web/languages.ts).
    rewriteUrl: rewriteLanguageUrl,
    ...earlyErrorOptions({ networkName: config.networkName, assetVersion: deps.assetVersion }),
  })
  app.decorate('deps', deps)
  registerClosingRefusal(app, { networkName: config.networkName, assetVersion: deps.assetVersion })
  app.decorate('mailer', createMailer(config, deps.db, app.log))
  app.decorate('routeTable', [])
  registerLanguages(app)
  app.decorate('setUpLink', new SetUpLink())
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    for (const method of methods) {
      app.routeTable.push({ method, url: route.url })
      // Every write checks its CSRF token: a route cannot forget to.
      if (writeMethods.has(method)) {
        const existing = route.preHandler ? (Array.isArray(route.preHandler) ? route.preHandler : [route.preHandler]) : []
        route.preHandler = [app.csrfProtection, ...existing]
      }
    }
  })

  await app.register(fastifyCookie)
  await app.register(fastifyFormbody, { bodyLimit: 1024 * 1024 })
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'coophub_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: config.https, signed: false },
    getToken: (request) => {
      const body = request.body as Record<string, unknown> | undefined
      const token = body && typeof body === 'object' ? body._csrf : undefined
      return typeof token === 'string' ? token : (request.headers['x-csrf-token'] as string | undefined)
    },
  })
  registerProxyWarning(app, config.trustProxy)
  registerSessions(app)

  await app.register(fastifyHelmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        // Plain-HTTP intranet installs must keep working: only upgrade when served over HTTPS.
        upgradeInsecureRequests: config.https ? [] : null,
      },
    },
    hsts: config.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  })

  const staticDir = path.join(sourceDir, 'web/static')
  await app.register(fastifyStatic, {
    root: [buildDir, staticDir],
    prefix: '/static/',
    maxAge: '1d',
    index: false,
    // The built stylesheet has .br and .gz copies beside it, and its address changes with its content.
    preCompressed: true,
    setHeaders: (reply, filePath) => {
      if (filePath.startsWith(buildDir + path.sep)) reply.header('cache-control', 'public, max-age=31536000, immutable')
    },
  })
  // Only the built scripts and styles of govuk-frontend and accessible-autocomplete, not their sources.
  const vendorFiles = new Set(['/govuk-frontend.min.js', '/accessible-autocomplete.min.js', '/accessible-autocomplete.min.css'])
  await app.register(fastifyStatic, {
    root: [path.join(govukDist, 'govuk'), path.dirname(createRequire(import.meta.url).resolve('accessible-autocomplete'))],
    prefix: '/assets/',
    decorateReply: false,
    index: false,
    maxAge: '1d',
    allowedPath: (pathName) => vendorFiles.has(pathName),
  })
  // Browsers and crawlers ask for it whatever the page's <link rel="icon"> says.
  app.get('/favicon.ico', (_request, reply) => reply.sendFile('favicon.ico', staticDir, { maxAge: '7d' }))

  const views = createViews({
    networkName: config.networkName,
    networkShortName: config.networkShortName,
    assetVersion: deps.assetVersion,
  })
  registerRender(app, views, serviceNavigation)
  registerCompression(app)
  registerPageCache(app, deps.db)
  registerErrorHandlers(app)

  await app.register(healthRoutes)
  await app.register(accountRoutes)
  await app.register(setUpRoutes)
  await app.register(adminRoutes)
  await app.register(homeRoutes)
  await app.register(searchRoutes)
  await app.register(insightRoutes)
  await app.register(caseStudyRoutes)
  await app.register(caseStudyEditorRoutes)
  await app.register(caseStudyHistoryRoutes)
  await app.register(dashboardRoutes)
  await app.register(reviewRoutes)
  await app.register(importRoutes)
  await app.register(principleRoutes)
  await app.register(organisationRoutes)
  await app.register(apiRoutes)
  await app.register(exportRoutes)
  await app.register(feedRoutes)
  await app.register(sitemapRoutes)
  await app.register(securityRoutes)
  await app.register(personalDataRoutes)
  await app.register(joinRoutes)
  await app.register(purchaseOrderRoutes)
  await app.register(callRoutes)
  await app.register(memberVoteRoutes)
  await app.register(projectRoutes)
  await app.register(eventRoutes)
  await app.register(assessmentRoutes)
  await app.register(publicationRoutes)
  return app
}
