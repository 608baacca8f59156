import { eq } from 'drizzle-orm'
import type { Database } from '../../../db/client.ts'
import { users } from '../../../db/schema/index.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { findUserByEmail } from '../queries.ts'
import { isEmail, normaliseEmail } from '../rules.ts'
import { verifyPassword } from '../secrets.ts'
import type { FieldError } from '../../../web/forms.ts'

export type SignInResult = { ok: true; userId: number } | { ok: false; errors: FieldError[] }

/** Checks an email and password. The same answer for an unknown address and a wrong password. */
export async function signIn(db: Database, input: { email: string; password: string }): Promise<SignInResult> {
  const email = normaliseEmail(input.email)
  const errors: FieldError[] = []
  if (email === '') errors.push({ field: 'email', message: 'Enter your email address' })
  else if (!isEmail(email)) errors.push({ field: 'email', message: 'Enter an email address in the correct format, like name@example.org' })
  if (input.password === '') errors.push({ field: 'password', message: 'Enter your password' })
  if (errors.length > 0) return { ok: false, errors }

  const user = await findUserByEmail(db, email)
  const matches = await verifyPassword(user?.passwordHash ?? null, input.password)
  if (!user || !matches || user.status !== 'active') {
    if (user) {
      await recordAudit(db, { id: user.id, label: user.email }, { action: 'sign-in-failed', subjectType: 'user', subjectId: user.id, summary: 'Failed sign-in' })
    }
    return { ok: false, errors: [{ field: 'email', message: 'Enter a correct email address and password' }] }
  }
  await db.transaction(async (tx) => {
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id))
    await recordAudit(tx, { id: user.id, label: user.email }, { action: 'signed-in', subjectType: 'user', subjectId: user.id, summary: 'Signed in' })
  })
  return { ok: true, userId: user.id }
}
