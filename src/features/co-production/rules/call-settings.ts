// A call's eligibility rules are data (CONVENTIONS 14): stored as JSONB, read back through this
// parser, so a row written by an older form or by hand is checked the same way as a new one.
import { paidTiers, type PaidTier } from '../../../db/schema/enums.ts'
import { invalid, ok, type FieldError, type Result } from '../../../lib/result.ts'

export interface CallSettings {
  /** Tiers whose members may lead a bid; empty: anyone taking part in the space may lead. */
  leadTiers: PaidTier[]
  /** Other members who must have accepted a place in the working group (the lead not counted). */
  minWorkingGroup: number
  /** A member already leading a funded project that has not ended may not lead another bid. */
  oneLedProjectAtATime: boolean
  /** The round's themes; a bid picks one. Empty: any subject. */
  themes: string[]
}

export const maxThemes = 20
export const maxWorkingGroup = 50

export const defaultCallSettings: CallSettings = { leadTiers: [], minWorkingGroup: 0, oneLedProjectAtATime: false, themes: [] }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Settings as stored (or as built from a form), or every problem with them, each naming its field. */
export function parseCallSettings(raw: unknown): Result<CallSettings> {
  if (!isObject(raw)) return invalid([{ field: 'settings', message: 'calls.errors.settingsShape' }])
  const errors: FieldError[] = []
  const given = (key: string, fallback: unknown) => (raw[key] === undefined ? fallback : raw[key])
  const leadTiers = given('leadTiers', [])
  if (!Array.isArray(leadTiers) || !leadTiers.every((t) => (paidTiers as readonly unknown[]).includes(t))) {
    errors.push({ field: 'leadTiers', message: 'calls.errors.leadTiers' })
  }
  const min = given('minWorkingGroup', 0)
  if (typeof min !== 'number' || !Number.isInteger(min) || min < 0 || min > maxWorkingGroup) {
    errors.push({ field: 'minWorkingGroup', message: 'calls.errors.minWorkingGroup', values: { max: maxWorkingGroup } })
  }
  const oneLed = given('oneLedProjectAtATime', false)
  if (typeof oneLed !== 'boolean') errors.push({ field: 'oneLedProjectAtATime', message: 'calls.errors.oneLedProjectAtATime' })
  const themes = given('themes', [])
  if (!Array.isArray(themes) || !themes.every((t) => typeof t === 'string' && t.trim() !== '' && t.length <= 200) || themes.length > maxThemes) {
    errors.push({ field: 'themes', message: 'calls.errors.themes', values: { max: maxThemes } })
  } else if (new Set(themes.map((t: string) => t.trim().toLowerCase())).size !== themes.length) {
    errors.push({ field: 'themes', message: 'calls.errors.themesRepeated' })
  }
  if (errors.length > 0) return invalid(errors)
  return ok({
    leadTiers: [...new Set(leadTiers as PaidTier[])].sort((a, b) => paidTiers.indexOf(a) - paidTiers.indexOf(b)),
    minWorkingGroup: min as number,
    oneLedProjectAtATime: oneLed as boolean,
    themes: (themes as string[]).map((t) => t.trim()),
  })
}

/** Settings read from the database: a row that no longer parses is a bug, never shown half-read. */
export function storedCallSettings(raw: unknown): CallSettings {
  const parsed = parseCallSettings(raw)
  if (!parsed.ok) throw new Error(`A call's stored settings are not valid: ${parsed.errors.map((e) => e.field).join(', ')}`)
  return parsed.value
}
