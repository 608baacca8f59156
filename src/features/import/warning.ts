// A warning of the reader: a catalogue key with its values, shown on the review screen in the
// page's language, and its English for the command line and the logs (coophub import speaks English).
import { translator } from '../../i18n/catalogue.ts'
import type { ReadingWarning, WarningField, WarningValues } from './types.ts'

/** A warning about a field of the reading: `key` in locales/<language>/import.json. */
export function warning(field: WarningField, key: string, values: WarningValues = {}): ReadingWarning {
  return { field, key, values, message: translator('en')(key, values) }
}
