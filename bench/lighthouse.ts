// Lighthouse on the public pages a visitor or a crawler meets first: the home page, the case-study
// search, a case study and the members, served by `coophub serve` (the compiled code, demo
// content) and audited in Debian's Chromium. Writes its section of docs/benchmarks.md.
// BENCH_LIGHTHOUSE_RUNS=<n> (1–9, default 3) runs per page.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { ensureBuilt } from './lib/build.ts'
import { median } from './lib/cold-start.ts'
import { audit, categories, chromiumPath, lighthouseVersion, type Audit, type Category } from './lib/lighthouse.ts'
import { freePort, httpGet, killAllChildren, repoRoot, spawnNode, stopChild, waitFor200 } from './lib/processes.ts'
import { machineDescription, writeSection } from './lib/report.ts'
import { casePath } from './lib/settings.ts'
import { embeddedDatabase } from './lib/targets.ts'

const runs = Math.max(1, Math.min(9, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3) || 3))
const pages = [
  { name: 'Home', path: '/' },
  { name: 'Case studies (search)', path: '/case-studies' },
  { name: 'A case study', path: casePath },
  { name: 'Members', path: '/members' },
]
const labels: Record<Category, string> = { performance: 'Performance', accessibility: 'Accessibility', 'best-practices': 'Best practices', seo: 'SEO' }

interface PageResult {
  name: string
  path: string
  audits: Audit[]
}

function chromiumVersion(): string {
  try {
    return execFileSync(chromiumPath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return 'Chromium (version unknown)'
  }
}

function table(results: PageResult[]): string {
  const ms = (value: number) => `${(value / 1000).toFixed(2)} s`
  const lines = [
    `| Page | ${categories.map((c) => labels[c]).join(' | ')} | First contentful paint | Largest contentful paint | Total blocking time | Layout shift | Performance of each run | All 100 |`,
    `| --- | ${categories.map(() => '---').join(' | ')} | --- | --- | --- | --- | --- | --- |`,
  ]
  for (const page of results) {
    const medians = Object.fromEntries(categories.map((c) => [c, median(page.audits.map((a) => a.scores[c]))])) as Record<Category, number>
    // The metrics of the run whose performance score is the median one.
    const byPerformance = [...page.audits].sort((a, b) => a.scores.performance - b.scores.performance)
    const typical = byPerformance[Math.floor((byPerformance.length - 1) / 2)]!
    const pass = categories.every((c) => medians[c] === 100)
    lines.push(
      `| ${page.name} (\`${page.path}\`) | ${categories.map((c) => medians[c]).join(' | ')} | ${ms(typical.fcpMs)} | ${ms(typical.lcpMs)} | ${Math.round(typical.tbtMs)} ms | ${typical.cls.toFixed(3)} | ${page.audits.map((a) => a.scores.performance).join(', ')} | ${pass ? 'pass' : '**FAIL**'} |`,
    )
  }
  return lines.join('\n')
}

async function main(): Promise<void> {
  const began = performance.now()
  const watchdog = setTimeout(() => {
    console.error('The Lighthouse benchmark ran for over 15 minutes: stopping.')
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
  console.log(`coophub Lighthouse benchmark: ${runs} runs per page, on ${machineDescription()}`)
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'coophub-lighthouse-data-'))
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const server = spawnNode(['bin/coophub.js', 'serve'], { ...embeddedDatabase(dataDir).env, PORT: String(port) })
  const results: PageResult[] = []
  try {
    await waitFor200(`${base}/`, server, 120_000)
    // The search engine is built after listening; then each page once, so that Lighthouse meets the page cache as a second visitor does.
    await sleep(2_000)
    for (const page of pages) {
      const { status } = await httpGet(`${base}${page.path}`, 30_000)
      if (status !== 200) throw new Error(`GET ${page.path} answered ${status}`)
    }
    for (const page of pages) {
      const audits: Audit[] = []
      for (let run = 1; run <= runs; run++) {
        const result = await audit(`${base}${page.path}`)
        audits.push(result)
        console.log(
          `  ${page.path} ${run}/${runs}: ${categories.map((c) => `${labels[c]} ${result.scores[c]}`).join(', ')}${result.failing.length ? ` — lost points: ${result.failing.join(', ')}` : ''}`,
        )
      }
      results.push({ ...page, audits })
    }
  } finally {
    await stopChild(server)
    rmSync(dataDir, { recursive: true, force: true })
  }

  const minutes = ((performance.now() - began) / 60_000).toFixed(1)
  const body = [
    `Run on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC in ${minutes} min — ${machineDescription()}; Lighthouse ${lighthouseVersion()} in ${chromiumVersion()} (headless); load average ${loadBefore} at the start.`,
    table(results),
    `**How to run.** \`npm run bench:lighthouse\` (about ${Math.max(1, Math.round((runs * pages.length * 15) / 60))} minutes). It builds \`dist/\` when it is missing or older than the sources, starts \`node bin/coophub.js serve\` on a temporary data folder with the demo content on a free 127.0.0.1 port, asks each page once (so that the page cache holds it, as for a second visitor), then runs Lighthouse's command line ${runs} times per page in Debian's Chromium (\`${chromiumPath}\`, never a downloaded browser), and stops the server. \`BENCH_LIGHTHOUSE_RUNS=<n>\` changes the runs per page. Never part of \`npm test\`: the performance score depends on the machine's load.`,
    `**What the numbers mean.** Lighthouse's defaults: a phone (Moto G Power sized screen) on a slow 4G connection, simulated from one real load of the page (150 ms round trips, 1.6 Mbit/s, the CPU slowed four times). Each category is the median of the runs; the timings and layout shift are those of the run with the median performance score. A performance score of 100 needs a first contentful paint under about 1.2 s and a largest contentful paint under about 1.7 s at these settings, no layout shift and almost no blocking time; the stylesheet blocks the first paint, which is why it is sent compressed (Brotli, about 14 KB instead of 148 KB) and cached for a year under an address that changes with its content.`,
  ].join('\n\n')
  writeSection(path.join(repoRoot, 'docs/benchmarks.md'), '## Lighthouse (issue 11)', body)
  console.log(`\n${table(results)}\n\nWritten to docs/benchmarks.md (${minutes} min).`)
  if (results.some((page) => categories.some((c) => median(page.audits.map((a) => a.scores[c])) !== 100))) process.exitCode = 1
}

await main()
