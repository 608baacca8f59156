// The fee schedule of one subscription year, as data: what the network charges each tier. The
// network's own bands are not public, so the schedule arrives as a JSON file
// (`coophub membership fees import FILE.json`; data/membership/example-fee-schedule.json is an
// example). The file's shape:
//
//   { "year": 2026, "currency": "GBP", "label": "2026/27 fees", "example": false,
//     "joining": "prorate" | "full-year" | "free-until-september",
//     "tiers": { "full": TierFee, "associate": TierFee, "affiliate": TierFee, "supporter": TierFee } }
//
//   TierFee: { "fixed": AMOUNT }
//         or { "measure": "population" | "budget", "bands": [{ "label", "upTo": N | null, "fee": AMOUNT }, …],
//              "minimum"?: AMOUNT, "maximum"?: AMOUNT }
//         or { "measure": "greater-of", "bands": [{ "label", "upToPopulation": N | null, "upToBudget": POUNDS | null, "fee": AMOUNT }, …], … }
//
// An AMOUNT is pounds: a whole number (1250) or a string with at most two decimals ("1250.00").
// `upTo` is the highest population (people) or controllable budget (pounds, revenue plus capital)
// in the band; bands ascend and the last is open-ended (null). With "greater-of" a council pays the
// band its population or its budget puts it in, whichever fee is greater. Every problem is reported
// at once, each with its path (`tiers.full.bands[2].upTo`), and unknown fields are refused so a
// misspelt "maximun" does not pass unnoticed.
import type { MembershipTier } from '../../../db/schema/enums.ts'
import { rowError, type MessageValues, type RowError, type RowResult, rowsInvalid } from './message.ts'
import { formatPounds, penceOf, type Pence } from './money.ts'

export type FeeTier = Exclude<MembershipTier, 'none'>
export const feeTiers: readonly FeeTier[] = ['full', 'associate', 'affiliate', 'supporter']

export const joiningPolicies = ['prorate', 'full-year', 'free-until-september'] as const
export type JoiningPolicy = (typeof joiningPolicies)[number]

export const measures = ['population', 'budget', 'greater-of'] as const
export type Measure = (typeof measures)[number]

export interface Band {
  label: string
  fee: Pence
  /** The highest population in the band; null: no limit. Set for the 'population' and 'greater-of' measures. */
  upToPopulation?: number | null
  /** The highest controllable budget in the band, in pence; null: no limit. Set for the 'budget' and 'greater-of' measures. */
  upToBudget?: Pence | null
}

export type TierFee = { fixed: Pence } | { measure: Measure; bands: Band[]; minimum: Pence | null; maximum: Pence | null }

export interface FeeSchedule {
  year: number
  currency: 'GBP'
  label: string
  example: boolean
  joining: JoiningPolicy
  tiers: Record<FeeTier, TierFee>
}

export const isBanded = (fee: TierFee): fee is Extract<TierFee, { bands: Band[] }> => 'bands' in fee

export const scheduleYears = { min: 1990, max: 2100 }

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Reads a schedule from the text of a JSON file. */
export function parseFeeScheduleText(text: string): RowResult<FeeSchedule> {
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    return rowsInvalid([rowError('', 'membership.schedule.notJson', { detail: (e as Error).message })])
  }
  return parseFeeSchedule(data)
}

/** Checks a parsed JSON value against the schedule's shape; every problem at once, each at its path. */
export function parseFeeSchedule(json: unknown): RowResult<FeeSchedule> {
  const errors: RowError[] = []
  const problem = (path: string, key: string, values: MessageValues = {}) => errors.push(rowError(path, key, { path, ...values }))
  if (!isObject(json)) return rowsInvalid([rowError('', 'membership.schedule.notObject', { path: '(file)' })])
  unknownFields(json, '', ['year', 'currency', 'label', 'example', 'joining', 'tiers'], problem)

  const year = json.year
  if (!(typeof year === 'number' && Number.isInteger(year) && year >= scheduleYears.min && year <= scheduleYears.max)) {
    problem('year', year === undefined ? 'membership.schedule.required' : 'membership.schedule.notYear', {
      min: String(scheduleYears.min),
      max: String(scheduleYears.max),
    })
  }
  if (json.currency !== 'GBP') problem('currency', json.currency === undefined ? 'membership.schedule.required' : 'membership.schedule.notGbp')
  if (typeof json.label !== 'string' || json.label.trim() === '')
    problem('label', json.label === undefined ? 'membership.schedule.required' : 'membership.schedule.notText')
  if (json.example !== undefined && typeof json.example !== 'boolean') problem('example', 'membership.schedule.notBoolean')
  if (!joiningPolicies.includes(json.joining as JoiningPolicy)) {
    problem('joining', json.joining === undefined ? 'membership.schedule.required' : 'membership.schedule.notOneOf', { choices: joiningPolicies.join(', ') })
  }

  const tiers = {} as Record<FeeTier, TierFee>
  if (!isObject(json.tiers)) problem('tiers', json.tiers === undefined ? 'membership.schedule.required' : 'membership.schedule.notObject')
  else {
    unknownFields(json.tiers, 'tiers.', feeTiers, problem)
    for (const tier of feeTiers) {
      const fee = tierFee(json.tiers[tier], `tiers.${tier}`, problem)
      if (fee) tiers[tier] = fee
    }
  }
  if (errors.length > 0) return rowsInvalid(errors)
  return {
    ok: true,
    value: {
      year: year as number,
      currency: 'GBP',
      label: (json.label as string).trim(),
      example: json.example === true,
      joining: json.joining as JoiningPolicy,
      tiers,
    },
  }
}

