import type { EmailStatus } from '../../db/schema/enums.ts'

export const emailStatusLabels: Record<EmailStatus, string> = { queued: 'Queued', sent: 'Sent', failed: 'Failed' }

const emailStatusColours: Record<EmailStatus, string> = { queued: 'govuk-tag--yellow', sent: 'govuk-tag--green', failed: 'govuk-tag--red' }

export function emailStatusTag(status: EmailStatus) {
  return { text: emailStatusLabels[status], classes: emailStatusColours[status] }
}
