import { eq } from 'drizzle-orm'
import type { Database } from '../../../db/client.ts'
import { users } from '../../../db/schema/index.ts'
import { invalid, ok, refused, type FieldError, type Result } from '../../../lib/result.ts'
import type { Locale } from '../../../i18n/locales.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { findUserByEmail } from '../queries.ts'
import { isEmail, normaliseEmail } from '../rules.ts'
import { verifyPassword } from '../secrets.ts'
import { openSession } from '../sessions.ts'
import { countFailedSignIn, forgetFailedSignIns } from '../sign-in-failures.ts'

export interface SignInInput {
  email: string
  password: string
  /** The request's IP address, for counting failures. */
  address: string
  /** The session the request came with, destroyed at sign-in. */
  previousSessionId: string | null
}

/**
 * Checks an email and password and, when they are right, opens a session (the token is for the
 * cookie; the language is the person's own, for the page they land on). The same answer for an unknown address and a wrong password. The password is checked
 * before the transaction opens (it takes a memory-hard hash's time), and the outcome is written in
 * one transaction that commits either way: a failure is counted and audited, a success clears the
 * account's failures, records the sign-in and opens the session.
 */
export async function signIn(db: Database, input: SignInInput): Promise<Result<{ userId: number; token: string; language: Locale }>> {
  const email = normaliseEmail(input.email)
  const errors: FieldError[] = []
  if (email === '') errors.push({ field: 'email', message: 'accounts.errors.emailRequired' })
  else if (!isEmail(email)) errors.push({ field: 'email', message: 'accounts.errors.emailFormat' })
  if (input.password === '') errors.push({ field: 'password', message: 'accounts.signIn.errorPasswordRequired' })
  if (errors.length > 0) return invalid(errors)

  const user = await findUserByEmail(db, email)
  const matches = await verifyPassword(user?.passwordHash ?? null, input.password)
  return db.transaction(async (tx) => {
    if (!user || !matches || user.status !== 'active') {
      await countFailedSignIn(tx, email, input.address)
      if (user)
        await recordAudit(
          tx,
          { id: user.id, label: user.email },
          { action: 'sign-in-failed', subjectType: 'user', subjectId: user.id, summary: 'Failed sign-in' },
        )
      return refused('accounts.signIn.errorIncorrect', 'email')
    }
    await forgetFailedSignIns(tx, email, input.address)
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id))
    await recordAudit(tx, { id: user.id, label: user.email }, { action: 'signed-in', subjectType: 'user', subjectId: user.id, summary: 'Signed in' })
    const token = await openSession(tx, user.id, input.previousSessionId)
    return ok({ userId: user.id, token, language: user.language })
  })
}
