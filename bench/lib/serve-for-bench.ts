// The app as `coophub serve` builds it, plus one static route per page given on the command line
// (`/__bench/static/<n>`) that answers with that page's bytes: the reference the benchmark compares
// the page with, served by the same process; and `/__bench/loop-delay`, the event-loop delay since
// its previous call (how long ready work waited for the main thread). Prints `BENCH_READY {json}` once it listens on a free
// loopback port; stops on SIGTERM or when its parent closes its stdin.
import type { AddressInfo } from 'node:net'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { buildApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config.ts'
import { databaseTarget, migrateDatabase, openDatabase } from '../../src/db/client.ts'
import { compileDatabaseForQuickStart, databaseYieldsToPages } from '../../src/db/embedded.ts'
import { isDatabaseEmpty, loadDemoContent } from '../../src/features/demo/load-demo-content.ts'
import type { LiveSearchEngine } from '../../src/features/search/live-search-engine.ts'
import { pageSearchDeps } from '../../src/features/search/page-deps.ts'
import { liveSearchEngine } from '../../src/features/search/run-search.ts'
import { buildAssets } from '../../src/web/assets.ts'
import { enlargeYoungGeneration } from '../../src/web/heap.ts'

export interface LoopDelay {
  p99Ms: number
  maxMs: number
}

export interface BenchServerInfo {
  port: number
  pages: Array<{ path: string; staticPath: string; bytes: number; contentType: string }>
}

const pagePaths = process.argv.slice(2)
// As `coophub serve` (src/server.ts).
enlargeYoungGeneration()
compileDatabaseForQuickStart()
const config = loadConfig({ ...process.env, HOST: '127.0.0.1', PORT: '0' })
const [handle, assetVersion] = await Promise.all([openDatabase(databaseTarget(config)), buildAssets()])
await migrateDatabase(handle.db)
if (await isDatabaseEmpty(handle.db)) await loadDemoContent(handle.db)
const app = await buildApp({ config, db: handle.db, dbKind: handle.kind, assetVersion })

// Routes must exist before the app is ready; their bytes are filled in once it can serve the pages.
const copies: Array<{ body: Buffer; contentType: string }> = pagePaths.map(() => ({ body: Buffer.alloc(0), contentType: 'text/plain' }))
copies.forEach((copy, n) => {
  app.get(`/__bench/static/${n}`, (_request, reply) => reply.type(copy.contentType).send(copy.body))
})

const resolutionMs = 10
const delay = monitorEventLoopDelay({ resolution: resolutionMs })
delay.enable()
app.get('/__bench/loop-delay', (_request, reply) => {
  // The histogram counts the sampling interval too: subtract it to keep only the delay.
  const ms = (ns: number): number => Math.max(0, Math.round((ns / 1e6 - resolutionMs) * 10) / 10)
  const figures: LoopDelay = { p99Ms: ms(delay.percentile(99)), maxMs: ms(delay.max) }
  delay.reset()
  return reply.header('cache-control', 'no-store').send(figures)
})

// The search engine's figures (case studies held, whether it is catching up, bytes), once it is built.
let engine: LiveSearchEngine | null = null
app.get('/__bench/search-engine', (_request, reply) => {
  const { heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage()
  const memory = { heapUsed, heapTotal, external, arrayBuffers }
  return reply
    .header('cache-control', 'no-store')
    .send(engine ? { ready: true, stale: engine.current().stale, ...engine.stats, memory } : { ready: false, memory })
})

let closing = false
const shutdown = (): void => {
  if (closing) return
  closing = true
  setTimeout(() => process.exit(1), 10_000).unref()
  void app
    .close()
    .then(() => handle.close())
    .then(() => process.exit(0))
}
process.once('SIGTERM', shutdown)
process.once('SIGINT', shutdown)
process.stdin.on('end', shutdown)
process.stdin.resume()

await app.listen({ host: config.host, port: 0 })
databaseYieldsToPages()
// As `coophub serve`: the search engine is built at start.
void liveSearchEngine(pageSearchDeps(app)).then(
  (built) => (engine = built),
  () => undefined,
)
for (const [n, pagePath] of pagePaths.entries()) {
  const response = await app.inject({ method: 'GET', url: pagePath })
  if (response.statusCode !== 200) throw new Error(`GET ${pagePath} answered ${response.statusCode}`)
  copies[n]!.body = response.rawPayload
  copies[n]!.contentType = String(response.headers['content-type'])
}
const info: BenchServerInfo = {
  port: (app.server.address() as AddressInfo).port,
  pages: pagePaths.map((pagePath, n) => ({
    path: pagePath,
    staticPath: `/__bench/static/${n}`,
    bytes: copies[n]!.body.length,
    contentType: copies[n]!.contentType,
  })),
}
console.log(`BENCH_READY ${JSON.stringify(info)}`)
