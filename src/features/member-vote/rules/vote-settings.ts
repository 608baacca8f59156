// How a vote asks, who votes and how it counts, as an administrator sets it up. Pure: the form's
// text in, the settings (or every problem, each naming its field) out.
import {
  ballotTypes,
  countCompletions,
  countingRules,
  paidTiers,
  type BallotType,
  type CountCompletion,
  type CountingRule,
  type PaidTier,
} from '../../../db/schema/enums.ts'
import { invalid, ok, type FieldError, type Result } from '../../../lib/result.ts'
import { penceOf } from '../../membership/rules/money.ts'
import { londonInstant, londonWallClockAt } from './london-time.ts'

export interface DateTimeBoxes {
  day: string
  month: string
  year: string
  /** "09:00" or "9:00", 24-hour. */
  time: string
}

export interface VoteForm {
  ballotType: string
  minChoices: string
  maxChoices: string
  pointsPerBallot: string
  countingRule: string
  completion: string
  compareWithGreedy: boolean
  budget: string
  tiers: string[]
  opensAt: DateTimeBoxes
  closesAt: DateTimeBoxes
  revision: string
}

/** Who may vote: the member organisations of these tiers, one ballot each. */
export interface Electorate {
  tiers: PaidTier[]
}

export interface VoteSettings {
  ballotType: BallotType
  minChoices: number
  maxChoices: number | null
  pointsPerBallot: number | null
  countingRule: CountingRule
  completion: CountCompletion
  compareWithGreedy: boolean
  budgetPence: number
  electorate: Electorate
  opensAt: Date
  closesAt: Date
}

/** No ballot names more bids than this, and no points ballot shares out more. */
export const maxChoicesLimit = 1000
export const maxPointsPerBallot = 10_000

const wholeNumber = /^\d{1,6}$/
const timeOfDay = /^(\d{1,2})[:.](\d{2})$/

function readWholeNumber(text: string): number | null {
  const trimmed = text.trim()
  return wholeNumber.test(trimmed) ? Number(trimmed) : null
}

function readInstant(boxes: DateTimeBoxes): Date | null {
  const day = readWholeNumber(boxes.day)
  const month = readWholeNumber(boxes.month)
  const year = readWholeNumber(boxes.year)
  const time = timeOfDay.exec(boxes.time.trim())
  if (day === null || month === null || year === null || year < 2000 || year > 9999 || !time) return null
  return londonInstant({ year, month, day, hour: Number(time[1]), minute: Number(time[2]) })
}

/** Reads the electorate as stored (JSONB), keeping only tiers that exist. */
export function storedElectorate(value: unknown): Electorate {
  const tiers = value && typeof value === 'object' && Array.isArray((value as { tiers?: unknown }).tiers) ? (value as { tiers: unknown[] }).tiers : []
  return { tiers: paidTiers.filter((tier) => tiers.includes(tier)) }
}

