import type { FieldError } from '../../web/forms.ts'
import { isEmail } from '../accounts/rules.ts'

// Pure rules for a contact person (the people named on case studies).

export interface ContactInput {
  name: string
  jobTitle: string
  /** Organisation slug, '' for none. */
  organisation: string
  email: string
  phone: string
  publishContact: boolean
}

export interface ContactValues {
  name: string
  jobTitle: string | null
  organisation: string | null
  email: string | null
  phone: string | null
  publishContact: boolean
}

/** UK and international numbers as people write them: digits, spaces, brackets, hyphens, a leading +. */
export function isPhone(text: string): boolean {
  if (text.length > 40 || !/^\+?[0-9 ()-]+(?: ?(?:ext\.?|x) ?[0-9]{1,6})?$/i.test(text)) return false
  const digits = text.replace(/(?:ext\.?|x) ?[0-9]+$/i, '').replace(/[^0-9]/g, '')
  return digits.length >= 6 && digits.length <= 15
}

const optional = (value: string): string | null => (value.trim() === '' ? null : value.trim())

export function validateContact(input: ContactInput): { ok: true; value: ContactValues } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  const name = input.name.trim()
  if (name === '') errors.push({ field: 'name', message: 'contacts.errors.nameRequired' })
  else if (name.length > 200) errors.push({ field: 'name', message: 'contacts.errors.nameTooLong' })

  const jobTitle = optional(input.jobTitle)
  if (jobTitle && jobTitle.length > 200) errors.push({ field: 'jobTitle', message: 'contacts.errors.jobTitleTooLong' })

  const email = optional(input.email)
  if (email && !isEmail(email)) errors.push({ field: 'email', message: 'contacts.errors.emailFormat' })

  const phone = optional(input.phone)
  if (phone && !isPhone(phone)) errors.push({ field: 'phone', message: 'contacts.errors.phoneFormat' })

  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, value: { name, jobTitle, organisation: optional(input.organisation), email, phone, publishContact: input.publishContact } }
}
