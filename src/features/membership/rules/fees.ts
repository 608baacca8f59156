// What a member pays: the annual fee under a year's schedule, the joining fee for part of a year,
// and the credit when an Associate membership becomes a Full one. Proration is by whole months
// (see wholeMonthsRemaining) and rounds to the nearest penny, a half penny up.
import type { Failure, Result } from '../../../lib/result.ts'
import { ok } from '../../../lib/result.ts'
import { isBanded, type Band, type FeeSchedule, type FeeTier, type JoiningPolicy } from './fee-schedule.ts'
import { isPence, type Pence } from './money.ts'
import { defaultYearStart, wholeMonthsRemaining, type IsoDate, type YearStart } from './subscription-year.ts'

export { formatPounds, parsePounds, poundsString, type Pence } from './money.ts'

/** A council's figures: population (people) and controllable budget (pence, revenue plus capital). */
export interface Figures {
  population?: number | null
  budgetPence?: number | null
}

export interface Fee {
  amount: Pence
  /** The band's label; null for a fixed fee. */
  band: string | null
  /** When the schedule's minimum or maximum set the amount rather than the band. */
  limitedBy: 'minimum' | 'maximum' | null
}

const figureError = (field: 'population' | 'budget', key: string, tier: FeeTier): Failure<never> => ({
  ok: false,
  reason: 'invalid',
  errors: [{ field, message: key, values: { tier } }],
})

const isPositiveWhole = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n > 0

/**
 * The annual fee for a tier under a schedule. A banded tier needs the figure its bands measure
 * (both for "greater-of"): without it the failure names the figure (field 'population' or 'budget').
 */
export function calculateFee(schedule: FeeSchedule, tier: FeeTier, figures: Figures = {}): Result<Fee> {
  const fee = schedule.tiers[tier]
  if (!isBanded(fee)) return ok({ amount: fee.fixed, band: null, limitedBy: null })
  const usesPopulation = fee.measure !== 'budget'
  const usesBudget = fee.measure !== 'population'
  const { population, budgetPence } = figures
  if (usesPopulation && (population === null || population === undefined)) {
    return figureError('population', usesBudget ? 'membership.fee.needsPopulationAndBudget' : 'membership.fee.needsPopulation', tier)
  }
  if (usesBudget && (budgetPence === null || budgetPence === undefined)) {
    return figureError('budget', usesPopulation ? 'membership.fee.needsPopulationAndBudget' : 'membership.fee.needsBudget', tier)
  }
  if (usesPopulation && !isPositiveWhole(population)) return figureError('population', 'membership.fee.populationNotPositive', tier)
  if (usesBudget && !isPositiveWhole(budgetPence)) return figureError('budget', 'membership.fee.budgetNotPositive', tier)

  const within = (limit: number | null | undefined, figure: number) => limit === null || limit === undefined || figure <= limit
  const byPopulation = usesPopulation ? fee.bands.find((b) => within(b.upToPopulation, population as number)) : undefined
  const byBudget = usesBudget ? fee.bands.find((b) => within(b.upToBudget, budgetPence as number)) : undefined
  // The later band wins a tie of fees: it is the one the larger figure reached.
  const candidates = [byPopulation, byBudget].filter((b): b is Band => b !== undefined)
  const band = candidates.reduce((a, b) => (b.fee > a.fee || (b.fee === a.fee && fee.bands.indexOf(b) > fee.bands.indexOf(a)) ? b : a))
  let amount = band.fee
  let limitedBy: Fee['limitedBy'] = null
  if (fee.minimum !== null && amount < fee.minimum) [amount, limitedBy] = [fee.minimum, 'minimum']
  if (fee.maximum !== null && amount > fee.maximum) [amount, limitedBy] = [fee.maximum, 'maximum']
  return ok({ amount, band: band.label, limitedBy })
}

/** `months` twelfths of an annual amount, to the nearest penny (a half penny up). */
export function prorate(annual: Pence, months: number, ofMonths = 12): Pence {
  if (!isPence(annual) || annual < 0) throw new RangeError(`Not an amount of pence: ${annual}`)
  if (!Number.isInteger(months) || months < 0 || !Number.isInteger(ofMonths) || ofMonths < 1)
    throw new RangeError(`Not a number of months: ${months}/${ofMonths}`)
  if (months >= ofMonths) return annual
  const scaled = BigInt(annual) * BigInt(months) * 2n + BigInt(ofMonths)
  return Number(scaled / (2n * BigInt(ofMonths)))
}

export interface JoiningFee {
  amount: Pence
  /** The whole months of the year left on the joining date (12 on or before its first day). */
  months: number
  policy: JoiningPolicy
}

/**
 * The first invoice's fee for a member joining on `joinDate` in the schedule's year: "prorate"
 * charges the whole months remaining; "full-year" the annual fee; "free-until-september" nothing
 * until the next year starts, unless they join on or before the year's first day.
 */
export function joiningFee(
  annual: Pence,
  joinDate: IsoDate,
  schedule: Pick<FeeSchedule, 'year' | 'joining'>,
  yearStart: YearStart = defaultYearStart,
): JoiningFee {
  const months = wholeMonthsRemaining(joinDate, schedule.year, yearStart)
  const policy = schedule.joining
  if (policy === 'full-year') return { amount: annual, months, policy }
  if (policy === 'free-until-september') return { amount: months === 12 ? annual : 0, months, policy }
  return { amount: prorate(annual, months), months, policy }
}

/**
 * The credit on the Full invoice when an Associate membership converts on `conversionDate`: the
 * Associate fee for `year` (paid or invoiced) for the whole months left. When that fee covered only
 * part of the year (the member joined mid-year, `monthsCovered` of 12), the credit is its share per
 * month covered, and never more than was charged.
 */
export function conversionCredit(
  associatePaidOrInvoiced: Pence,
  conversionDate: IsoDate,
  year: number,
  yearStart: YearStart = defaultYearStart,
  monthsCovered = 12,
): Pence {
  const remaining = wholeMonthsRemaining(conversionDate, year, yearStart)
  return prorate(associatePaidOrInvoiced, Math.min(remaining, monthsCovered), monthsCovered)
}
