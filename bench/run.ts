// Benchmark for issue 2 (foundation): start-up (first start, restart, memory), page throughput
// beside a static copy of the same bytes, and whether search load stalls the server's event loop
// — on PGlite and PostgreSQL; then the annual case-study pack of issue 17 (lib/pack-bench.ts), which
// also writes its own section.
// Writes its section of docs/benchmarks.md. BENCH_DURATION=<seconds> shortens each load run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startBenchServer } from './lib/bench-server.ts'
import { ensureBuilt } from './lib/build.ts'
import { idleMs, measureStarts, median, settleMs, type Start } from './lib/cold-start.ts'
import { explanation } from './lib/explanation.ts'
import { createBenchDatabase, type BenchDatabase } from './lib/postgres.ts'
import { killAllChildren, repoRoot } from './lib/processes.ts'
import { machineDescription, markdownTable, writeSection, type Row } from './lib/report.ts'
import { backgroundConnections, backgroundSearchesPerSecond, connections, durationS } from './lib/settings.ts'
import { measureStall } from './lib/stall.ts'
import { embeddedDatabase, serverDatabase, type DatabaseUnderTest } from './lib/targets.ts'
import { measureThroughput, pagesUnderTest } from './lib/throughput.ts'
import { measurePack } from './lib/pack-bench.ts'

const rows: Row[] = []
let failedSteps = 0
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`

/** Runs one step; a failure becomes a failed row and the run goes on. */
async function step(name: string, database: DatabaseUnderTest, work: () => Promise<Row[]>): Promise<void> {
  console.log(`\n== ${name} [${database.label}]`)
  try {
    rows.push(...(await work()))
  } catch (error) {
    failedSteps++
    const message = error instanceof Error ? error.message : String(error)
    console.error(`  failed: ${message}`)
    rows.push({ benchmark: name, database: database.label, measured: `error: ${message.split('\n')[0]}`, reference: '', result: '', target: '', pass: false })
  }
}

const restartRuns = 5
const firstStartRuns = 3
/** Resident memory in MB (10^6 bytes), as the issue counts it. */
const megabytes = (mib: number | null): number => (mib ?? Number.NaN) * 1.048576
const mb = (value: number): string => `${value.toFixed(0)} MB`

async function starts(database: DatabaseUnderTest): Promise<Row[]> {
  const figures = await measureStarts(database, { firstStarts: firstStartRuns, restarts: restartRuns })
  const ms = (list: Start[]) => list.map((s) => s.ms)
  const restart = median(ms(figures.restarts))
  const fromSources = median(ms(figures.fromSources))
  const emptyNode = median(figures.emptyNodeMs)
  const first = median(ms(figures.firstStarts))
  const settled = figures.restarts.map((s) => megabytes(s.rssSettledMiB))
  const atFirst200 = median(figures.restarts.map((s) => megabytes(s.rssAtFirst200MiB)))
  const rss = median(settled)
  const embedded = database.label === 'PGlite'
  const firstIdle = figures.firstStarts.map((s) => megabytes(s.rssSettledMiB))
  const speed = `empty Node (\`node -e ''\`): ${seconds(emptyNode)}`
  return [
    {
      benchmark: `Restart: spawn \`node bin/coophub.js serve\` → first 200 on \`/\`, existing database with the demo content (median of ${restartRuns})`,
      database: database.label,
      measured: ms(figures.restarts).map(seconds).join(', '),
      reference: `the same start from the TypeScript sources through tsx: ${seconds(fromSources)}; ${speed}`,
      result: `${seconds(restart)} (${Math.round((restart / fromSources) * 100)} % of the start from the sources; ${(restart / emptyNode).toFixed(1)} × empty Node)`,
      target: '≤ 1.5 s',
      pass: restart <= 1_500,
    },
    {
      benchmark: embedded
        ? `First start on an empty data folder → first 200 on \`/\` (database from the template, newer migrations, demo content; median of ${firstStartRuns})`
        : 'First start on an empty database → first 200 on `/` (every migration, demo content; once)',
      database: database.label,
      measured: ms(figures.firstStarts).map(seconds).join(', '),
      reference: speed,
      result: `${seconds(first)} (${(first / emptyNode).toFixed(1)} × empty Node)`,
      target: embedded ? '≤ 5 s' : '— (information)',
      pass: embedded ? first <= 5_000 : null,
    },
    {
      benchmark: `Resident memory of the server ${settleMs / 1000} s after its first 200 on \`/\` (restarts on the demo content; median of ${restartRuns})`,
      database: database.label,
      measured: settled.map(mb).join(', '),
      reference: `at the first 200: ${mb(atFirst200)}`,
      result: mb(rss),
      target: embedded ? '≤ 300 MB' : '— (information: the app alone)',
      pass: embedded ? rss <= 300 : null,
    },
    ...(embedded
      ? [
          {
            benchmark: `Resident memory of the server idle ${idleMs / 1000} s after a first start on an empty data folder (template unpacked on a passing thread, demo content loaded; median of ${firstStartRuns})`,
            database: database.label,
            measured: firstIdle.map(mb).join(', '),
            reference: `after a restart: ${mb(rss)}`,
            result: mb(median(firstIdle)),
            target: '≤ 300 MB',
            pass: median(firstIdle) <= 300,
          },
        ]
      : []),
  ]
}

