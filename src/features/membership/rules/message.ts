// How the membership rules speak: a catalogue key (locales/<language>/membership-rules.json) with
// its values, never a sentence, so the same rule reads in English on the command line and in Welsh
// on a page. A row error is a FieldError (src/lib/result.ts) whose `field` is where the problem is:
// a path in a fee schedule (`tiers.full.bands[2].upTo`) or a column of a CSV file, with its line.
import type { FieldError } from '../../../lib/result.ts'

export type MessageValues = Record<string, string | number>

/** A catalogue key and its values. */
export interface Message {
  key: string
  values: MessageValues
}

/** One problem in an imported file: `field` the path or column, `line` the CSV line (1 = the header). */
export interface RowError extends FieldError {
  values: MessageValues
  line?: number
}

/** What a parser of an imported file returns: assignable to Result<T> (src/lib/result.ts), with its errors typed as row errors. */
export type RowResult<T> = { ok: true; value: T } | { ok: false; reason: 'invalid'; errors: RowError[] }

export const rowsInvalid = (errors: RowError[]): { ok: false; reason: 'invalid'; errors: RowError[] } => ({ ok: false, reason: 'invalid', errors })

export const message = (key: string, values: MessageValues = {}): Message => ({ key, values })

export const rowError = (field: string, key: string, values: MessageValues = {}, line?: number): RowError =>
  line === undefined ? { field, message: key, values } : { field, message: key, values, line }

/**
 * A row error as one line of text, for the command line and the logs: "tiers.full.fixed: …" or
 * "Line 4, population: …". Takes the translator so the rules stay free of the catalogue files.
 */
export function describeRowError(error: RowError, t: (key: string, values?: MessageValues) => string): string {
  const text = t(error.message, error.values)
  if (error.line !== undefined) return t('membership.rowError.atLine', { line: error.line, field: error.field || '-', problem: text })
  return error.field ? t('membership.rowError.atPath', { path: error.field, problem: text }) : text
}
