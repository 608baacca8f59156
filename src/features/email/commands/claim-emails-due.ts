import { and, eq, gt, inArray, lt, or } from 'drizzle-orm'
import type { Database } from '../../../db/client.ts'
import { emails } from '../../../db/schema/index.ts'
import { emailRetryDue, lostEmailSentWithinMs, maxEmailAttempts } from '../retry-rules.ts'

/**
 * The emails due for another try (retry-rules.ts), claimed: their last try is set to now, in the
 * transaction that locked them, so a run that overlaps this one (another instance, or the next
 * run while this one is still sending) neither takes them nor finds them due. The caller then
 * sends them (Mailer.deliver), which records each try's outcome.
 */
export async function claimEmailsDue(db: Database, now = new Date(), limit = 500): Promise<number[]> {
  return db.transaction(async (tx) => {
    const candidates = await tx
      .select({ id: emails.id, status: emails.status, attempts: emails.attempts, createdAt: emails.createdAt, lastAttemptAt: emails.lastAttemptAt })
      .from(emails)
      .where(
        or(
          and(eq(emails.status, 'failed'), lt(emails.attempts, maxEmailAttempts)),
          and(eq(emails.status, 'queued'), eq(emails.attempts, 0), gt(emails.createdAt, new Date(now.getTime() - lostEmailSentWithinMs))),
        ),
      )
      .orderBy(emails.id)
      .limit(limit)
      .for('update', { skipLocked: true })
    const due = candidates
      .filter((e) => emailRetryDue({ status: e.status, attempts: e.attempts, lastTouched: e.lastAttemptAt ?? e.createdAt }, now))
      .map((e) => e.id)
    if (due.length > 0) await tx.update(emails).set({ lastAttemptAt: now }).where(inArray(emails.id, due))
    return due
  })
}