async function throughputAndStall(database: DatabaseUnderTest): Promise<Row[]> {
  console.log(`  [${database.label}] starting the bench server`)
  const server = await startBenchServer(
    database,
    pagesUnderTest.map((p) => p.path),
  )
  try {
    return [...(await measureThroughput(server, database)), await measureStall(server, database)]
  } finally {
    await server.stop()
  }
}

function versions(pg: BenchDatabase | null): string {
  const manifest = path.join(repoRoot, 'node_modules/@electric-sql/pglite/package.json')
  const pglite = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
  return `PGlite ${pglite} (worker thread)${pg ? `, PostgreSQL ${pg.version}` : ''}`
}

async function main(): Promise<void> {
  const began = performance.now()
  const watchdog = setTimeout(() => {
    console.error('The benchmark ran for over 15 minutes: stopping.')
    killAllChildren()
    process.exit(1)
  }, 900_000)
  watchdog.unref()
  process.once('SIGINT', () => {
    killAllChildren()
    process.exit(130)
  })
  process.once('exit', killAllChildren)

  await ensureBuilt()
  const loadBefore = os.loadavg()[0]!.toFixed(2)
  console.log(`coophub benchmark (issue 2): ${durationS} s per load run, on ${machineDescription()}`)
  if (Number(loadBefore) > 0.5) console.log(`Warning: the machine is already busy (load average ${loadBefore}): expect lower figures.`)
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'coophub-bench-'))
  let pg: BenchDatabase | null = null
  try {
    pg = await createBenchDatabase()
  } catch (error) {
    console.error(`PostgreSQL is not reachable (${error instanceof Error ? error.message : error}): PGlite only`)
  }
  const databases = [embeddedDatabase(dataDir), ...(pg ? [serverDatabase(pg.url)] : [])]
  try {
    for (const database of databases) {
      await step('Start-up', database, () => starts(database))
      await step('Throughput and stall check', database, () => throughputAndStall(database))
    }
    // On a database of its own in memory; two runs (cold, then warm) keep the whole run bounded.
    await step('Annual case-study pack', databases[0]!, () => measurePack(2))
  } finally {
    killAllChildren()
    await pg?.drop().catch((error: unknown) => console.error(`Could not drop the bench database: ${String(error)}`))
    rmSync(dataDir, { recursive: true, force: true })
  }
  if (!pg) rows.push({ benchmark: 'All', database: 'PostgreSQL', measured: 'not run: server unreachable', reference: '', result: '', target: '', pass: false })

  const minutes = ((performance.now() - began) / 60_000).toFixed(1)
  const table = markdownTable(rows)
  const body = [
    `Run on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC in ${minutes} min — ${machineDescription()}; ${versions(pg)}; load average ${loadBefore} at the start.`,
    `Load: autocannon from the bench process, ${connections} connections, ${durationS} s per figure after a 1 s warm-up, to 127.0.0.1.`,
    durationS === 10 ? '' : `**Quick run (BENCH_DURATION=${durationS}): less reliable than the default 10 s.**`,
    table,
    explanation({ durationS, connections, backgroundConnections, backgroundRate: backgroundSearchesPerSecond }),
  ]
    .filter(Boolean)
    .join('\n\n')
  writeSection(path.join(repoRoot, 'docs/benchmarks.md'), '## Foundation (issue 2)', body)
  console.log(`\n${table}\n\nWritten to docs/benchmarks.md (${minutes} min).`)
  if (failedSteps > 0 || !pg) process.exitCode = 1
}

await main()
