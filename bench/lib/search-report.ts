// Rows for docs/benchmarks.md from the search runs: the main table (with targets) and the table
// per kind of query.
import { count, ms, percentile, summarise } from './latency.ts'
import type { Row } from './report.ts'
import { queryKinds } from './search-addresses.ts'
import type { DirectRun } from './search-database-only.ts'
import type { KindedAnswer, SearchPass } from './search-end-to-end.ts'
import type { EngineMemory } from './search-engine-memory.ts'
import type { FollowRun } from './search-follow.ts'
import { targets } from './search-settings.ts'

export interface SizeRun {
  database: 'PGlite' | 'PostgreSQL'
  size: number
  seed: number
  /** Published case studies counted after loading. */
  published: number
  loadMs: number
  direct: DirectRun
  /** One pass per round at `connections` connections, each on a fresh server. */
  rounds: SearchPass[]
  connections: number
  /** One connection, on another fresh server. */
  single: SearchPass
  /** The server of the round that peaked highest. */
  memory: { readyMiB: number; peakMiB: number; afterMiB: number } | null
}

const concurrent = (run: SizeRun): KindedAnswer[] => run.rounds.flatMap((r) => r.answers)

const ok = (a: KindedAnswer): boolean => a.status === 200 && !a.cacheHit
const sizeText = (n: number): string => (n === 0 ? 'Demo content' : n % 1000 === 0 ? `${n / 1000}k` : count(n))
const p50p95 = (values: number[]): string => {
  const s = summarise(values)
  return `p50 ${ms(s.p50)} · p95 ${ms(s.p95)}`
}

function endToEndTarget(run: SizeRun): number | null {
  if (run.size === targets.smallSize) return targets.p95AtSmallMs
  if (run.size === targets.largeSize && run.database === 'PostgreSQL') return targets.p95AtLargePostgresMs
  return null
}

function failuresText(answers: KindedAnswer[], unsent: number): string {
  const errors = answers.filter((a) => a.status !== 200).length
  const hits = answers.filter((a) => a.status === 200 && a.cacheHit).length
  return [
    errors ? `**${errors} errors**` : '0 errors',
    hits ? `**${hits} answered by the page cache**` : '',
    unsent ? `**${unsent} not sent (time limit)**` : '',
  ]
    .filter(Boolean)
    .join(' · ')
}

export function sizeRows(run: SizeRun): Row[] {
  const label = run.database
  const size = sizeText(run.size)
  const answers = concurrent(run)
  const e2e = summarise(answers.map((a) => a.ms))
  const reqPerSec = (answers.filter(ok).length * 1000) / run.rounds.reduce((sum, r) => sum + r.wallMs, 0)
  const direct = run.direct.searches.map((t) => t.ms)
  const target = endToEndTarget(run)
  const failures = failuresText(
    [...answers, ...run.single.answers],
    run.rounds.reduce((sum, r) => sum + r.unsent, run.single.unsent),
  )
  const clean = !/\*\*/.test(failures)
  const single = run.single.answers.map((a) => a.ms)
  const renderMs = percentile(single, 50) - percentile(direct, 50)
  const rows: Row[] = [
    {
      benchmark:
        run.size === 0
          ? 'Demo content: load with `coophub demo`'
          : `${size}: load with \`coophub demo --synthetic ${run.size} --seed ${run.seed}\` (adds to the previous size)`,
      database: label,
      measured: `${(run.loadMs / 1000).toFixed(1)} s`,
      reference: '—',
      result: `${count(run.published)} published case studies`,
      target: '— (information)',
      pass: null,
    },
    {
      benchmark: `${size}: search page end to end, ${answers.length} requests (${count(run.direct.searches.length)} distinct addresses, ${run.rounds.length} round${run.rounds.length > 1 ? 's, each on a fresh server' : ''}) on ${run.connections} connections`,
      database: label,
      measured: `p50 ${ms(e2e.p50)} · p95 ${ms(e2e.p95)} · p99 ${ms(e2e.p99)} · ${count(reqPerSec)} req/s · ${failures}`,
      reference: `search service alone (runSearch), one at a time: ${p50p95(direct)}${run.direct.unsent ? ` (**${run.direct.unsent} not searched: time limit**)` : ''}`,
      result: `p95 ${ms(e2e.p95)}`,
      target: target === null ? '— (information)' : `p95 ≤ ${target} ms`,
      pass: target === null ? null : e2e.p95 <= target && clean,
    },
    {
      benchmark: `${size}: search page end to end on one connection (no queueing)`,
      database: label,
      measured: p50p95(single),
      reference: `search service alone: ${p50p95(direct)}`,
      result: `page and HTTP add ≈ ${ms(Math.max(0, renderMs))} at p50`,
      target: '— (information)',
      pass: null,
    },
    {
      benchmark: `${size}: the search service's first search after start (loads what it keeps until content changes)`,
      database: label,
      measured: ms(run.direct.firstMs),
      reference: '—',
      result: ms(run.direct.firstMs),
      target: '— (information)',
      pass: null,
    },
    {
      benchmark: `${size}: server process memory (VmHWM${label === 'PGlite' ? ', PGlite worker included' : ', PostgreSQL’s own processes not included'})`,
      database: label,
      measured: run.memory ? `${count(run.memory.readyMiB)} MiB when ready, ${count(run.memory.afterMiB)} MiB after the searches` : 'not readable',
      reference: '—',
      result: run.memory ? `peak ${count(run.memory.peakMiB)} MiB` : '—',
      target: '— (information)',
      pass: null,
    },
  ]
  return rows
}

