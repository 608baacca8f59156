import { desc, eq, sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { emails, users } from '../../db/schema/index.ts'

// An email is written in its recipient's language (users.language): read with it, so that a page in
// the other language can say which language the email is in.

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
      language: users.language,
    })
    .from(emails)
    .leftJoin(users, eq(users.email, emails.toAddress))
    .orderBy(desc(emails.createdAt), desc(emails.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(emails)
  return { rows, total: count?.n ?? 0 }
}

export async function findEmail(db: Database, id: number) {
  const [row] = await db
    .select({ email: emails, language: users.language })
    .from(emails)
    .leftJoin(users, eq(users.email, emails.toAddress))
    .where(eq(emails.id, id))
  return row ? { ...row.email, language: row.language } : null
}
