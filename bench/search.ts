// Benchmark for issue 5 (search at scale): the search page end to end over HTTP and the search
// service alone, at 10,000 and 100,000 synthetic case studies, on PGlite and PostgreSQL; how p95
// grows with the data; and a cached case-study page beside nginx serving the same bytes. For issue
// 11, on PostgreSQL: a server following the bulk load and 1,000 edits (edit → visible there and on a
// second server, peak memory) and the search engine's own memory. Writes its section of
// docs/benchmarks.md. Options: bench/lib/search-settings.ts (BENCH_SEARCH_* variables).
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startBenchServer, type BenchServer } from './lib/bench-server.ts'
import { measureCachedPageVsNginx } from './lib/cached-page-vs-nginx.ts'
import { measureInsightPages } from './lib/insight-pages.ts'
import { count } from './lib/latency.ts'
import { createBenchDatabase, type BenchDatabase } from './lib/postgres.ts'
import { processMemory } from './lib/process-memory.ts'
import { killAllChildren, repoRoot } from './lib/processes.ts'
import { machineDescription, markdownTable, writeSection, type Row } from './lib/report.ts'
import { buildAddresses, buildWarmUp, type SearchAddress } from './lib/search-addresses.ts'
import { countCaseStudies, firstCaseStudyPath, loadCaseStudies, readFilterValues } from './lib/search-data.ts'
import { openBenchDatabase, timeSearchesDirectly } from './lib/search-database-only.ts'
import { searchPass, type SearchPass } from './lib/search-end-to-end.ts'
import { searchExplanation, searchHowToRun } from './lib/search-explanation.ts'
import { editAndFollow, engineFigures, measureEngineMemory, waitUntilCaughtUp, type FollowRun } from './lib/search-follow.ts'
import { followRows, growthRow, kindsTable, sizeRows, statementsTable, type SizeRun } from './lib/search-report.ts'
import * as settings from './lib/search-settings.ts'
import { connections as loadConnections, durationS } from './lib/settings.ts'
import { embeddedDatabase, serverDatabase, type DatabaseUnderTest } from './lib/targets.ts'

const rows: Row[] = []
/** The nginx comparison, one row per database, placed after the search rows. */
const nginxRows: Row[] = []
/** The insight pages (issue 18), one row per database and size, after the search rows. */
const insightRows: Row[] = []
const runs: SizeRun[] = []
const warmUpCount = 80

function failedRow(benchmark: string, database: string, error: unknown): Row {
  const message = error instanceof Error ? error.message : String(error)
  console.error(`  failed: ${message}`)
  return { benchmark, database, measured: `error: ${message.split('\n')[0]}`, reference: '', result: '', target: '', pass: false }
}

interface Mix {
  addresses: SearchAddress[]
  warmUp: SearchAddress[]
  casePath: string
}

/** Times the searches on the database alone after `size` case studies were loaded; builds the mix the first time. */
async function searchDirectly(database: DatabaseUnderTest, size: number, mix: Mix | null, loadMs: number) {
  const handle = await openBenchDatabase(database)
  try {
    const counts = await countCaseStudies(handle.db)
    console.log(`  [${database.label}] ${count(counts.published)} published case studies (${count(counts.all)} in all) after ${(loadMs / 1000).toFixed(1)} s`)
    // The synthetic set (some of it drafts) plus the demo content it loads into an empty database: never a second copy.
    if (counts.all < size || counts.all > size + 100) throw new Error(`expected ${count(size)} case studies and the demo content, found ${count(counts.all)}`)
    if (!mix) {
      const values = await readFilterValues(handle.db)
      const addresses = buildAddresses(values, settings.addressCount, settings.seed)
      mix = { addresses, warmUp: buildWarmUp(addresses, values, warmUpCount, settings.seed), casePath: await firstCaseStudyPath(handle.db) }
      console.log(
        `  [${database.label}] query mix: ${mix.addresses.length} distinct addresses, e.g. ${mix.addresses
          .slice(0, 3)
          .map((a) => a.path)
          .join('  ')}`,
      )
    }
    const direct = await timeSearchesDirectly(handle, mix.addresses, mix.warmUp, { label: database.label, limitMs: settings.passLimitMs })
    return { loadMs, published: counts.published, direct, mix }
  } finally {
    await handle.close()
  }
}