/** p95 at the largest size ÷ p95 at the smallest, end to end and for the database alone. */
export function growthRow(small: SizeRun, large: SizeRun): Row {
  const p95 = (values: number[]): number => percentile(values, 95)
  const e2eSmall = p95(concurrent(small).map((a) => a.ms))
  const e2eLarge = p95(concurrent(large).map((a) => a.ms))
  const dbSmall = p95(small.direct.searches.map((t) => t.ms))
  const dbLarge = p95(large.direct.searches.map((t) => t.ms))
  const growth = e2eSmall > 0 ? e2eLarge / e2eSmall : Infinity
  const hasTarget = small.size === targets.smallSize && large.size === targets.largeSize && large.database === 'PostgreSQL'
  return {
    benchmark: `Growth of search p95 from ${sizeText(small.size)} to ${sizeText(large.size)} case studies`,
    database: large.database,
    measured: `end to end: ${ms(e2eSmall)} → ${ms(e2eLarge)}`,
    reference: `search service alone: ${ms(dbSmall)} → ${ms(dbLarge)} (× ${(dbLarge / dbSmall).toFixed(2)})`,
    result: `× ${growth.toFixed(2)}`,
    target: hasTarget ? `≤ × ${targets.maxGrowth}` : '— (information)',
    pass: hasTarget ? growth <= targets.maxGrowth : null,
  }
}

/** What each kind of query costs and how much it matched: what "common" and "rare" mean here. */
export function kindsTable(runs: SizeRun[]): string {
  const lines = [
    '| Database | Case studies | Kind of query | Addresses | Median matches (range) | Search service alone p50 / p95 | End to end p50 / p95 |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ]
  for (const run of runs) {
    for (const kind of queryKinds) {
      const direct = run.direct.searches.filter((t) => t.address.kind === kind)
      if (direct.length === 0) continue
      const totals = direct.map((t) => t.total)
      const e2e = concurrent(run)
        .filter((a) => a.kind === kind)
        .map((a) => a.ms)
      const cells = [
        run.database,
        sizeText(run.size),
        kind,
        String(direct.length),
        `${count(percentile(totals, 50))} (${count(Math.min(...totals))}–${count(Math.max(...totals))})`,
        `${ms(
          percentile(
            direct.map((t) => t.ms),
            50,
          ),
        )} / ${ms(
          percentile(
            direct.map((t) => t.ms),
            95,
          ),
        )}`,
        `${ms(percentile(e2e, 50))} / ${ms(percentile(e2e, 95))}`,
      ]
      lines.push(`| ${cells.join(' | ')} |`)
    }
  }
  return lines.join('\n')
}

/** Where the search service's time goes: each kind of SQL statement, and the rest (in the calling process). */
export function statementsTable(runs: SizeRun[]): string {
  const lines = [
    '| Database | Case studies | Part of the search | Statements | Share of the service’s time | p50 / p95 / max per statement |',
    '| --- | --- | --- | --- | --- | --- |',
  ]
  const sum = (values: number[]): number => values.reduce((total, v) => total + v, 0)
  for (const run of runs) {
    const serviceMs = sum(run.direct.searches.map((t) => t.ms))
    const share = (ms: number): string => `${serviceMs > 0 ? ((100 * ms) / serviceMs).toFixed(0) : 0} %`
    const sorted = [...run.direct.statements.entries()].sort((a, b) => sum(b[1]) - sum(a[1]))
    for (const [name, times] of sorted) {
      const s = summarise(times)
      lines.push(
        `| ${[run.database, sizeText(run.size), name, count(times.length), share(sum(times)), `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.max)}`].join(' | ')} |`,
      )
    }
    const outside = serviceMs - sum(sorted.flatMap(([, times]) => times))
    lines.push(
      `| ${[run.database, sizeText(run.size), 'outside SQL: in the calling process (parsing, in-memory counting and ordering, the driver)', '—', share(Math.max(0, outside)), '—'].join(' | ')} |`,
    )
  }
  return lines.join('\n')
}

