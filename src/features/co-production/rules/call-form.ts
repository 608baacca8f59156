// The administrators' call form, as typed (all text), checked into what a call stores. Every
// problem is a catalogue key of calls.json with the id of the field it is about.
import { callKinds, decisionMethods, paidTiers, type CallKind, type DecisionMethod } from '../../../db/schema/enums.ts'
import { invalid, ok, type FieldError, type Result } from '../../../lib/result.ts'
import { slugProblem } from '../../../lib/unique-slug.ts'
import { penceOf, type Pence } from '../../membership/rules/money.ts'
import { isIsoDate, type IsoDate } from '../../membership/rules/subscription-year.ts'
import { parseCallSettings, type CallSettings } from './call-settings.ts'

export const timetableFields = ['opensOn', 'closesOn', 'assessmentOn', 'presentationsOn', 'decisionOn'] as const
export type TimetableField = (typeof timetableFields)[number]

export interface DateBoxes {
  day: string
  month: string
  year: string
}

export interface CallForm {
  title: string
  slug: string
  kind: string
  summary: string
  pot: string
  cap: string
  leadTiers: string[]
  minWorkingGroup: string
  oneLedProjectAtATime: string
  /** One theme a line. */
  themes: string
  decisionMethod: string
  principleIds: string[]
  dates: Record<TimetableField, DateBoxes>
}

export interface CallInput {
  title: string
  /** Null: made from the title. */
  slug: string | null
  kind: CallKind
  summary: string
  potPence: Pence
  capPence: Pence
  settings: CallSettings
  decisionMethod: DecisionMethod
  principleIds: number[]
  opensOn: IsoDate
  closesOn: IsoDate
  assessmentOn: IsoDate | null
  presentationsOn: IsoDate | null
  decisionOn: IsoDate | null
}

/** Pot and cap: at most £100 million, well inside a bigint column and any real fund. */
export const maxPotPence = 10_000_000_000

function money(field: 'pot' | 'cap', typed: string, errors: FieldError[]): Pence | null {
  const pence = penceOf(typed)
  if (pence === 'membership.money.required') errors.push({ field, message: `calls.errors.${field}Required` })
  else if (typeof pence !== 'number' || pence > maxPotPence) errors.push({ field, message: `calls.errors.${field}Amount` })
  else if (pence === 0) errors.push({ field, message: `calls.errors.${field}Positive` })
  else return pence
  return null
}

/** A GOV.UK date input's three boxes as a date; blank is allowed where the date is optional. */
function dateOf(field: TimetableField, boxes: DateBoxes, required: boolean, errors: FieldError[]): IsoDate | null {
  const [day, month, year] = [boxes.day.trim(), boxes.month.trim(), boxes.year.trim()]
  if (!day && !month && !year) {
    if (required) errors.push({ field: `${field}-day`, message: `calls.errors.${field}Required` })
    return null
  }
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year) || !isIsoDate(iso)) {
    errors.push({ field: `${field}-day`, message: `calls.errors.${field}Real` })
    return null
  }
  return iso
}

export function checkCallForm(form: CallForm): Result<CallInput> {
  const errors: FieldError[] = []
  const title = form.title.trim()
  if (title === '') errors.push({ field: 'title', message: 'calls.errors.titleRequired' })
  else if (title.length > 200) errors.push({ field: 'title', message: 'calls.errors.titleTooLong', values: { max: 200 } })
  const slug = form.slug.trim()
  const badSlug = slugProblem(slug)
  if (badSlug) errors.push({ field: 'slug', message: badSlug.message, ...(badSlug.values ? { values: badSlug.values } : {}) })
  const kind = (callKinds as readonly string[]).includes(form.kind) ? (form.kind as CallKind) : null
  if (!kind) errors.push({ field: 'kind', message: 'calls.errors.kind' })
  if (form.summary.length > 20_000) errors.push({ field: 'summary', message: 'calls.errors.summaryTooLong', values: { max: 20_000 } })
  const potPence = money('pot', form.pot, errors)
  const capPence = money('cap', form.cap, errors)
  if (potPence !== null && capPence !== null && capPence > potPence) errors.push({ field: 'cap', message: 'calls.errors.capOverPot' })

  const minText = form.minWorkingGroup.trim()
  const settings = parseCallSettings({
    leadTiers: form.leadTiers,
    minWorkingGroup: minText === '' ? 0 : /^\d{1,3}$/.test(minText) ? Number(minText) : -1,
    oneLedProjectAtATime: form.oneLedProjectAtATime === 'yes',
    themes: form.themes
      .split('\n')
      .map((t) => t.trim())
      .filter(Boolean),
  })
  if (!settings.ok) errors.push(...settings.errors)
  const decisionMethod = (decisionMethods as readonly string[]).includes(form.decisionMethod) ? (form.decisionMethod as DecisionMethod) : null
  if (!decisionMethod) errors.push({ field: 'decisionMethod', message: 'calls.errors.decisionMethod' })
  const principleIds = [...new Set(form.principleIds.filter((id) => /^\d{1,9}$/.test(id)).map(Number))]
  if (principleIds.length !== new Set(form.principleIds).size) errors.push({ field: 'principles', message: 'calls.errors.principles' })

  const dates = Object.fromEntries(timetableFields.map((f) => [f, dateOf(f, form.dates[f], f === 'opensOn' || f === 'closesOn', errors)])) as Record<
    TimetableField,
    IsoDate | null
  >
  if (dates.opensOn && dates.closesOn && dates.closesOn < dates.opensOn) errors.push({ field: 'closesOn-day', message: 'calls.errors.closesBeforeOpens' })
  for (const later of ['assessmentOn', 'presentationsOn', 'decisionOn'] as const) {
    const day = dates[later]
    if (day && dates.closesOn && day < dates.closesOn) errors.push({ field: `${later}-day`, message: `calls.errors.${later}BeforeClose` })
  }

  if (errors.length > 0 || !kind || potPence === null || capPence === null || !settings.ok || !decisionMethod || !dates.opensOn || !dates.closesOn) {
    return invalid(errors)
  }
  return ok({
    title,
    slug: slug === '' ? null : slug,
    kind,
    summary: form.summary.trim(),
    potPence,
    capPence,
    settings: settings.value,
    decisionMethod,
    principleIds,
    opensOn: dates.opensOn,
    closesOn: dates.closesOn,
    assessmentOn: dates.assessmentOn,
    presentationsOn: dates.presentationsOn,
    decisionOn: dates.decisionOn,
  })
}

/** The tiers, in order, for the form's checkboxes. */
export const leadTierChoices = paidTiers
