import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { spawnNode } from './processes.ts'

/** Debian's Chromium with the house's flags: never a downloaded browser. */
export const chromiumPath = '/usr/bin/chromium'
const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const
export type Category = (typeof categories)[number]

export interface Audit {
  /** 0–100 per category. */
  scores: Record<Category, number>
  fcpMs: number
  lcpMs: number
  tbtMs: number
  cls: number
  /** Audits that lost points, for the log: "id (score)". */
  failing: string[]
}

interface LighthouseResult {
  categories: Record<Category, { score: number | null }>
  audits: Record<string, { score: number | null; numericValue?: number; scoreDisplayMode?: string }>
}

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.resolve('lighthouse'))), '../cli/index.js')

export function lighthouseVersion(): string {
  return (JSON.parse(readFileSync(path.resolve(path.dirname(cli), '../package.json'), 'utf8')) as { version: string }).version
}

/** One Lighthouse run on `url` (its default: a phone on a slow 4G connection, simulated), read from its JSON report. */
export async function audit(url: string, limitMs = 120_000): Promise<Audit> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'coophub-lighthouse-'))
  const report = path.join(folder, 'report.json')
  try {
    const run = spawnNode(
      [cli, url, '--quiet', '--output=json', `--output-path=${report}`, `--chrome-flags=${chromiumFlags.join(' ')}`, `--max-wait-for-load=${limitMs / 2}`],
      { ...process.env, CHROME_PATH: chromiumPath },
    )
    const timer = setTimeout(() => run.child.kill('SIGKILL'), limitMs)
    const code = await run.exited
    clearTimeout(timer)
    if (code !== 0) throw new Error(`lighthouse exited with ${code}:\n${run.output()}`)
    const result = JSON.parse(readFileSync(report, 'utf8')) as LighthouseResult
    const score = (c: Category) => Math.round((result.categories[c].score ?? 0) * 100)
    const value = (id: string) => result.audits[id]?.numericValue ?? Number.NaN
    const failing = Object.entries(result.audits)
      .filter(
        ([, a]) =>
          a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable' && a.scoreDisplayMode !== 'manual',
      )
      .map(([id, a]) => `${id} (${a.score})`)
    return {
      scores: { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), seo: score('seo') },
      fcpMs: value('first-contentful-paint'),
      lcpMs: value('largest-contentful-paint'),
      tbtMs: value('total-blocking-time'),
      cls: value('cumulative-layout-shift'),
      failing,
    }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}
