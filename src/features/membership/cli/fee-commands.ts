// `coophub membership fee` and `coophub membership fees import`: the fee calculator for people and
// scripts, and loading a year's schedule. The command line speaks English.
import { readFile } from 'node:fs/promises'
import type { Database } from '../../../db/client.ts'
import { inTransaction } from '../../../db/unit-of-work.ts'
import { translator } from '../../../i18n/catalogue.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import { importCouncilFigures } from '../commands/import-council-figures.ts'
import { importFeeSchedule } from '../commands/import-fee-schedule.ts'
import { listRegisterCouncils } from '../queries.ts'
import { parseFiguresCsv } from '../rules/figures-csv.ts'
import { quoteFee, type Quote } from '../fee-quote.ts'
import { describeRowError, type RowError } from '../rules/message.ts'
import { feeTiers, parseFeeScheduleText, type FeeTier } from '../rules/fee-schedule.ts'
import { formatPounds, poundsString } from '../rules/money.ts'
import { yearLabel } from '../rules/subscription-year.ts'

export interface Output {
  out(line: string): void
  err(line: string): void
  /** A line of progress on a terminal, overwritten by the next. */
  progress?(line: string): void
}

const english = translator('en')

export interface FeeOptions {
  tier: string
  year: number
  council?: string
  population?: number
  budgetPence?: number
  json: boolean
}

/** The JSON line scripts read: amount in pounds with pence, as a decimal string. */
export function feeJson(quote: Quote) {
  return {
    tier: quote.tier,
    year: quote.year,
    amount: poundsString(quote.amount),
    currency: quote.currency,
    band: quote.band,
    schedule: quote.schedule.schedule.label,
  }
}

export async function runFeeCommand(db: Database, options: FeeOptions, output: Output): Promise<boolean> {
  if (!(feeTiers as readonly string[]).includes(options.tier)) {
    output.err(`--tier must be one of ${feeTiers.join(', ')} (not “${options.tier}”).`)
    return false
  }
  if (options.council && (options.population !== undefined || options.budgetPence !== undefined)) {
    output.err('Give either --council or --population and --budget, not both: a council’s own figures are used with --council.')
    return false
  }
  const quote = await quoteFee(db, {
    tier: options.tier as FeeTier,
    year: options.year,
    council: options.council ?? null,
    population: options.population ?? null,
    budgetPence: options.budgetPence ?? null,
  })
  if (!quote.ok) {
    for (const e of quote.errors) output.err(english(e.message, e.values))
    return false
  }
  const q = quote.value
  if (options.json) {
    output.out(JSON.stringify(feeJson(q)))
    return true
  }
  const band = q.band ? `, band ${q.band}` : ''
  const limit = q.limitedBy ? ` (the schedule’s ${q.limitedBy})` : ''
  output.out(`${english(`organisations.tier.${q.tier}`)}, ${yearLabel(q.year)}: £${formatPounds(q.amount)} a year${band}${limit}.`)
  if (q.council) {
    const population = q.council.population
      ? `population ${q.council.population.toLocaleString('en-GB')} (${q.council.populationYear}, ${q.council.populationSource})`
      : 'no population'
    const budget = q.council.budgetPence ? `budget £${formatPounds(q.council.budgetPence)} (${q.council.budgetYear}, ${q.council.budgetSource})` : 'no budget'
    output.out(`${q.council.name}: ${population}; ${budget}.`)
  }
  output.out(`Schedule: ${q.schedule.schedule.label} (version ${q.schedule.version}).`)
  return true
}

export async function runFeesImport(db: Database, actor: AuditActor, file: string, output: Output): Promise<boolean> {
  const text = await readInput(file, output)
  if (text === null) return false
  const parsed = parseFeeScheduleText(text)
  if (!parsed.ok) {
    output.err(`${file} is not a fee schedule coophub can load; nothing was loaded:`)
    for (const e of parsed.errors) output.err(`  ${describeRowError(e as RowError, english)}`)
    return false
  }
  const schedule = parsed.value
  const stored = await inTransaction(db, (tx) => importFeeSchedule(tx, actor, schedule))
  if (!stored.ok) {
    for (const e of stored.errors) output.err(english(e.message, e.values))
    return false
  }
  output.out(
    `Loaded the ${yearLabel(schedule.year)} fee schedule, version ${stored.value.version}: ${schedule.label}${schedule.example ? ' (an example, not real fees)' : ''}.`,
  )
  return true
}

export async function runFiguresImport(db: Database, actor: AuditActor, file: string, output: Output): Promise<boolean> {
  const text = await readInput(file, output)
  if (text === null) return false
  const known = new Set((await listRegisterCouncils(db)).map((c) => c.code))
  if (known.size === 0) {
    output.err('The register of local authorities is empty: load it first with `coophub authorities import`.')
    return false
  }
  const parsed = parseFiguresCsv(text, known)
  if (!parsed.ok) {
    output.err(`${file} has problems; nothing was imported:`)
    for (const e of parsed.errors) output.err(`  ${describeRowError(e as RowError, english)}`)
    return false
  }
  const rows = parsed.value
  const stored = await inTransaction(db, (tx) =>
    importCouncilFigures(tx, actor, rows, (done) => output.progress?.(`Importing figures: ${done}/${rows.length}`)),
  )
  if (!stored.ok) {
    for (const e of stored.errors) output.err(english(e.message, e.values))
    return false
  }
  output.out(`Imported the figures of ${stored.value.count} councils.`)
  return true
}

/** A file's text, or null after saying on standard error why it could not be read. */
async function readInput(file: string, output: Output): Promise<string | null> {
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    output.err(`Could not read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`)
    return null
  }
}
