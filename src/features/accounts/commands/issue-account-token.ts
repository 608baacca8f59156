import type { Executor } from '../../../db/client.ts'
import type { TokenPurpose } from '../../../db/schema/enums.ts'
import { accountTokens } from '../../../db/schema/index.ts'
import { invitationTokenDays, resetTokenMinutes } from '../rules.ts'
import { newToken } from '../secrets.ts'

/** A single-use link token; only its hash is stored. Returns the token for the email. */
export async function issueAccountToken(tx: Executor, userId: number, purpose: TokenPurpose, now = new Date()): Promise<string> {
  const { token, hash } = newToken()
  const lifetimeMs = purpose === 'password-reset' ? resetTokenMinutes * 60_000 : invitationTokenDays * 86_400_000
  await tx.insert(accountTokens).values({ userId, purpose, tokenHash: hash, expiresAt: new Date(now.getTime() + lifetimeMs) })
  return token
}

export function accountLink(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/$/, '')}/account/set-password/${token}`
}
