import type { FastifyInstance } from 'fastify'
import type { Config } from './config.ts'
import { databaseTarget, describeDatabase, migrateDatabase, openDatabase, type DatabaseHandle } from './db/client.ts'
import { compileDatabaseForQuickStart, databaseYieldsToPages } from './db/embedded.ts'
import { buildAssets } from './web/assets.ts'
import { siteUrlAtStart } from './features/set-up/rules.ts'
import { enlargeYoungGeneration } from './web/heap.ts'

/** The port the server listens on: the configured one, or the one chosen for PORT=0. */
function listeningPort(app: FastifyInstance, configured: number): number {
  const address = app.server.address()
  return typeof address === 'object' && address ? address.port : configured
}

/** The app's code: loaded while the database opens (PGlite compiles and opens on its own thread). */
async function loadApp() {
  const [{ buildApp }, demo, { pageSearchDeps }, { prepareSearchEngine }, { scheduledJobs }, { offerSetUpLink }] = await Promise.all([
    import('./app.ts'),
    import('./features/demo/load-demo-content.ts'),
    import('./features/search/page-deps.ts'),
    import('./features/search/run-search.ts'),
    import('./jobs/scheduled-jobs.ts'),
    import('./features/set-up/start-up.ts'),
  ])
  return { buildApp, ...demo, pageSearchDeps, prepareSearchEngine, scheduledJobs, offerSetUpLink }
}

/**
 * The home page made once before listening, so that its first reader meets the page cache: the
 * layout compiles (a missing page needs no database) while the search engine reads the database.
 * A failure here is left to the first real request to meet and report.
 */
async function warmUp(app: FastifyInstance): Promise<void> {
  await Promise.all([app.inject('/coophub-start-up-warm-up-404'), app.inject('/')]).catch(() => undefined)
}

/** Opens and migrates the database, loads the demo into an empty one, builds the app and listens. */
export async function startServer(config: Config): Promise<{ app: FastifyInstance; handle: DatabaseHandle }> {
  enlargeYoungGeneration()
  compileDatabaseForQuickStart()
  const opening = openDatabase(databaseTarget(config, { shareSocket: true }))
  let code: Awaited<ReturnType<typeof loadApp>>
  let assetVersion: string
  try {
    ;[code, assetVersion] = await Promise.all([loadApp(), buildAssets(), opening])
  } catch (error) {
    await opening.then((handle) => handle.close()).catch(() => undefined)
    throw error
  }
  const handle = await opening
  try {
    await migrateDatabase(handle.db)
    const app = await code.buildApp({ config, db: handle.db, dbKind: handle.kind, assetVersion })
    if (config.demoContent && (await code.isDatabaseEmpty(handle.db))) {
      const context = code.demoContext({ network: config.networkName, baseUrl: siteUrlAtStart(config, config.port) })
      const counts = await code.loadDemoContent(handle.db, undefined, context)
      app.log.info(counts, 'The database was empty: loaded the demo content')
    }
    code
      .prepareSearchEngine(code.pageSearchDeps(app))
      .catch((error: unknown) => app.log.warn({ err: error }, 'search engine: could not be built at start; the first search tries again'))
    await warmUp(app)
    await app.listen({ host: config.host, port: config.port })
    databaseYieldsToPages()
    // Scheduled work starts once the site answers: it is never in the way of the first page.
    const scheduler = import('./jobs/scheduler.ts')
      .then(({ startScheduler }) => startScheduler(handle.pool, code.scheduledJobs(app), app.log))
      .catch((error: unknown) => {
        app.log.error(
          { err: error },
          'scheduled work could not start: digests, email retries and the daily membership job (reminders, renewals) will not run until coophub restarts',
        )
        return null
      })
    app.log.info(
      `coophub is serving ${config.networkName} at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} on ${describeDatabase(config)}`,
    )
    const setUp = await code.offerSetUpLink(app, siteUrlAtStart(config, listeningPort(app, config.port)))
    if (setUp) {
      app.log.info(setUp.log)
      // Plain lines as well: the link must stand out in `npm start`'s output, whatever the log level.
      console.log(setUp.lines.join('\n'))
    }

    let closing = false
    const shutdown = (signal: string) => {
      if (closing) return
      closing = true
      app.log.info(`${signal} received: closing`)
      const force = setTimeout(() => process.exit(1), 10_000)
      force.unref()
      // The door closes first: the scheduler can take seconds to stop, and requests arriving
      // meanwhile would start work the database is about to lose.
      void Promise.all([app.close(), scheduler.then((s) => s?.stop()).catch(() => undefined)])
        .then(() => handle.close())
        .then(() => process.exit(0))
    }
    process.once('SIGTERM', () => shutdown('SIGTERM'))
    process.once('SIGINT', () => shutdown('SIGINT'))
    return { app, handle }
  } catch (error) {
    await handle.close()
    throw error
  }
}
