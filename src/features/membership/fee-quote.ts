// The fee a tier pays in a year, from the year's latest schedule and, for a council, its figures:
// the one calculation behind `coophub membership fee`, the fee calculator on /join and invoices.
import { desc, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { councilFigures, feeSchedules, localAuthorities } from '../../db/schema/index.ts'
import { invalid, ok, refused, type Failure, type FieldError, type Result } from '../../lib/result.ts'
import type { FeeSchedule, FeeTier } from './rules/fee-schedule.ts'
import { calculateFee, type Fee } from './rules/fees.ts'
import { yearLabel } from './rules/subscription-year.ts'

export interface StoredSchedule {
  id: number
  year: number
  version: number
  schedule: FeeSchedule
}

/** The schedule in force for a subscription year: its latest version, or none. */
export async function scheduleForYear(db: Executor, year: number): Promise<StoredSchedule | null> {
  const [row] = await db.select().from(feeSchedules).where(eq(feeSchedules.year, year)).orderBy(desc(feeSchedules.version)).limit(1)
  return row ? { id: row.id, year: row.year, version: row.version, schedule: row.schedule as FeeSchedule } : null
}

export interface CouncilFigures {
  code: string
  name: string
  population: number | null
  populationYear: number | null
  populationSource: string | null
  budgetPence: number | null
  budgetYear: number | null
  budgetSource: string | null
  /** True when nobody has entered figures: the population is the register's of 2020. */
  fromRegister: boolean
}

/** The register's population is of 2020 (mySociety's `pop-2020`). */
export const registerPopulation = { year: 2020, source: 'UK local authorities register (mySociety, CC-BY-4.0)' }

/** A council's figures as entered, or the register's population as the starting figure. */
export async function figuresForCouncil(db: Executor, code: string): Promise<CouncilFigures | null> {
  const [row] = await db
    .select({ authority: localAuthorities, figures: councilFigures })
    .from(localAuthorities)
    .leftJoin(councilFigures, eq(councilFigures.authorityCode, localAuthorities.code))
    .where(eq(localAuthorities.code, code))
  if (!row) return null
  const { authority, figures } = row
  if (figures) {
    return {
      code,
      name: authority.niceName,
      population: figures.population,
      populationYear: figures.populationYear,
      populationSource: figures.populationSource,
      budgetPence: figures.budgetPence,
      budgetYear: figures.budgetYear,
      budgetSource: figures.budgetSource,
      fromRegister: false,
    }
  }
  const population = authority.population && authority.population > 0 ? Math.round(authority.population) : null
  return {
    code,
    name: authority.niceName,
    population,
    populationYear: population ? registerPopulation.year : null,
    populationSource: population ? registerPopulation.source : null,
    budgetPence: null,
    budgetYear: null,
    budgetSource: null,
    fromRegister: true,
  }
}

export interface FeeQuestion {
  tier: FeeTier
  year: number
  /** A council from the register: its figures are used. */
  council?: string | null
  /** Or the figures themselves. */
  population?: number | null
  budgetPence?: number | null
}

export interface Quote extends Fee {
  tier: FeeTier
  year: number
  currency: 'GBP'
  schedule: StoredSchedule
  council: CouncilFigures | null
}

/**
 * The annual fee. Fails, with a catalogue key, when the year has no schedule, the council is not
 * in the register, or a banded tier lacks the figure it is measured by.
 */
export async function quoteFee(db: Executor, question: FeeQuestion): Promise<Result<Quote>> {
  const schedule = await scheduleForYear(db, question.year)
  if (!schedule) return invalid([{ field: 'year', message: 'join.quote.noSchedule', values: { year: yearLabel(question.year) } }])
  let council: CouncilFigures | null = null
  if (question.council) {
    council = await figuresForCouncil(db, question.council)
    if (!council) return invalid([{ field: 'council', message: 'join.quote.unknownCouncil', values: { code: question.council } }])
  }
  const figures = {
    population: question.population ?? council?.population ?? null,
    budgetPence: question.budgetPence ?? council?.budgetPence ?? null,
  }
  const fee = calculateFee(schedule.schedule, question.tier, figures)
  if (!fee.ok) return fee
  return ok({ ...fee.value, tier: question.tier, year: question.year, currency: 'GBP', schedule, council })
}

/**
 * Why a fee could not be worked out, as a refusal of the command that needed it: a missing figure
 * sends the administrator to the council's figures; other reasons keep their own message and values.
 */
export function cannotPrice(errors: readonly FieldError[]): Failure<never> {
  const first = errors[0]
  if (!first || first.message.startsWith('membership.fee.needs')) return refused('adminMembership.refused.needsFigures')
  return { ok: false, reason: 'refused', errors: [{ field: '', message: first.message, ...(first.values ? { values: first.values } : {}) }] }
}
