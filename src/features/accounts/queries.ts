import { eq } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { organisations, users } from '../../db/schema/index.ts'

export async function findUserByEmail(db: Executor, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email))
  return row ?? null
}

/** The signed-in person's own account, as their account page shows it. */
export async function findAccountOf(db: Executor, id: number) {
  const [row] = await db
    .select({
      name: users.name,
      email: users.email,
      role: users.role,
      organisationName: organisations.name,
      submissionEmails: users.submissionEmails,
      language: users.language,
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, id))
  return row ?? null
}
