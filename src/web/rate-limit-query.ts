import { lt, sql } from 'drizzle-orm'
import type { Executor } from '../db/client.ts'
import { rateLimitCounts } from '../db/schema/index.ts'

/**
 * Counts one request under `key` in its current window (a new window starts when the last one is
 * over) and returns the count and when the window ends. One statement: two instances counting at
 * the same moment both land.
 */
export async function countRequest(db: Executor, key: string, windowMs: number, now = new Date()): Promise<{ count: number; windowEndsAt: Date }> {
  const ends = new Date(now.getTime() + windowMs)
  const [row] = await db
    .insert(rateLimitCounts)
    .values({ key, count: 1, windowEndsAt: ends })
    .onConflictDoUpdate({
      target: rateLimitCounts.key,
      set: {
        count: sql`CASE WHEN ${rateLimitCounts.windowEndsAt} <= ${now} THEN 1 ELSE ${rateLimitCounts.count} + 1 END`,
        windowEndsAt: sql`CASE WHEN ${rateLimitCounts.windowEndsAt} <= ${now} THEN ${ends} ELSE ${rateLimitCounts.windowEndsAt} END`,
      },
    })
    .returning({ count: rateLimitCounts.count, windowEndsAt: rateLimitCounts.windowEndsAt })
  return row!
}

/** Windows over for an hour can go: nobody reads them again. */
export async function forgetOldRequestCounts(db: Executor, now = new Date()): Promise<void> {
  await db.delete(rateLimitCounts).where(lt(rateLimitCounts.windowEndsAt, new Date(now.getTime() - 3_600_000)))
}
