// The registration form, checked before any row is read: each field's own rules, with the message
// keys shown beside the fields. What depends on the event (places, members only) is the command's.
import type { FieldError } from '../../../lib/result.ts'

export interface RegistrationForm {
  name: string
  email: string
  organisationId: string
  organisationName: string
  jobRole: string
  accessNeeds: string
  dietaryNeeds: string
  sessionIds: string[]
}

export interface RegistrationInput {
  name: string
  email: string
  organisationId: number | null
  organisationName: string
  jobRole: string
  accessNeeds: string | null
  dietaryNeeds: string | null
  sessionIds: number[]
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function checkRegistration(
  form: RegistrationForm,
  known: { organisationIds: Set<number>; sessionIds: Set<number> },
): { ok: true; value: RegistrationInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  const name = form.name.trim()
  const email = form.email.trim()
  if (!name) errors.push({ field: 'name', message: 'events.register.errors.nameRequired' })
  else if (name.length > 200) errors.push({ field: 'name', message: 'events.register.errors.tooLong', values: { max: 200 } })
  if (!email) errors.push({ field: 'email', message: 'events.register.errors.emailRequired' })
  else if (email.length > 254 || !emailPattern.test(email)) errors.push({ field: 'email', message: 'events.register.errors.emailInvalid' })
  let organisationId: number | null = null
  if (form.organisationId !== '') {
    const id = Number(form.organisationId)
    if (!Number.isSafeInteger(id) || !known.organisationIds.has(id))
      errors.push({ field: 'organisationId', message: 'events.register.errors.organisationUnknown' })
    else organisationId = id
  }
  for (const [field, value, max] of [
    ['organisationName', form.organisationName, 200],
    ['jobRole', form.jobRole, 200],
    ['accessNeeds', form.accessNeeds, 2000],
    ['dietaryNeeds', form.dietaryNeeds, 2000],
  ] as const) {
    if (value.trim().length > max) errors.push({ field, message: 'events.register.errors.tooLong', values: { max } })
  }
  const sessionIds = [...new Set(form.sessionIds.map(Number))]
  if (sessionIds.some((id) => !known.sessionIds.has(id))) errors.push({ field: 'sessions', message: 'events.register.errors.sessionUnknown' })
  if (errors.length) return { ok: false, errors }
  return {
    ok: true,
    value: {
      name,
      email,
      organisationId,
      organisationName: organisationId === null ? form.organisationName.trim() : '',
      jobRole: form.jobRole.trim(),
      accessNeeds: form.accessNeeds.trim() || null,
      dietaryNeeds: form.dietaryNeeds.trim() || null,
      sessionIds,
    },
  }
}
