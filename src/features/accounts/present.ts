import type { AccountStatus, Role } from '../../db/schema/enums.ts'

export const roleLabels: Record<Role, string> = { admin: 'Administrator', editor: 'Editor', officer: 'Member officer' }

export const accountStatusLabels: Record<AccountStatus, string> = { invited: 'Invited', active: 'Active', disabled: 'Disabled' }

const accountStatusColours: Record<AccountStatus, string> = { invited: 'govuk-tag--blue', active: 'govuk-tag--green', disabled: 'govuk-tag--grey' }

export function accountStatusTag(status: AccountStatus) {
  return { text: accountStatusLabels[status], classes: accountStatusColours[status] }
}
