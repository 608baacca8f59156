import { asc, eq } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { organisations, users } from '../../db/schema/index.ts'

// Accounts as administrators see them: never with the password hash.

const accountColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  status: users.status,
  organisationId: users.organisationId,
  organisationSlug: organisations.slug,
  organisationName: organisations.name,
  lastSignInAt: users.lastSignInAt,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
}

export async function listAccounts(db: Database) {
  return db.select(accountColumns).from(users).leftJoin(organisations, eq(organisations.id, users.organisationId)).orderBy(asc(users.name), asc(users.email))
}

export async function findAccount(db: Database, id: number) {
  const [row] = await db.select(accountColumns).from(users).leftJoin(organisations, eq(organisations.id, users.organisationId)).where(eq(users.id, id))
  return row ?? null
}

export type Account = NonNullable<Awaited<ReturnType<typeof findAccount>>>

/** Every organisation for a form's select, by name. */
export async function listOrganisationChoices(db: Database) {
  return db.select({ slug: organisations.slug, name: organisations.name }).from(organisations).orderBy(asc(organisations.name))
}