/** Rows for the engine following changes: edit → visible here and on another server, the server's peak memory, the engine's own. */
export function followRows(database: SizeRun['database'], size: number, run: FollowRun, memory: EngineMemory | null): Row[] {
  const atTarget = size === targets.largeSize && database === 'PostgreSQL'
  const here = summarise(run.here)
  const other = summarise(run.other)
  const failures = run.failures.length > 0 ? ` · **${run.failures.length} edits failed** (${run.failures[0]})` : ''
  const mb = (mib: number) => (mib * 1024 * 1024) / 1e6
  const rows: Row[] = [
    {
      benchmark: `${sizeText(size)}: edit → visible on the same server: publish sent → a search there finds the new title, ${run.here.length} edits`,
      database,
      measured: `p50 ${ms(here.p50)} · p95 ${ms(here.p95)} · max ${ms(here.max)}${failures}`,
      reference: `catch-up after the bulk load: ${ms(run.catchUpMs)} (engine ready and fresh after the loader ended)`,
      result: `p95 ${ms(here.p95)}`,
      target: atTarget ? `p95 ≤ ${targets.editVisibleHereMs} ms` : '— (information)',
      pass: atTarget ? here.p95 <= targets.editVisibleHereMs && run.failures.length === 0 : null,
    },
    {
      benchmark: `${sizeText(size)}: edit → visible on another server on the same database (it polls content_changes every second), same edits`,
      database,
      measured: `p50 ${ms(other.p50)} · p95 ${ms(other.p95)} · max ${ms(other.max)}`,
      reference: 'poll interval 1,000 ms',
      result: `p95 ${ms(other.p95)}`,
      target: atTarget ? `p95 ≤ ${targets.editVisibleOtherMs.toLocaleString('en-GB')} ms` : '— (information)',
      pass: atTarget ? other.p95 <= targets.editVisibleOtherMs : null,
    },
    {
      benchmark: `${sizeText(size)}: server process memory (VmHWM) through the bulk load and ${count(run.edits)} single edits (save and publish, each applied in place)`,
      database,
      measured: `peak ${count(run.peakMiB)} MiB (${count(mb(run.peakMiB))} MB) · ${count(run.afterMiB)} MiB at the end`,
      reference: `engine then: ${count(run.engine.rows ?? 0)} case studies in ${run.engine.segments ?? '?'} segments, ${count(run.engine.changed ?? 0)} changed rows in the delta`,
      result: `peak ${count(mb(run.peakMiB))} MB`,
      target: atTarget ? `≤ ${targets.serverPeakMB} MB` : '— (information)',
      pass: atTarget ? mb(run.peakMiB) <= targets.serverPeakMB : null,
    },
  ]
  if (memory) {
    rows.push({
      benchmark: `${sizeText(size)}: the search engine's own memory (built alone in a fresh process, after garbage collection)`,
      database,
      measured: `${count(memory.heapMiB + memory.buffersMiB)} MiB: ${count(memory.indexMiB)} MiB of index and listing (typed arrays), ${count(memory.bodiesMiB)} MiB of bodies kept for snippets, ${count(memory.heapMiB + memory.buffersMiB - memory.indexMiB - memory.bodiesMiB)} MiB else (lexicons, titles for sorting)`,
      reference: `built in ${ms(memory.buildMs)}, ${count(memory.rows)} case studies in ${memory.segments} segments; peak while building +${count(memory.buildPeakMiB)} MiB`,
      result: `${count(memory.heapMiB + memory.buffersMiB)} MiB`,
      target: '— (information)',
      pass: null,
    })
  }
  return rows
}
