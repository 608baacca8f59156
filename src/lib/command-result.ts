import type { FieldError } from '../web/forms.ts'

/**
 * What a write command returns: its value, or the errors to show on the form. `conflict` is set
 * when the row changed since the form was opened (the form then shows the other person's version).
 */
export type CommandResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[]; conflict?: boolean }

/** The error for a form saved over a newer version of its row; the view shows that version at #conflict. */
export function conflictError(thing: string): FieldError {
  return {
    field: 'conflict',
    message: `Someone else changed this ${thing} since you opened it. Their version is shown below; your changes are kept in the form. Check both, then save again to keep yours`,
  }
}

/** PostgreSQL's unique_violation, whether thrown by pg directly or wrapped by drizzle. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') return true
  }
  return false
}
