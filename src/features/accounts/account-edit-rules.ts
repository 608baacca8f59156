import { roles, type Role } from '../../db/schema/enums.ts'
import type { FieldError } from '../../web/forms.ts'

// Pure rules for an administrator's edit of an account.

/** What the form offers: an account can sign in (once it has a password) or is disabled. */
export const accountSwitches = ['active', 'disabled'] as const
export type AccountSwitch = (typeof accountSwitches)[number]

export interface UserEditInput {
  name: string
  role: string
  /** Organisation slug, '' for none. */
  organisation: string
  status: string
}

export interface UserEditValues {
  name: string
  role: Role
  organisation: string | null
  status: AccountSwitch
}

/**
 * Checks an edit. `self`: the administrator is editing their own account, and may neither
 * disable it nor give up the administrator role (the network must not lose its last administrator
 * by a slip of the mouse).
 */
export function validateUserEdit(input: UserEditInput, context: { self: boolean }): { ok: true; value: UserEditValues } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  const name = input.name.trim()
  if (name === '') errors.push({ field: 'name', message: 'accounts.user.errorNameRequired' })
  else if (name.length > 200) errors.push({ field: 'name', message: 'accounts.user.errorNameTooLong', values: { max: 200 } })

  const role = roles.find((r) => r === input.role)
  if (!role) errors.push({ field: 'role', message: 'accounts.user.errorRoleRequired' })
  else if (context.self && role !== 'admin') errors.push({ field: 'role', message: 'adminUsers.errors.ownRole' })

  const organisation = input.organisation.trim() === '' ? null : input.organisation.trim()
  if (role === 'officer' && organisation === null) errors.push({ field: 'organisation', message: 'accounts.user.errorOfficerOrganisation' })

  const status = accountSwitches.find((s) => s === input.status)
  if (!status) errors.push({ field: 'status', message: 'adminUsers.errors.statusRequired' })
  else if (context.self && status === 'disabled') errors.push({ field: 'status', message: 'adminUsers.errors.ownDisable' })

  if (errors.length > 0 || !role || !status) return { ok: false, errors }
  return { ok: true, value: { name, role, organisation, status } }
}

/** The stored status for a switch: an account without a password stays invited until it has one. */
export function storedStatus(choice: AccountSwitch, hasPassword: boolean): 'active' | 'invited' | 'disabled' {
  if (choice === 'disabled') return 'disabled'
  return hasPassword ? 'active' : 'invited'
}
