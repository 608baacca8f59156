import { eq } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { users } from '../../db/schema/index.ts'

/**
 * Whether any administrator account exists, whatever its state: an invited or disabled
 * administrator still closes the set-up page, so the page can never take over a site that has one.
 */
export async function administratorExists(db: Executor): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1)
  return rows.length > 0
}
