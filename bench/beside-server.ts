// Benchmark for issue 12 (the command line beside a running server): on the embedded database,
// a serving `coophub serve` and, beside it, command-line commands that work through its socket.
// Measures how long a command takes to reach the database through the socket against opening
// the data folder itself, and what a visitor meets meanwhile: /health (one database round trip)
// asked without pause while `coophub import` writes a few hundred documents through the socket,
// against /health on the idle server. Writes its section of docs/benchmarks.md.
// BENCH_BESIDE_DOCS=<n> changes the number of documents (default 400).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { openDatabase, openForCommandLine } from '../src/db/client.ts'
import { parseAuthoritiesCsv } from '../src/features/import/parse-authorities-csv.ts'
import { parsePrinciplesJson } from '../src/features/import/parse-principles-json.ts'
import { writeCaseStudies } from './lib/import-documents.ts'
import { count as fmt, ms, summarise, type Latency } from './lib/latency.ts'
import { freePort, httpGet, killAllChildren, repoRoot, spawnNode, stopChild, waitFor200, type Spawned } from './lib/processes.ts'
import { machineDescription, markdownTable, writeSection, type Row } from './lib/report.ts'

const documents = Math.max(50, Math.min(5_000, Number(process.env.BENCH_BESIDE_DOCS ?? 400) || 400))
const sharedData = path.resolve(repoRoot, '../shared/data')
const principlesFile = path.join(sharedData, 'ccin-principles.json')
const authoritiesFile = path.join(sharedData, 'uk_local_authorities_current.csv')
const rows: Row[] = []

/** Runs `coophub <args>` to its end; its wall time, exit code and output. */
async function coophub(args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; code: number | null; output: string }> {
  const began = performance.now()
  const child = spawnNode(['bin/coophub.js', ...args], env)
  const code = await child.exited
  return { ms: performance.now() - began, code, output: child.output() }
}

/** Asks /health one request after another (no pause) until `until` settles; the latencies. */
async function healthWhile(base: string, until: Promise<unknown>): Promise<{ latency: Latency; failures: number }> {
  let done = false
  void until.finally(() => {
    done = true
  })
  const times: number[] = []
  let failures = 0
  while (!done) {
    const began = performance.now()
    try {
      const { status } = await httpGet(`${base}/health`, 30_000)
      if (status !== 200) failures++
    } catch {
      failures++
    }
    times.push(performance.now() - began)
  }
  return { latency: summarise(times), failures }
}

const latencyText = (l: Latency) => `p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, p99 ${ms(l.p99)}, max ${ms(l.max)} (${fmt(l.count)} requests)`

/** The median of `runs` measurements of `work`, in ms. */
async function median(runs: number, work: () => Promise<number>): Promise<number> {
  const values: number[] = []
  for (let i = 0; i < runs; i++) values.push(await work())
  return values.sort((a, b) => a - b)[Math.floor(runs / 2)]!
}

