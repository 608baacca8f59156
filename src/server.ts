import type { FastifyInstance } from 'fastify'
import { buildApp } from './app.ts'
import type { Config } from './config.ts'
import { databaseTarget, describeDatabase, migrateDatabase, openDatabase, type DatabaseHandle } from './db/client.ts'
import { isDatabaseEmpty, loadDemoContent } from './features/demo/load-demo-content.ts'
import { pageSearchDeps } from './features/search/page-deps.ts'
import { prepareSearchEngine } from './features/search/run-search.ts'
import { buildAssets } from './web/assets.ts'
import { enlargeYoungGeneration } from './web/heap.ts'

/** Opens and migrates the database, loads the demo into an empty one, builds the app and listens. */
export async function startServer(config: Config): Promise<{ app: FastifyInstance; handle: DatabaseHandle }> {
  enlargeYoungGeneration()
  const [handle, assetVersion] = await Promise.all([openDatabase(databaseTarget(config)), buildAssets()])
  try {
    await migrateDatabase(handle.db)
    const app = await buildApp({ config, db: handle.db, dbKind: handle.kind, assetVersion })
    if (config.demoContent && (await isDatabaseEmpty(handle.db))) {
      const counts = await loadDemoContent(handle.db)
      app.log.info(counts, 'The database was empty: loaded the demo content')
    }
    await app.listen({ host: config.host, port: config.port })
    prepareSearchEngine(pageSearchDeps(app)).catch((error: unknown) => app.log.warn({ err: error }, 'search engine: could not be built at start; the first search tries again'))
    app.log.info(`coophub is serving ${config.networkName} at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} on ${describeDatabase(config)}`)

    let closing = false
    const shutdown = (signal: string) => {
      if (closing) return
      closing = true
      app.log.info(`${signal} received: closing`)
      const force = setTimeout(() => process.exit(1), 10_000)
      force.unref()
      void app
        .close()
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