/** Starts a fresh server, runs `work` on it, stops it; returns what `work` returned and the server's memory. */
async function withServer<T>(database: DatabaseUnderTest, work: (server: BenchServer) => Promise<T>) {
  const server = await startBenchServer(database, [], 300_000)
  try {
    const readyMiB = processMemory(server.pid)?.rssMiB ?? NaN
    const result = await work(server)
    const after = processMemory(server.pid)
    return { result, memory: after ? { readyMiB, peakMiB: after.peakMiB, afterMiB: after.rssMiB } : null }
  } finally {
    await server.stop()
  }
}

/**
 * Loads `size` case studies; at the largest size on PostgreSQL, with a server running that
 * follows the load, then is edited through its pages while a second server follows (issue 11).
 */
async function loadFollowed(database: DatabaseUnderTest, size: number): Promise<{ loadMs: number; follow: Row[] }> {
  const follows = database.label === 'PostgreSQL' && size === settings.sizes[settings.sizes.length - 1] && settings.edits > 0
  if (!follows) return { loadMs: await loadCaseStudies(database, size, settings.seed, settings.loadLimitMs), follow: [] }
  const label = `[${database.label}] following`
  const here = await startBenchServer(database, [], 600_000)
  let run: FollowRun
  let loadMs: number
  try {
    console.log(`  [${database.label}] a server runs through the load, then takes ${count(settings.edits)} edits`)
    loadMs = await loadCaseStudies(database, size, settings.seed, settings.loadLimitMs)
    const handle = await openBenchDatabase(database)
    const { published } = await countCaseStudies(handle.db).finally(() => handle.close())
    const catchUpMs = await waitUntilCaughtUp(here, published, 600_000)
    console.log(`  ${label}: caught up ${(catchUpMs / 1000).toFixed(1)} s after the load; a second server starts`)
    const other = await startBenchServer(database, [], 600_000)
    try {
      await waitUntilCaughtUp(other, published, 600_000)
      const edited = await editAndFollow(database, here, other, { edits: settings.edits, measured: settings.measuredEdits, seed: settings.seed, label })
      run = { catchUpMs, ...edited, engine: await engineFigures(here) }
    } finally {
      await other.stop()
    }
  } finally {
    await here.stop()
  }
  const memory = await measureEngineMemory(database, 600_000).catch((error: unknown) => {
    console.error(`  the engine's memory could not be measured: ${String(error)}`)
    return null
  })
  return { loadMs, follow: followRows(database.label, size, run, memory) }
}

async function runDatabase(database: DatabaseUnderTest): Promise<void> {
  let mix: Mix | null = null
  const mine: SizeRun[] = []
  for (const size of settings.sizes) {
    console.log(`\n== [${database.label}] ${count(size)} case studies`)
    try {
      const { loadMs, follow } = await loadFollowed(database, size)
      const loaded = await searchDirectly(database, size, mix, loadMs)
      mix = loaded.mix
      const { addresses, warmUp, casePath } = mix
      const passOptions = (label: string, connections: number) => ({ connections, passLimitMs: settings.passLimitMs, label: `[${database.label}] ${label}` })
      const rounds: SearchPass[] = []
      let memory: SizeRun['memory'] = null
      for (let round = 1; round <= settings.rounds; round++) {
        const label = `${settings.httpConnections} connections, round ${round}/${settings.rounds}`
        const done = await withServer(database, (server) => searchPass(server, addresses, warmUp, passOptions(label, settings.httpConnections)))
        rounds.push(done.result)
        if (done.memory && (!memory || done.memory.peakMiB > memory.peakMiB)) memory = done.memory
      }
      const single = await withServer(database, async (server) => {
        const pass = await searchPass(server, addresses, warmUp, passOptions('one connection', 1))
        insightRows.push(
          await measureInsightPages(server, addresses, database.label, size, pass.answers).catch((error: unknown) =>
            failedRow('Insight pages', database.label, error),
          ),
        )
        // The cached page does not depend on the amount of data: measured at the first size only.
        if (size === settings.sizes[0]) {
          nginxRows.push(
            await measureCachedPageVsNginx(server, casePath, database.label).catch((error: unknown) =>
              failedRow('Cached case-study page beside nginx', database.label, error),
            ),
          )
        }
        return pass
      })
      const run: SizeRun = {
        database: database.label,
        size,
        seed: settings.seed,
        published: loaded.published,
        loadMs: loaded.loadMs,
        direct: loaded.direct,
        rounds,
        connections: settings.httpConnections,
        single: single.result,
        memory,
      }
      mine.push(run)
      runs.push(run)
      rows.push(...sizeRows(run), ...follow)
    } catch (error) {
      rows.push(failedRow(`${count(size)} case studies`, database.label, error))
      break // larger sizes build on this one
    }
  }
  if (mine.length >= 2) rows.push(growthRow(mine[0]!, mine[mine.length - 1]!))
}

