// The membership commands as main.ts calls them: options read and checked here, the work in the
// feature's commands, the words on standard output and errors on standard error.
import type { Config } from '../../../config.ts'
import type { Database } from '../../../db/client.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import { penceOf } from '../rules/money.ts'
import { commandLineActor } from '../../audit/record-audit.ts'
import { currentYear } from '../run-context.ts'
import { isIsoDate, londonDate } from '../rules/subscription-year.ts'

export { currentYear }
import { runFeeCommand, runFeesImport, runFiguresImport, type FeeOptions, type Output } from './fee-commands.ts'

let progressShown = false
const endProgress = () => {
  if (progressShown) process.stderr.write('\n')
  progressShown = false
}
const consoleOutput: Output = {
  out: (line) => (endProgress(), console.log(line)),
  err: (line) => (endProgress(), console.error(line)),
  progress: (line) => {
    if (!process.stderr.isTTY) return
    process.stderr.write(`\r${line}`)
    progressShown = true
  },
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string }

export function parseYear(text: string | undefined, config: Config): Parsed<number> {
  if (text === undefined) return { ok: true, value: currentYear(config) }
  if (!/^\d{4}$/.test(text) || Number(text) < 2000 || Number(text) > 2100) return { ok: false, message: `--year must be a year such as 2026 (not “${text}”)` }
  return { ok: true, value: Number(text) }
}

export const feeCommand = {
  parseOptions(
    options: { tier: string; council?: string; population?: string; budget?: string; year?: string; json?: boolean },
    config: Config,
  ): Parsed<FeeOptions> {
    const year = parseYear(options.year, config)
    if (!year.ok) return year
    const value: FeeOptions = { tier: options.tier, year: year.value, json: options.json === true }
    if (options.council !== undefined) value.council = options.council.trim().toUpperCase()
    if (options.population !== undefined) {
      const n = Number(options.population.replaceAll(',', ''))
      if (!Number.isSafeInteger(n) || n <= 0)
        return { ok: false, message: `--population must be a whole number of people above 0 (not “${options.population}”)` }
      value.population = n
    }
    if (options.budget !== undefined) {
      const pence = penceOf(options.budget.replace(/^£/, '').replaceAll(',', ''))
      if (typeof pence !== 'number' || pence <= 0)
        return { ok: false, message: `--budget must be an amount of pounds above 0, such as 250000000 (not “${options.budget}”)` }
      value.budgetPence = pence
    }
    return { ok: true, value }
  },
  run: (db: Database, options: FeeOptions) => runFeeCommand(db, options, consoleOutput),
}

export const feesImport = (db: Database, actor: AuditActor, file: string) => runFeesImport(db, actor, file, consoleOutput)

export const figuresImport = (db: Database, actor: AuditActor, file: string) => runFiguresImport(db, actor, file, consoleOutput)

export function parseDate(text: string | undefined): Parsed<string | null> {
  if (text === undefined) return { ok: true, value: null }
  if (!isIsoDate(text)) return { ok: false, message: `--date must be a date as YYYY-MM-DD (not “${text}”)` }
  return { ok: true, value: text }
}

/** The mailer of a command: the same outbox and SMTP settings as the server's. */
async function commandMailer(config: Config, db: Database) {
  const { createMailer } = await import('../../email/outbox.ts')
  // The mailer logs as the server does; on the command line only its warnings matter, on standard error.
  const log = { info: () => {}, warn: (_detail: unknown, message: string) => console.error(message) } as unknown as Parameters<typeof createMailer>[2]
  return createMailer(config, db, log)
}

export async function renew(db: Database, config: Config, options: { year: number; date: string | null; dryRun: boolean; json: boolean }): Promise<boolean> {
  const { runRenewCommand, runContext } = await import('./run-commands.ts')
  const context = runContext(config, options.date ?? londonDate(new Date()), commandLineActor)
  return runRenewCommand(db, await commandMailer(config, db), context, options, consoleOutput)
}

export async function runDailyByHand(db: Database, config: Config, date: string | null): Promise<boolean> {
  const { runDailyCommand, runContext } = await import('./run-commands.ts')
  return runDailyCommand(db, await commandMailer(config, db), runContext(config, date ?? londonDate(new Date())), consoleOutput)
}
