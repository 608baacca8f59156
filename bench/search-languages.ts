// Benchmark for issue 13: the search page in Welsh keeps the English page's speed (target: Welsh
// within 10 % of English, median and p95). The app runs in this process on an in-memory PGlite
// with the demo content (BENCH_LANGUAGES_CASE_STUDIES=N adds N synthetic case studies), and is
// asked through app.inject, so what is timed is the server's own work: routing, the search, the
// page's rendering in its language and moving its links under /cy. Every address is new to the
// page cache (a parameter the page ignores, different each time), so every answer is a search and
// a rendering, never a cached page. English and Welsh alternate, in turn first, over the same
// addresses, round after round. Writes its section of docs/benchmarks.md.
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { migrateDatabase, openDatabase } from '../src/db/client.ts'
import { commandLineActor } from '../src/features/audit/record-audit.ts'
import { loadDemoContent } from '../src/features/demo/load-demo-content.ts'
import { loadSynthetic } from '../src/features/demo/synthetic/load-synthetic.ts'
import { count, ms, percentile, summarise, type Latency } from './lib/latency.ts'
import { repoRoot } from './lib/processes.ts'
import { machineDescription, markdownTable, writeSection, type Row } from './lib/report.ts'

const heading = '## The search page in English and Welsh (issue 13)'
const target = 1.1

const positive = (name: string, fallback: number): number => {
  const n = Number(process.env[name] ?? fallback)
  return Number.isInteger(n) && n >= 0 ? n : fallback
}
const syntheticCount = positive('BENCH_LANGUAGES_CASE_STUDIES', 0)
const rounds = positive('BENCH_LANGUAGES_ROUNDS', 60)
const warmUpRounds = positive('BENCH_LANGUAGES_WARM_UP', 5)

/** Words people search for: plain, several, joined or misspelt, a phrase, a word left out, and none. */
const queries = [
  '',
  'housing',
  'energy',
  'co-production',
  'coproduction',
  'coproductoin',
  'co-production housing',
  'credit union',
  'food',
  'climate',
  'social value',
  'procurement',
  '"community wealth"',
  'community -energy',
  'transport',
  'young people',
  'care',
  'health',
  'loans',
  'council',
  'participatory budgeting',
  'poverty',
  'neighbourhood',
  'digital',
  'the',
]

/** The filter values the content has, read from the English page's facets. */
async function filterValues(app: FastifyInstance): Promise<string[]> {
  const html = (await app.inject('/case-studies')).body
  const first = (param: string) => new RegExp(`data-qa="facet-${param}-([a-z0-9-]+)"`).exec(html)?.[1]
  const filters = [
    ['principle', first('principle')],
    ['kind', first('kind')],
    ['nation', first('nation')],
    ['tier', first('tier')],
    ['theme', first('theme')],
    ['member', first('member')],
  ].filter((f): f is [string, string] => f[1] !== undefined)
  return [...filters.map(([name, value]) => `${name}=${value}`), 'sort=title', 'sort=oldest', 'page=2']
}

/** About 50 distinct searches: each query alone and with one filter or sort. */
function addresses(filters: string[]): string[] {
  return queries.flatMap((q, i) => {
    const query = q ? `q=${encodeURIComponent(q)}` : ''
    const filter = filters[i % filters.length]!
    return [query, [query, filter].filter(Boolean).join('&')].map((s) => `/case-studies${s ? `?${s}` : ''}`)
  })
}

let buster = 0
/** The server's time for one uncached page, in ms. */
async function time(app: FastifyInstance, address: string): Promise<{ ms: number; bytes: number }> {
  const url = `${address}${address.includes('?') ? '&' : '?'}bench=${++buster}`
  const began = performance.now()
  const res = await app.inject(url)
  const elapsed = performance.now() - began
  if (res.statusCode !== 200) throw new Error(`GET ${url} answered ${res.statusCode}`)
  if (res.headers['x-coophub-cache'] === 'hit') throw new Error(`GET ${url} came from the page cache`)
  return { ms: elapsed, bytes: res.rawPayload.length }
}

