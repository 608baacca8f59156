import type { Translate } from '../i18n/catalogue.ts'
import type { FieldError } from '../lib/result.ts'

export type { FieldError }

// Reading HTML form posts by hand: an invalid post re-renders the page with the GOV.UK error
// summary instead of a JSON 400, and any shape of body (missing fields, arrays, huge values)
// becomes plain strings without throwing.

export type FormBody = Record<string, unknown>

export function asForm(body: unknown): FormBody {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as FormBody) : {}
}

/** A single text value: the first if repeated, '' if missing, control characters removed. */
export function text(body: FormBody, name: string, maxLength = 100_000): string {
  const raw = body[name]
  const value = Array.isArray(raw) ? raw[0] : raw
  if (typeof value !== 'string') return ''
  return (
    value
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .slice(0, maxLength)
  )
}

/**
 * Every value of a field repeated once per control (a row of selects), blanks kept, so that the
 * n-th value belongs to the n-th control.
 */
export function rows(body: FormBody, name: string, maxItems = 500): string[] {
  const raw = body[name]
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]
  return values.slice(0, maxItems).map((v) => (typeof v === 'string' ? v.trim().slice(0, 1000) : ''))
}

/** Every value of a repeated field (checkboxes, multi-selects). */
export function list(body: FormBody, name: string, maxItems = 500): string[] {
  const raw = body[name]
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]
  return values
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .map((v) => v.trim())
    .slice(0, maxItems)
}

/**
 * The errors as the GOV.UK error summary's list and as inline messages by field. With the
 * request's translator (request.t), a message that is a catalogue key is shown in the page's
 * language, and the inline message's hidden "Error:" too; a message still in English shows as it is.
 */
export function presentErrors(errors: FieldError[], t?: Translate) {
  const say = (e: FieldError) => (t ? t(e.message, e.values) : e.message)
  const prefix = t ? { visuallyHiddenText: t('govuk.errorMessage.prefix') } : {}
  const byField: Record<string, { text: string; visuallyHiddenText?: string }> = {}
  for (const e of errors) if (e.field !== '') byField[e.field] ??= { text: say(e), ...prefix }
  return {
    // An error about the whole form links nowhere: the summary says it all.
    errorList: errors.map((e) => (e.field === '' ? { text: say(e) } : { text: say(e), href: `#${e.field}` })),
    fieldErrors: byField,
  }
}
