// The insight pages of issue 18 alone (`npm run bench:insights`): what bench:search measures of
// them, without its hour of searches. Per database: the largest size of BENCH_SEARCH_SIZES loaded
// (or, on PostgreSQL, BENCH_INSIGHTS_DATABASE_URL, a database already loaded, kept as it is), one
// server answers the search mix on one connection (its p95 is the reference), then the insight
// pages (bench/lib/insight-pages.ts). Writes its section of docs/benchmarks.md.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startBenchServer } from './lib/bench-server.ts'
import { measureInsightPages } from './lib/insight-pages.ts'
import { count } from './lib/latency.ts'
import { createBenchDatabase, type BenchDatabase } from './lib/postgres.ts'
import { killAllChildren, repoRoot } from './lib/processes.ts'
import { machineDescription, markdownTable, writeSection, type Row } from './lib/report.ts'
import { buildAddresses, buildWarmUp } from './lib/search-addresses.ts'
import { countCaseStudies, loadCaseStudies, readFilterValues } from './lib/search-data.ts'
import { openBenchDatabase } from './lib/search-database-only.ts'
import { searchPass } from './lib/search-end-to-end.ts'
import * as settings from './lib/search-settings.ts'
import { embeddedDatabase, serverDatabase, type DatabaseUnderTest } from './lib/targets.ts'

const largest = settings.sizes[settings.sizes.length - 1]!
/** PGlite's size when it differs (BENCH_INSIGHTS_PGLITE_SIZE): its bulk load is ten times slower than PostgreSQL's. */
const pgliteSize = Number(process.env.BENCH_INSIGHTS_PGLITE_SIZE ?? largest)
const rows: Row[] = []

async function runDatabase(database: DatabaseUnderTest, loaded: boolean): Promise<void> {
  const size = database.label === 'PGlite' ? pgliteSize : largest
  console.log(`\n== [${database.label}] ${count(size)} case studies`)
  if (!loaded) await loadCaseStudies(database, size, settings.seed, settings.loadLimitMs)
  const handle = await openBenchDatabase(database)
  const { addresses, warmUp, published } = await (async () => {
    try {
      const values = await readFilterValues(handle.db)
      const addresses = buildAddresses(values, settings.addressCount, settings.seed)
      return { addresses, warmUp: buildWarmUp(addresses, values, 80, settings.seed), published: (await countCaseStudies(handle.db)).published }
    } finally {
      await handle.close()
    }
  })()
  console.log(`  [${database.label}] ${count(published)} published case studies`)
  const server = await startBenchServer(database, [], 600_000)
  try {
    const pass = await searchPass(server, addresses, warmUp, { connections: 1, passLimitMs: settings.passLimitMs, label: `[${database.label}] search mix` })
    rows.push(await measureInsightPages(server, addresses, database.label, size, pass.answers))
  } finally {
    await server.stop()
  }
}

async function main(): Promise<void> {
  const began = performance.now()
  const loadBefore = os.loadavg()[0]!.toFixed(2)
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'coophub-bench-insights-'))
  let pg: BenchDatabase | null = null
  process.once('exit', killAllChildren)
  try {
    for (const name of settings.databases) {
      if (name === 'pglite') {
        await runDatabase(embeddedDatabase(dataDir), false)
        continue
      }
      const given = process.env.BENCH_INSIGHTS_DATABASE_URL
      if (!given) pg = await createBenchDatabase()
      await runDatabase(serverDatabase(given ?? pg!.url), Boolean(given))
    }
  } finally {
    killAllChildren()
    await pg?.drop().catch((error: unknown) => console.error(`Could not drop the bench database: ${String(error)}`))
    rmSync(dataDir, { recursive: true, force: true })
  }
  const minutes = ((performance.now() - began) / 60_000).toFixed(1)
  const table = markdownTable(rows)
  const body = [
    `Run on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC in ${minutes} min — ${machineDescription()}; load average ${loadBefore} at the start, ${os.loadavg()[0]!.toFixed(2)} at the end. Seed ${settings.seed}, ${settings.addressCount} addresses.`,
    '`npm run bench:insights` (BENCH_SEARCH_SIZES, BENCH_SEARCH_DATABASES and BENCH_SEARCH_ADDRESSES as for bench:search; BENCH_INSIGHTS_DATABASE_URL: a PostgreSQL database already loaded; BENCH_INSIGHTS_PGLITE_SIZE: another size on PGlite). bench:search measures the same rows at each of its sizes.',
    table,
    'A server that has just answered the search mix (the reference: its p95 on one connection) is asked, once each, for /insights, /cy/insights and /api/v1/insights/coverage, then for the map (/case-studies/map) of every address of the mix: none comes from the page cache. The coverage and the charts of case studies are counted from the search engine’s facet index (every key’s count as a search counts it, and bit-set intersections for the cross tables: no SQL over case studies), kept until content changes; only members and money come from SQL, over small tables.',
  ].join('\n\n')
  writeSection(path.join(repoRoot, 'docs/benchmarks.md'), '## Insight pages (issue 18)', body)
  console.log(`\n${table}\n\nWritten to docs/benchmarks.md (${minutes} min).`)
  if (rows.some((r) => r.pass === false)) process.exitCode = 1
}

await main()
