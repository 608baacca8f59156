import { asc, eq } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { organisations, people } from '../../db/schema/index.ts'

const contactColumns = {
  id: people.id,
  name: people.name,
  jobTitle: people.jobTitle,
  email: people.email,
  phone: people.phone,
  publishContact: people.publishContact,
  organisationSlug: organisations.slug,
  organisationName: organisations.name,
  updatedAt: people.updatedAt,
}

export async function listContacts(db: Database) {
  return db.select(contactColumns).from(people).leftJoin(organisations, eq(organisations.id, people.organisationId)).orderBy(asc(people.name), asc(people.id))
}

export async function findContact(db: Database, id: number) {
  const [row] = await db.select(contactColumns).from(people).leftJoin(organisations, eq(organisations.id, people.organisationId)).where(eq(people.id, id))
  return row ?? null
}

export type Contact = NonNullable<Awaited<ReturnType<typeof findContact>>>
