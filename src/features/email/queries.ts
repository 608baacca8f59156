import { desc, eq, sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { emails } from '../../db/schema/index.ts'

/** One page of emails with their delivery records, newest first, and how many there are. */
export async function listEmails(db: Database, page: number, pageSize: number) {
  const rows = await db
    .select({
      id: emails.id,
      toAddress: emails.toAddress,
      subject: emails.subject,
      status: emails.status,
      error: emails.error,
      attempts: emails.attempts,
      createdAt: emails.createdAt,
      sentAt: emails.sentAt,
    })
    .from(emails)
    .orderBy(desc(emails.createdAt), desc(emails.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(emails)
  return { rows, total: count?.n ?? 0 }
}

export async function findEmail(db: Database, id: number) {
  const [row] = await db.select().from(emails).where(eq(emails.id, id))
  return row ?? null
}
