// The counts of failed sign-ins (rules.ts says how they are kept and what they cost), in the
// database so that every instance sees the same counts.
import { inArray, lt, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { signInFailures } from '../../db/schema/index.ts'
import { failureKeys, failureMemoryMinutes, secondsToWait, type FailureScope } from './rules.ts'

/** Seconds before an attempt for this account from this address is looked at; 0 when it may go ahead. */
export async function secondsBeforeSignIn(db: Executor, email: string, address: string, now = new Date()): Promise<number> {
  const keys = failureKeys(email, address)
  const scopeOf = new Map(Object.entries(keys).map(([scope, key]) => [key, scope as FailureScope]))
  const rows = await db
    .select()
    .from(signInFailures)
    .where(inArray(signInFailures.key, Object.values(keys)))
  return Math.max(0, ...rows.map((r) => secondsToWait(scopeOf.get(r.key)!, r.failures, r.lastFailureAt, now)))
}

/** Counts a failed attempt under each of its keys; a count whose latest failure is forgotten starts again. */
export async function countFailedSignIn(tx: Executor, email: string, address: string, now = new Date()): Promise<void> {
  const forgotten = new Date(now.getTime() - failureMemoryMinutes * 60_000)
  const rows = Object.values(failureKeys(email, address)).map((key) => ({ key, failures: 1, lastFailureAt: now }))
  await tx
    .insert(signInFailures)
    .values(rows)
    .onConflictDoUpdate({
      target: signInFailures.key,
      set: {
        failures: sql`CASE WHEN ${signInFailures.lastFailureAt} < ${forgotten} THEN 1 ELSE ${signInFailures.failures} + 1 END`,
        lastFailureAt: now,
      },
    })
  // Counts nobody has added to for a day can go: they are long forgotten.
  await tx.delete(signInFailures).where(lt(signInFailures.lastFailureAt, new Date(now.getTime() - 86_400_000)))
}

/** A success clears the account's counts (the address's count of failures stays). */
export async function forgetFailedSignIns(tx: Executor, email: string, address: string): Promise<void> {
  const keys = failureKeys(email, address)
  await tx.delete(signInFailures).where(inArray(signInFailures.key, [keys.account, keys['account-address']]))
}
