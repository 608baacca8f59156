import path from 'node:path'
import fastifyHelmet from '@fastify/helmet'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyInstance } from 'fastify'
import type { Config } from './config.ts'
import type { Database, DatabaseKind } from './db/client.ts'
import { registerErrorHandlers } from './errors.ts'
import { caseStudyRoutes } from './features/case-studies/routes.ts'
import { healthRoutes } from './features/health/routes.ts'
import { homeRoutes } from './features/home/routes.ts'
import { organisationRoutes } from './features/organisations/routes.ts'
import { principleRoutes } from './features/principles/routes.ts'
import { searchRoutes } from './features/search/routes.ts'
import { buildDir } from './web/assets.ts'
import { registerRender } from './web/render.ts'
import { createViews, govukDist } from './web/views.ts'

export interface AppDeps {
  config: Config
  db: Database
  dbKind: DatabaseKind
  assetVersion: string
  /** Logging on by default; tests pass false. */
  logger?: boolean
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps
  }
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps
  const app = Fastify({
    logger: deps.logger === false ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 6 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 300 },
  })
  app.decorate('deps', deps)

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

  await app.register(fastifyStatic, {
    root: [buildDir, path.resolve(import.meta.dirname, 'web/static')],
    prefix: '/static/',
    maxAge: '1d',
    index: false,
  })
  // Only govuk-frontend's built script, not its template sources.
  await app.register(fastifyStatic, {
    root: path.join(govukDist, 'govuk'),
    prefix: '/assets/',
    decorateReply: false,
    index: false,
    maxAge: '1d',
    allowedPath: (pathName) => pathName === '/govuk-frontend.min.js',
  })
  app.get('/robots.txt', (_request, reply) =>
    reply.sendFile('robots.txt', path.resolve(import.meta.dirname, 'web/static')),
  )

  const views = createViews({
    networkName: config.networkName,
    networkShortName: config.networkShortName,
    assetVersion: deps.assetVersion,
  })
  registerRender(app, views)
  registerErrorHandlers(app)

  await app.register(healthRoutes)
  await app.register(homeRoutes)
  await app.register(searchRoutes)
  await app.register(caseStudyRoutes)
  await app.register(principleRoutes)
  await app.register(organisationRoutes)
  return app
}