/** Checks a vote's set-up form; the budget may not be more than the call's pot. */
export function checkVoteForm(form: VoteForm, limits: { potPence: number }): Result<VoteSettings> {
  const errors: FieldError[] = []
  const ballotType = (ballotTypes as readonly string[]).includes(form.ballotType) ? (form.ballotType as BallotType) : null
  if (!ballotType) errors.push({ field: 'ballotType', message: 'memberVote.settings.ballotTypeMissing' })

  let minChoices = 1
  let maxChoices: number | null = null
  if (ballotType === 'approval') {
    const min = readWholeNumber(form.minChoices)
    if (min === null || min > maxChoicesLimit) errors.push({ field: 'minChoices', message: 'memberVote.settings.minChoicesInvalid' })
    else minChoices = min
    if (form.maxChoices.trim() !== '') {
      const max = readWholeNumber(form.maxChoices)
      if (max === null || max < 1 || max > maxChoicesLimit) errors.push({ field: 'maxChoices', message: 'memberVote.settings.maxChoicesInvalid' })
      else if (min !== null && max < min) errors.push({ field: 'maxChoices', message: 'memberVote.settings.maxBelowMin' })
      else maxChoices = max
    }
  }

  let pointsPerBallot: number | null = null
  if (ballotType === 'cumulative') {
    const points = readWholeNumber(form.pointsPerBallot)
    if (points === null || points < 1 || points > maxPointsPerBallot)
      errors.push({ field: 'pointsPerBallot', message: 'memberVote.settings.pointsInvalid', values: { max: maxPointsPerBallot } })
    else pointsPerBallot = points
  }

  const countingRule = (countingRules as readonly string[]).includes(form.countingRule) ? (form.countingRule as CountingRule) : null
  if (!countingRule) errors.push({ field: 'countingRule', message: 'memberVote.settings.countingRuleMissing' })
  // Completion and the comparison belong to Equal Shares: greedy spends what fits anyway.
  let completion: CountCompletion = 'none'
  if (countingRule === 'equal-shares') {
    if ((countCompletions as readonly string[]).includes(form.completion)) completion = form.completion as CountCompletion
    else errors.push({ field: 'completion', message: 'memberVote.settings.completionMissing' })
  }

  const budget = penceOf(form.budget)
  let budgetPence = 0
  if (typeof budget !== 'number') errors.push({ field: 'budget', message: 'memberVote.settings.budgetInvalid' })
  else if (budget <= 0) errors.push({ field: 'budget', message: 'memberVote.settings.budgetInvalid' })
  else if (budget > limits.potPence) errors.push({ field: 'budget', message: 'memberVote.settings.budgetOverPot' })
  else budgetPence = budget

  const tiers = paidTiers.filter((tier) => form.tiers.includes(tier))
  if (tiers.length === 0 || tiers.length !== new Set(form.tiers).size) errors.push({ field: 'tiers', message: 'memberVote.settings.tiersMissing' })

  const opensAt = readInstant(form.opensAt)
  if (!opensAt) errors.push({ field: 'opensAt-day', message: 'memberVote.settings.opensAtInvalid' })
  const closesAt = readInstant(form.closesAt)
  if (!closesAt) errors.push({ field: 'closesAt-day', message: 'memberVote.settings.closesAtInvalid' })
  else if (opensAt && closesAt <= opensAt) errors.push({ field: 'closesAt-day', message: 'memberVote.settings.closesBeforeOpens' })

  if (errors.length > 0 || !ballotType || !countingRule || !opensAt || !closesAt) return invalid(errors)
  return ok({
    ballotType,
    minChoices,
    maxChoices,
    pointsPerBallot,
    countingRule,
    completion,
    compareWithGreedy: countingRule === 'equal-shares' && form.compareWithGreedy,
    budgetPence,
    electorate: { tiers },
    opensAt,
    closesAt,
  })
}

function boxesOf(instant: Date): DateTimeBoxes {
  const w = londonWallClockAt(instant)
  return { day: String(w.day), month: String(w.month), year: String(w.year), time: `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}` }
}

const emptyBoxes: DateTimeBoxes = { day: '', month: '', year: '', time: '' }

/** A new vote's form: the call's pot, Full and Associate members, Equal Shares completed by Add1. */
export function blankVoteForm(potPence: number): VoteForm {
  return {
    ballotType: 'approval',
    minChoices: '1',
    maxChoices: '',
    pointsPerBallot: '',
    countingRule: 'equal-shares',
    completion: 'add1',
    compareWithGreedy: false,
    budget: poundsText(potPence),
    tiers: ['full', 'associate'],
    opensAt: { ...emptyBoxes, time: '09:00' },
    closesAt: { ...emptyBoxes, time: '17:00' },
    revision: '',
  }
}

/** The form of a saved vote. */
export function voteFormOf(vote: Omit<VoteSettings, 'electorate'> & { electorate: unknown; revision: number }): VoteForm {
  return {
    ballotType: vote.ballotType,
    minChoices: String(vote.minChoices),
    maxChoices: vote.maxChoices === null ? '' : String(vote.maxChoices),
    pointsPerBallot: vote.pointsPerBallot === null ? '' : String(vote.pointsPerBallot),
    countingRule: vote.countingRule,
    completion: vote.completion,
    compareWithGreedy: vote.compareWithGreedy,
    budget: poundsText(vote.budgetPence),
    tiers: storedElectorate(vote.electorate).tiers,
    opensAt: boxesOf(vote.opensAt),
    closesAt: boxesOf(vote.closesAt),
    revision: String(vote.revision),
  }
}

/** "60000" or "60000.50": what the budget box shows. */
function poundsText(pence: number): string {
  const pounds = Math.floor(pence / 100)
  const pennies = pence % 100
  return pennies === 0 ? String(pounds) : `${pounds}.${String(pennies).padStart(2, '0')}`
}