/** Writes the section with what has been measured so far; `stopped`: why the run ended early. */
function writeReport(began: number, loadBefore: string, pgVersion: string | null, stopped: string | null): void {
  const finalRows = [...rows, ...insightRows, ...nginxRows]
  if (stopped) finalRows.push({ benchmark: 'The run', database: '—', measured: stopped, reference: '', result: '', target: '', pass: false })
  const minutes = ((performance.now() - began) / 60_000).toFixed(1)
  const table = markdownTable(finalRows)
  const partial = settings.sizes.join(',') !== '10000,100000' || settings.databases.length < 2 || settings.addressCount < 200
  const body = [
    `Run on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC in ${minutes} min — ${machineDescription()}${pgVersion ? `; PostgreSQL ${pgVersion}` : ''}; load average ${loadBefore} at the start, ${os.loadavg()[0]!.toFixed(2)} at the end. Seed ${settings.seed}.`,
    partial
      ? `**Partial run (${settings.sizes.map(count).join(', ')} case studies on ${settings.databases.join(', ')}, ${settings.addressCount} addresses): not every target is measured.**`
      : '',
    searchHowToRun(),
    table,
    kindsTable(runs),
    '**Where the time of the search service goes** (its measured searches; every SQL statement timed in node-postgres, the rest is work in the calling process):',
    statementsTable(runs),
    searchExplanation({
      addresses: settings.addressCount,
      warmUp: warmUpCount,
      connections: settings.httpConnections,
      rounds: settings.rounds,
      durationS,
      loadConnections,
      edits: settings.edits,
      measuredEdits: settings.measuredEdits,
    }),
  ]
    .filter(Boolean)
    .join('\n\n')
  writeSection(path.join(repoRoot, 'docs/benchmarks.md'), '## Search at scale (issue 5)', body)
  console.log(`\n${table}\n\n${kindsTable(runs)}\n\n${statementsTable(runs)}\n\nWritten to docs/benchmarks.md (${minutes} min).`)
  if (finalRows.some((r) => r.pass === false)) process.exitCode = 1
}

async function main(): Promise<void> {
  const began = performance.now()
  const loadBefore = os.loadavg()[0]!.toFixed(2)
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'coophub-bench-search-'))
  let pg: BenchDatabase | null = null
  const cleanUp = async (): Promise<void> => {
    killAllChildren()
    await pg?.drop().catch((error: unknown) => console.error(`Could not drop the bench database: ${String(error)}`))
    rmSync(dataDir, { recursive: true, force: true })
  }
  const watchdog = setTimeout(() => {
    console.error(`The search benchmark ran for over ${settings.watchdogMinutes} minutes: stopping.`)
    killAllChildren()
    writeReport(began, loadBefore, pg?.version ?? null, `stopped by the watchdog after ${settings.watchdogMinutes} min (BENCH_SEARCH_TIMEOUT_MIN)`)
    setTimeout(() => process.exit(1), 10_000).unref()
    void cleanUp().finally(() => process.exit(1))
  }, settings.watchdogMinutes * 60_000)
  watchdog.unref()
  process.once('SIGINT', () => {
    killAllChildren()
    process.exit(130)
  })
  process.once('exit', killAllChildren)

  console.log(
    `coophub search benchmark (issue 5): ${settings.sizes.map(count).join(', ')} case studies on ${settings.databases.join(', ')}; ${machineDescription()}`,
  )
  if (Number(loadBefore) > 0.5) console.log(`Warning: the machine is already busy (load average ${loadBefore}): expect slower figures.`)
  try {
    for (const name of settings.databases) {
      if (name === 'pglite') {
        await runDatabase(embeddedDatabase(dataDir))
        continue
      }
      try {
        pg = await createBenchDatabase()
      } catch (error) {
        rows.push(failedRow('All (PostgreSQL unreachable)', 'PostgreSQL', error))
        continue
      }
      await runDatabase(serverDatabase(pg.url))
    }
  } finally {
    await cleanUp()
  }
  clearTimeout(watchdog)
  writeReport(began, loadBefore, pg?.version ?? null, null)
}

await main()
