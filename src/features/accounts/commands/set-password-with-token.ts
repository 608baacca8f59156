import { and, eq, gt, isNull } from 'drizzle-orm'
import type { Executor } from '../../../db/client.ts'
import { accountTokens, sessions, users } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { invalid, notFound, ok, type Result } from '../../../lib/result.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { languageOf, passwordChangedEmail } from '../../email/messages.ts'
import { queueEmail } from '../../email/outbox.ts'
import { passwordProblem } from '../rules.ts'
import { hashPassword, hashToken } from '../secrets.ts'

/** The account a link is for, if the link is still usable. */
export async function findUsableToken(db: Executor, token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null
  const [row] = await db
    .select({
      tokenId: accountTokens.id,
      purpose: accountTokens.purpose,
      userId: users.id,
      email: users.email,
      name: users.name,
      status: users.status,
      language: users.language,
    })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(and(eq(accountTokens.tokenHash, hashToken(token)), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now)))
  if (!row || row.status === 'disabled') return null
  return row
}

/**
 * Sets a password from an emailed link (reset or invitation): the link is used up, the account's
 * other sessions end. `not-found`: the link is expired, used or unknown.
 */
export async function setPasswordWithToken(
  tx: Transaction,
  input: { token: string; password: string; confirm: string; networkName?: string; baseUrl?: string },
): Promise<Result<{ userId: number; emailIds: number[] }>> {
  const found = await findUsableToken(tx, input.token)
  if (!found) return notFound()
  const problem = passwordProblem(input.password, { email: found.email })
  if (problem) return invalid([{ field: 'password', ...problem }])
  if (input.password !== input.confirm) return invalid([{ field: 'confirm', message: 'accounts.setPassword.errorMismatch' }])

  const passwordHash = await hashPassword(input.password)
  // Marking the token used only if still unused makes a double submit harmless.
  const used = await tx
    .update(accountTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(accountTokens.id, found.tokenId), isNull(accountTokens.usedAt)))
    .returning({ id: accountTokens.id })
  if (used.length === 0) return notFound()
  await tx.update(users).set({ passwordHash, status: 'active', updatedAt: new Date() }).where(eq(users.id, found.userId))
  await tx.delete(sessions).where(eq(sessions.userId, found.userId))
  await recordAudit(
    tx,
    { id: found.userId, label: found.email },
    {
      action: found.purpose === 'invitation' ? 'invitation-accepted' : 'password-reset',
      subjectType: 'user',
      subjectId: found.userId,
      summary: found.purpose === 'invitation' ? 'Accepted the invitation and set a password' : 'Reset the password',
    },
  )
  // A changed password is told to the address, so that its owner hears of a change they did not make.
  const emailIds =
    found.purpose === 'password-reset' && input.networkName
      ? [
          await queueEmail(tx, {
            to: found.email,
            ...passwordChangedEmail(languageOf(found.language), {
              name: found.name,
              network: input.networkName,
              link: `${input.baseUrl ?? ''}/password-reset`,
            }),
          }),
        ]
      : []
  return ok({ userId: found.userId, emailIds })
}
