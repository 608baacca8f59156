// What every command returns. A command that cannot do what was asked says why as data, never by
// throwing, so a route can show it on the form and a use case can stop (and roll back) before its
// next step.

/** A problem with one field of a form ('' for the form as a whole): shown in the GOV.UK error summary and beside the field. */
export interface FieldError {
  field: string
  /** A catalogue key (shown in the page's language by presentErrors(errors, request.t)), or English not yet moved to the catalogue. */
  message: string
  /** The message's placeholders, when it is a key. */
  values?: Record<string, string | number>
}

/**
 * Why a command did nothing: `invalid` input (field errors), `refused` by a rule of the domain
 * (the message says which), `not-found` (the row is gone), or `conflict` (someone saved a newer
 * version first: `current` holds it, for the person to compare and choose).
 */
export type FailureReason = 'invalid' | 'refused' | 'not-found' | 'conflict'

export interface Failure<C = undefined> {
  ok: false
  reason: FailureReason
  /** What to show; for `refused` and `conflict` the first is the message. Empty for `not-found`. */
  errors: FieldError[]
  /** With `conflict`: the version saved first. */
  current?: C
}

export type Result<T, C = undefined> = { ok: true; value: T } | Failure<C>

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value })

export const invalid = (errors: FieldError[]): Failure<never> => ({ ok: false, reason: 'invalid', errors })

/** A rule of the domain says no; `field` places the message beside a field ('' when it is about the whole form). */
export const refused = (message: string, field = ''): Failure<never> => ({ ok: false, reason: 'refused', errors: [{ field, message }] })

export const notFound = (): Failure<never> => ({ ok: false, reason: 'not-found', errors: [] })

/** Someone saved since the form was opened: nothing was written, and `current` (when given) is their version. */
export function conflicted<C = undefined>(thing: string, current?: C): Failure<C> {
  return current === undefined
    ? { ok: false, reason: 'conflict', errors: [conflictError(thing)] }
    : { ok: false, reason: 'conflict', errors: [conflictError(thing)], current }
}

/**
 * The error for a form saved over a newer version of its row; the view shows that version at #conflict.
 * `thing` (account, organisation, principle, contact) picks the sentence naming it in each language.
 */
export function conflictError(thing: string): FieldError {
  return { field: 'conflict', message: 'admin.conflict.error', values: { thing } }
}
