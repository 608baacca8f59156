// The form behind the emailed link for changing a registration: what a registrant may change
// without an account (needs, role, sessions). Name, email and organisation stay as registered: the
// link proves only that the person can read that inbox.
import type { FieldError } from '../../../lib/result.ts'

export interface ChangeForm {
  jobRole: string
  accessNeeds: string
  dietaryNeeds: string
  sessionIds: string[]
  revision: string
}

export interface ChangeInput {
  jobRole: string
  accessNeeds: string | null
  dietaryNeeds: string | null
  sessionIds: number[]
  /** The registration's revision the form was made from: a newer one refuses the change. */
  revision: number
}

export function checkChange(form: ChangeForm, known: { sessionIds: Set<number> }): { ok: true; value: ChangeInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  for (const [field, value, max] of [
    ['jobRole', form.jobRole, 200],
    ['accessNeeds', form.accessNeeds, 2000],
    ['dietaryNeeds', form.dietaryNeeds, 2000],
  ] as const) {
    if (value.trim().length > max) errors.push({ field, message: 'events.register.errors.tooLong', values: { max } })
  }
  const sessionIds = [...new Set(form.sessionIds.map(Number))]
  if (sessionIds.some((id) => !known.sessionIds.has(id))) errors.push({ field: 'sessions', message: 'events.register.errors.sessionUnknown' })
  const revision = Number(form.revision)
  if (!/^\d{1,9}$/.test(form.revision) || !Number.isSafeInteger(revision)) errors.push({ field: '', message: 'events.change.stale' })
  if (errors.length) return { ok: false, errors }
  return {
    ok: true,
    value: {
      jobRole: form.jobRole.trim(),
      accessNeeds: form.accessNeeds.trim() || null,
      dietaryNeeds: form.dietaryNeeds.trim() || null,
      sessionIds,
      revision,
    },
  }
}