async function main(): Promise<void> {
  const config = loadConfig({ NETWORK_NAME: 'Benchmark Councils Network', LOG_LEVEL: 'silent', DATABASE_URL: '', DATA_DIR: '' })
  const handle = await openDatabase({ embedded: null })
  await migrateDatabase(handle.db)
  await loadDemoContent(handle.db)
  if (syntheticCount > 0) {
    console.log(`loading ${count(syntheticCount)} synthetic case studies`)
    await loadSynthetic(handle.db, commandLineActor, { count: syntheticCount, seed: 1 })
  }
  const app = await buildApp({ config, db: handle.db, dbKind: handle.kind, assetVersion: 'bench' })
  await app.ready()
  try {
    const list = addresses(await filterValues(app))
    const times = { en: [] as number[], cy: [] as number[] }
    /** Welsh time over English time for the same address in the same round: the machine's load weighs on both alike. */
    const pairs: number[] = []
    const bytes = { en: 0, cy: 0 }
    console.log(`${list.length} distinct addresses, ${warmUpRounds} rounds to warm up, ${rounds} measured, English and Welsh alternating`)
    for (let round = 0; round < warmUpRounds + rounds; round++) {
      const measured = round >= warmUpRounds
      for (const [i, address] of list.entries()) {
        // Each language goes first half the time: neither gains from the other warming a search.
        const order = (round + i) % 2 === 0 ? (['en', 'cy'] as const) : (['cy', 'en'] as const)
        const pair = { en: 0, cy: 0 }
        for (const language of order) {
          const answer = await time(app, language === 'cy' ? `/cy${address}` : address)
          pair[language] = answer.ms
          if (measured) {
            times[language].push(answer.ms)
            bytes[language] += answer.bytes
          }
        }
        if (measured) pairs.push(pair.cy / pair.en)
      }
      if (measured && (round - warmUpRounds + 1) % 10 === 0) console.log(`  round ${round - warmUpRounds + 1}/${rounds}`)
    }
    report(summarise(times.en), summarise(times.cy), percentile(pairs, 50), bytes, list.length)
  } finally {
    await app.close()
    await handle.close()
  }
}

function report(en: Latency, cy: Latency, pairedMedian: number, bytes: { en: number; cy: number }, distinct: number): void {
  const ratio = (a: number, b: number) => a / b
  const medianRatio = ratio(cy.p50, en.p50)
  const p95Ratio = ratio(cy.p95, en.p95)
  const content = syntheticCount > 0 ? `demo content and ${count(syntheticCount)} synthetic case studies` : 'demo content'
  const database = 'PGlite (in memory)'
  const rows: Row[] = [
    {
      benchmark: 'Search page, uncached: median server time',
      database,
      measured: `Welsh ${ms(cy.p50)}`,
      reference: `English ${ms(en.p50)}`,
      result: `${medianRatio.toFixed(3)} ×`,
      target: `≤ ${target.toFixed(2)} ×`,
      pass: medianRatio <= target,
    },
    {
      benchmark: 'Search page, uncached: p95 server time',
      database,
      measured: `Welsh ${ms(cy.p95)}`,
      reference: `English ${ms(en.p95)}`,
      result: `${p95Ratio.toFixed(3)} ×`,
      target: `≤ ${target.toFixed(2)} ×`,
      pass: p95Ratio <= target,
    },
    {
      benchmark: 'Search page, uncached: median of Welsh ÷ English for the same address',
      database,
      measured: `${pairedMedian.toFixed(3)} ×`,
      reference: '',
      result: `${pairedMedian.toFixed(3)} ×`,
      target: '',
      pass: null,
    },
    {
      benchmark: 'Search page: mean size',
      database,
      measured: `Welsh ${count(bytes.cy / cy.count)} bytes`,
      reference: `English ${count(bytes.en / en.count)} bytes`,
      result: `${ratio(bytes.cy, bytes.en).toFixed(3)} ×`,
      target: '',
      pass: null,
    },
  ]
  const load = os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(', ')
  const table = markdownTable(rows)
  console.log(`\n${table}\n`)
  const body = `${table}

Measured ${new Date().toISOString().slice(0, 10)} on ${machineDescription()}, with \`npm run bench:search-languages\` (bench/search-languages.ts):
the app in the benchmark's own process on ${content}, each page asked through \`app.inject\` (the server's work only: routing,
the search, the page rendered in its language with its links in that language; no network, no compression). ${distinct} distinct searches
(plain words, several words, a phrase, a word left out, a misspelling, stop words alone, no words; alone and with a filter, a sort or
page 2), each with a parameter the page ignores that differs every time, so that no answer comes from the page cache. English and
Welsh alternate over the same addresses, each first half the time, ${rounds} rounds (${count(en.count)} pages in each language) after
${warmUpRounds} to warm up. English p99 ${ms(en.p99)}, Welsh p99 ${ms(cy.p99)}. The machine's load average during the run: ${load}
(the medians of an uncached page are a millisecond or two: a busy machine moves them by more than the languages do; the paired
ratio is the steadier figure). Variables: BENCH_LANGUAGES_ROUNDS, BENCH_LANGUAGES_WARM_UP,
BENCH_LANGUAGES_CASE_STUDIES.`
  writeSection(path.join(repoRoot, 'docs', 'benchmarks.md'), heading, body)
  console.log(`wrote "${heading}" in docs/benchmarks.md`)
}

await main()
