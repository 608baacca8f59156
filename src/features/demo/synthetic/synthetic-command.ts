// `coophub demo --synthetic`: benchmark data only, never loaded by the web server (README.md here).
import { InvalidArgumentError } from 'commander'
import type { Database } from '../../../db/client.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import { createProgress, type Output } from '../../import/cli/progress.ts'
import { loadSynthetic, type LoadSyntheticResult } from './load-synthetic.ts'

export const maxSyntheticCount = 200_000
export const maxSeed = 2_147_483_647

function wholeNumber(value: string, min: number, max: number, what: string): number {
  const text = value.trim()
  const n = /^-?\d+$/.test(text) ? Number(text) : Number.NaN
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new InvalidArgumentError(`${what} must be a whole number from ${min} to ${max}.`)
  }
  return n
}

/** `--synthetic <n>`: commander shows the message and exits on a bad value, with no stack trace. */
export const parseSyntheticCount = (value: string): number => wholeNumber(value, 1, maxSyntheticCount, 'The number of case studies')

/** `--seed <s>`: the seed is part of every slug (`s7-…`), so it is a non-negative whole number. */
export const parseSeed = (value: string): number => wholeNumber(value, 0, maxSeed, 'The seed')

const formatNumber = (n: number) => n.toLocaleString('en-GB')

export interface SyntheticRunOptions {
  count: number
  seed: number
  batchSize?: number
  /** Show a progress bar (a terminal) rather than a line now and then. */
  tty?: boolean
}

/** Loads synthetic content showing progress, then prints what was added and how fast. */
export async function runSynthetic(db: Database, actor: AuditActor, options: SyntheticRunOptions, output: Output): Promise<LoadSyntheticResult> {
  const began = performance.now()
  const progress = createProgress(output, 'Synthetic case studies', options.tty)
  progress.start(options.count)
  let shown = 0
  let lastLine = began
  let result: LoadSyntheticResult
  try {
    result = await loadSynthetic(db, actor, {
      count: options.count,
      seed: options.seed,
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
      onProgress: (done, total) => {
        const now = performance.now()
        // Where there is no bar, a line at most every few seconds (and at the end) is enough.
        const line = now - lastLine >= 3000 || done === total
        for (; shown < done - 1; shown++) progress.tick()
        if (shown < done) {
          shown++
          const rate = done / Math.max(0.001, (now - began) / 1000)
          progress.tick(
            line
              ? `${formatNumber(done)}/${formatNumber(total)} case studies (${Math.floor((done / total) * 100)}%), ${formatNumber(Math.round(rate))}/s`
              : undefined,
          )
        }
        if (line) lastLine = now
        progress.flush()
      },
    })
  } finally {
    progress.stop()
  }
  const seconds = (performance.now() - began) / 1000
  const { caseStudies, organisations, themes } = result
  if (result.demoLoaded) output.out(`The database had no principles: loaded the demo content first (${result.principles} principles).`)
  output.out(
    `Synthetic content, seed ${options.seed}: ${formatNumber(caseStudies.added)} case studies added` +
      (caseStudies.existing > 0 ? ` (${formatNumber(caseStudies.existing)} already there, left as they were)` : '') +
      `; ${formatNumber(organisations.added)} organisations added (${formatNumber(organisations.existing)} already there); ` +
      `${themes.added} themes added (${themes.existing} already there).`,
  )
  output.out(`Took ${seconds.toFixed(1)} s: ${formatNumber(Math.round(options.count / Math.max(seconds, 0.001)))} case studies a second.`)
  return result
}
