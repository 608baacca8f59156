import { and, eq, gt, sql } from 'drizzle-orm'
import { accountTokens } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { invalid, ok, type Result } from '../../../lib/result.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { languageOf, passwordResetEmail } from '../../email/messages.ts'
import { queueEmail } from '../../email/outbox.ts'
import { findUserByEmail } from '../queries.ts'
import { isEmail, normaliseEmail, resetRequestsPerAccount, resetTokenMinutes } from '../rules.ts'
import { accountLink, issueAccountToken } from './issue-account-token.ts'

/**
 * Emails a reset link when the address has an account. The caller shows the same confirmation
 * either way, so the page never reveals whether an address has an account.
 */
export async function requestPasswordReset(
  tx: Transaction,
  input: { email: string; baseUrl: string; networkName: string },
): Promise<Result<{ emailIds: number[] }>> {
  const email = normaliseEmail(input.email)
  if (email === '') return invalid([{ field: 'email', message: 'accounts.errors.emailRequired' }])
  if (!isEmail(email)) return invalid([{ field: 'email', message: 'accounts.errors.emailFormat' }])
  const user = await findUserByEmail(tx, email)
  if (!user || user.status === 'disabled') return ok({ emailIds: [] })

  const [recent] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(accountTokens)
    .where(and(eq(accountTokens.userId, user.id), eq(accountTokens.purpose, 'password-reset'), gt(accountTokens.createdAt, sql`now() - interval '1 hour'`)))
  if ((recent?.n ?? 0) >= resetRequestsPerAccount) return ok({ emailIds: [] })
  const token = await issueAccountToken(tx, user.id, 'password-reset')
  const id = await queueEmail(tx, {
    to: user.email,
    ...passwordResetEmail(languageOf(user.language), {
      name: user.name,
      network: input.networkName,
      link: accountLink(input.baseUrl, token),
      minutes: resetTokenMinutes,
    }),
  })
  await recordAudit(
    tx,
    { id: user.id, label: user.email },
    { action: 'password-reset-requested', subjectType: 'user', subjectId: user.id, summary: 'Password reset link emailed' },
  )
  return ok({ emailIds: [id] })
}
