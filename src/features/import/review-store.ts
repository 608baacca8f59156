// The readings people are checking on the import review page, kept on the server: what is saved —
// above all the organisations it creates — is what this person was shown, whatever the form
// sends back. The page carries only the review's id, a random token.
import { randomBytes } from 'node:crypto'
import { and, eq, gt, lt } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { importReviews } from '../../db/schema/index.ts'
import { readReviewState, type ReviewState } from './review.ts'

/** How long a review waits for its person: long enough for a day's interruptions. */
const reviewHours = 24

/** Keeps a reading for `userId` to check; returns the id the page carries. Lapsed reviews go. */
export async function keepReview(db: Executor, userId: number, state: ReviewState, now = new Date()): Promise<string> {
  const id = randomBytes(24).toString('base64url')
  await db.delete(importReviews).where(lt(importReviews.expiresAt, now))
  await db.insert(importReviews).values({ id, userId, state, expiresAt: new Date(now.getTime() + reviewHours * 3_600_000) })
  return id
}

/** The review with this id, if it is this person's and has not lapsed or been saved. */
export async function findReview(db: Executor, id: string, userId: number, now = new Date()): Promise<ReviewState | null> {
  if (!/^[A-Za-z0-9_-]{32}$/.test(id)) return null
  const [row] = await db
    .select({ state: importReviews.state })
    .from(importReviews)
    .where(and(eq(importReviews.id, id), eq(importReviews.userId, userId), gt(importReviews.expiresAt, now)))
  // Read through the same checks as any stored JSON, so an older shape cannot break the page.
  return row ? readReviewState(JSON.stringify(row.state)) : null
}

/** A saved review is used up; returns whether it was still there (a second save of the same page finds it gone). */
export async function useUpReview(tx: Executor, id: string, userId: number): Promise<boolean> {
  const gone = await tx
    .delete(importReviews)
    .where(and(eq(importReviews.id, id), eq(importReviews.userId, userId)))
    .returning({ id: importReviews.id })
  return gone.length > 0
}
