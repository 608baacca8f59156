import { asc, desc, eq } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { principleRevisions, principles, users } from '../../db/schema/index.ts'

export async function listPrinciplesForAdmin(db: Database) {
  return db
    .select({ id: principles.id, slug: principles.slug, shortName: principles.shortName, position: principles.position, updatedAt: principles.updatedAt })
    .from(principles)
    .orderBy(asc(principles.position), asc(principles.shortName))
}

export async function findPrincipleById(db: Database, id: number) {
  const [row] = await db.select().from(principles).where(eq(principles.id, id))
  return row ?? null
}

export type PrincipleRow = NonNullable<Awaited<ReturnType<typeof findPrincipleById>>>

/** Earlier wordings of a principle, newest first, with who replaced them. */
export async function listPrincipleRevisions(db: Database, principleId: number) {
  return db
    .select({
      id: principleRevisions.id,
      shortName: principleRevisions.shortName,
      statement: principleRevisions.statement,
      position: principleRevisions.position,
      source: principleRevisions.source,
      changedBy: users.name,
      createdAt: principleRevisions.createdAt,
    })
    .from(principleRevisions)
    .leftJoin(users, eq(users.id, principleRevisions.changedByUserId))
    .where(eq(principleRevisions.principleId, principleId))
    .orderBy(desc(principleRevisions.createdAt), desc(principleRevisions.id))
}
