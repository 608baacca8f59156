import { and, eq, isNull } from 'drizzle-orm'
import { accountTokens, users } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { notFound, ok, refused, type Result } from '../../../lib/result.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import { accountLink, issueAccountToken } from './issue-account-token.ts'
import { invitationTokenDays } from '../rules.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { invitationEmail, languageOf } from '../../email/messages.ts'
import { queueEmail } from '../../email/outbox.ts'

export interface ResendInvitationInput {
  id: number
  baseUrl: string
  networkName: string
}

/** A new invitation link for an account nobody has set up yet; the earlier links stop working. */
export async function resendInvitation(tx: Transaction, actor: AuditActor, input: ResendInvitationInput): Promise<Result<{ emailIds: number[] }>> {
  const [user] = await tx
    .select({ id: users.id, email: users.email, name: users.name, status: users.status, language: users.language })
    .from(users)
    .where(eq(users.id, input.id))
    .for('update')
  if (!user) return notFound()
  if (user.status !== 'invited') return refused('adminUsers.errors.nothingToResend', 'invitation')
  await tx
    .update(accountTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(accountTokens.userId, user.id), eq(accountTokens.purpose, 'invitation'), isNull(accountTokens.usedAt)))
  const link = accountLink(input.baseUrl, await issueAccountToken(tx, user.id, 'invitation'))
  const emailId = await queueEmail(tx, {
    to: user.email,
    ...invitationEmail(languageOf(user.language), { name: user.name, network: input.networkName, link, days: invitationTokenDays, resent: true }),
  })
  await recordAudit(tx, actor, {
    action: 'invitation-resent',
    subjectType: 'user',
    subjectId: user.id,
    summary: `Sent a new invitation to ${user.email}`,
  })
  return ok({ emailIds: [emailId] })
}