async function main(): Promise<void> {
  const watchdog = setTimeout(() => {
    console.error('The beside-server benchmark ran for over 10 minutes: stopping.')
    killAllChildren()
    process.exit(1)
  }, 600_000)
  watchdog.unref()
  process.once('exit', killAllChildren)
  if (!existsSync(principlesFile) || !existsSync(authoritiesFile)) {
    console.error(`The reference data is missing (${sharedData}).`)
    process.exitCode = 1
    return
  }
  const principles = parsePrinciplesJson(readFileSync(principlesFile, 'utf8'))
  const authorities = parseAuthoritiesCsv(readFileSync(authoritiesFile, 'utf8'))
  if (!principles.ok || !authorities.ok) throw new Error('The reference data does not parse')
  const places = authorities.value.filter((a) => a.current && a.typeCode !== 'COMB' && a.typeCode !== 'SRA')

  const began = performance.now()
  const work = mkdtempSync(path.join(os.tmpdir(), 'coophub-beside-bench-'))
  const dataDir = path.join(work, 'data')
  const folder = path.join(work, 'documents')
  // DATABASE_URL set but empty ("not set"), so that a developer's .env cannot fill it in.
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', DATA_DIR: dataDir }
  let server: Spawned | null = null
  try {
    writeCaseStudies(folder, documents, principles.value, places)
    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    console.log(`coophub beside a server: ${fmt(documents)} documents, on ${machineDescription()}`)
    server = spawnNode(['bin/coophub.js', 'serve'], { ...env, PORT: String(port) })
    await waitFor200(`${base}/health`, server, 120_000)
    await sleep(2_000) // the search engine's first build and the scheduler's start, out of the way

    // Reaching the database: through the server's socket, against opening the folder itself.
    const throughSocket = await median(5, async () => {
      const t = performance.now()
      const { handle, server: beside } = await openForCommandLine({ embedded: dataDir }, () => undefined)
      const elapsed = performance.now() - t
      await handle.close()
      if (!beside) throw new Error('the command line did not go through the server')
      return elapsed
    })
    const wholeCommand = await median(3, async () => {
      const run = await coophub(['migrate'], env)
      if (run.code !== 0 || !/applied the migrations as it started/.test(run.output)) throw new Error(`coophub migrate beside the server failed: ${run.output}`)
      return run.ms
    })

    const idle = await healthWhile(base, sleep(5_000))
    console.log(`  /health, idle: ${latencyText(idle.latency)}`)
    for (const args of [
      ['principles', 'import', principlesFile],
      ['authorities', 'import', authoritiesFile],
    ]) {
      const run = await coophub(args, env)
      if (run.code !== 0) throw new Error(`coophub ${args.join(' ')} failed: ${run.output}`)
    }
    const importing = coophub(['import', folder], env)
    const during = await healthWhile(base, importing)
    const imported = await importing
    if (imported.code !== 0) throw new Error(`coophub import beside the server failed: ${imported.output}`)
    console.log(`  /health during the import (${(imported.ms / 1000).toFixed(1)} s): ${latencyText(during.latency)}`)

    await stopChild(server)
    server = null
    const ownFolder = await median(5, async () => {
      const t = performance.now()
      const handle = await openDatabase({ embedded: dataDir })
      const elapsed = performance.now() - t
      await handle.close()
      return elapsed
    })
    const alone = await median(3, async () => {
      const run = await coophub(['migrate'], env)
      if (run.code !== 0) throw new Error(`coophub migrate alone failed: ${run.output}`)
      return run.ms
    })

    rows.push(
      {
        benchmark: 'A command reaches the database: through the server’s socket (open the pool, first query)',
        database: 'PGlite',
        measured: ms(throughSocket),
        reference: `${ms(ownFolder)} opening the folder itself (server stopped)`,
        result: `${(ownFolder / throughSocket).toFixed(0)}× quicker`,
        target: '— (information)',
        pass: null,
      },
      {
        benchmark: '`coophub migrate` beside the server, process start to exit (checks, applies nothing)',
        database: 'PGlite',
        measured: `${(wholeCommand / 1000).toFixed(2)} s`,
        reference: `${(alone / 1000).toFixed(2)} s alone, opening the folder`,
        result: `${Math.round((100 * wholeCommand) / alone)} %`,
        target: '— (information)',
        pass: null,
      },
      {
        benchmark: `/health asked without pause during \`coophub import\` of ${fmt(documents)} documents through the socket (${(imported.ms / 1000).toFixed(1)} s)`,
        database: 'PGlite',
        measured: latencyText(during.latency),
        reference: `idle: ${latencyText(idle.latency)}`,
        result: `p95 ${(during.latency.p95 / Math.max(idle.latency.p95, 0.1)).toFixed(0)}× idle; ${during.failures} failed`,
        target: 'no failure; max < 2 s',
        pass: during.failures === 0 && during.latency.max < 2_000,
      },
    )
  } finally {
    if (server) await stopChild(server)
    killAllChildren()
    rmSync(work, { recursive: true, force: true })
  }
  const minutes = ((performance.now() - began) / 60_000).toFixed(1)
  const table = markdownTable(rows)
  const body = [
    `Run on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC in ${minutes} min — ${machineDescription()}; load average ${os.loadavg()[0]!.toFixed(2)} at the end.`,
    'A `coophub serve` on the embedded database, and beside it command-line commands on the same data folder: they find the server’s socket (published in the folder) and work through it. The import writes its drafts a batch at a time, each batch one transaction; PGlite has one session, so while a batch’s transaction runs the site’s queries wait for it, and between batches they go first.',
    table,
    '**How to run.** `node --import tsx bench/beside-server.ts` (about a minute). It needs ../shared/data.',
  ].join('\n\n')
  writeSection(path.join(repoRoot, 'docs/benchmarks.md'), '## The command line beside a running server (issue 12)', body)
  console.log(`\n${table}\n\nWritten to docs/benchmarks.md (${minutes} min).`)
  if (rows.some((r) => r.pass === false)) process.exitCode = 1
}

await main()