type Problem = (path: string, key: string, values?: MessageValues) => void

function unknownFields(object: Json, prefix: string, known: readonly string[], problem: Problem): void {
  for (const key of Object.keys(object)) if (!known.includes(key)) problem(`${prefix}${key}`, 'membership.schedule.unknownField', { known: known.join(', ') })
}

/** An amount of pounds: a whole number, or a string of pounds with at most two decimals. */
function amount(value: unknown, path: string, problem: Problem): Pence | null {
  if (value === undefined || value === null) {
    problem(path, 'membership.schedule.required')
    return null
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      problem(path, 'membership.schedule.amountNumberNotWhole', { amount: String(value) })
      return null
    }
    value = String(value)
  }
  if (typeof value !== 'string') {
    problem(path, 'membership.money.notAmount', { amount: JSON.stringify(value) })
    return null
  }
  const pence = penceOf(value)
  if (typeof pence === 'number') return pence
  problem(path, pence, { amount: value })
  return null
}

function tierFee(value: unknown, path: string, problem: Problem): TierFee | null {
  if (value === undefined) {
    problem(path, 'membership.schedule.required')
    return null
  }
  if (!isObject(value)) {
    problem(path, 'membership.schedule.tierFeeShape')
    return null
  }
  if ('fixed' in value) {
    if ('bands' in value || 'measure' in value) problem(path, 'membership.schedule.tierFeeShape')
    unknownFields(value, `${path}.`, ['fixed'], problem)
    const fixed = amount(value.fixed, `${path}.fixed`, problem)
    return fixed === null ? null : { fixed }
  }
  unknownFields(value, `${path}.`, ['measure', 'bands', 'minimum', 'maximum'], problem)
  const measure = value.measure as Measure
  if (!measures.includes(measure)) {
    problem(`${path}.measure`, value.measure === undefined ? 'membership.schedule.required' : 'membership.schedule.notOneOf', { choices: measures.join(', ') })
    return null
  }
  const minimum = value.minimum === undefined ? null : amount(value.minimum, `${path}.minimum`, problem)
  const maximum = value.maximum === undefined ? null : amount(value.maximum, `${path}.maximum`, problem)
  if (minimum !== null && maximum !== null && minimum > maximum) problem(`${path}.maximum`, 'membership.schedule.maximumBelowMinimum')
  if (!Array.isArray(value.bands) || value.bands.length === 0) {
    problem(`${path}.bands`, 'membership.schedule.noBands')
    return null
  }
  const thresholds: Array<['upToPopulation' | 'upToBudget', string]> =
    measure === 'greater-of'
      ? [
          ['upToPopulation', 'upToPopulation'],
          ['upToBudget', 'upToBudget'],
        ]
      : [[measure === 'population' ? 'upToPopulation' : 'upToBudget', 'upTo']]
  const bands: Band[] = []
  const before: Partial<Record<'upToPopulation' | 'upToBudget', number | null>> = {}
  value.bands.forEach((raw: unknown, i) => {
    const at = `${path}.bands[${i}]`
    const last = i === (value.bands as unknown[]).length - 1
    if (!isObject(raw)) {
      problem(at, 'membership.schedule.notObject')
      return
    }
    unknownFields(raw, `${at}.`, ['label', 'fee', ...thresholds.map(([, name]) => name)], problem)
    if (typeof raw.label !== 'string' || raw.label.trim() === '')
      problem(`${at}.label`, raw.label === undefined ? 'membership.schedule.required' : 'membership.schedule.notText')
    const fee = amount(raw.fee, `${at}.fee`, problem)
    const band: Band = { label: typeof raw.label === 'string' ? raw.label.trim() : '', fee: fee ?? 0 }
    for (const [field, name] of thresholds) {
      const limit = threshold(raw[name], field, `${at}.${name}`, last, problem)
      if (limit === undefined) continue
      band[field] = limit
      const previous = before[field]
      if (typeof previous === 'number' && limit !== null && limit <= previous) {
        problem(`${at}.${name}`, 'membership.schedule.notAscending', { previous: field === 'upToBudget' ? formatPounds(previous) : previous })
      }
      before[field] = limit
    }
    bands.push(band)
  })
  const labels = bands.map((b) => b.label.toLowerCase()).filter((l) => l !== '')
  labels.forEach((l, i) => {
    if (labels.indexOf(l) !== i) problem(`${path}.bands[${i}].label`, 'membership.schedule.duplicateLabel', { label: bands[i]!.label })
  })
  return { measure, bands, minimum, maximum }
}

/**
 * A band's upper limit: a whole number of people, or pounds of budget (whole, or a string with
 * pence), held in pence. The last band must be open-ended (null) and only the last. Undefined when
 * the limit is wrong (already reported).
 */
function threshold(value: unknown, field: 'upToPopulation' | 'upToBudget', path: string, last: boolean, problem: Problem): number | null | undefined {
  if (value === null) {
    if (!last) {
      problem(path, 'membership.schedule.openBandNotLast')
      return undefined
    }
    return null
  }
  if (value === undefined) {
    problem(path, 'membership.schedule.required')
    return undefined
  }
  if (last) {
    problem(path, 'membership.schedule.lastBandNotOpen')
    return undefined
  }
  if (field === 'upToPopulation') {
    if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value
    problem(path, 'membership.schedule.notPopulation', { value: JSON.stringify(value) })
    return undefined
  }
  const pence = amount(value, path, problem)
  if (pence === null) return undefined
  if (pence === 0) {
    problem(path, 'membership.schedule.notPositive')
    return undefined
  }
  return pence
}
