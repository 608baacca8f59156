import { asc, eq } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { organisations } from '../../db/schema/index.ts'

/** Every organisation, members or not, verified or not. */
export async function listAllOrganisations(db: Database) {
  return db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      kind: organisations.kind,
      tier: organisations.tier,
      verified: organisations.verified,
      region: organisations.region,
      nation: organisations.nation,
    })
    .from(organisations)
    .orderBy(asc(organisations.name), asc(organisations.id))
}

export async function findOrganisationById(db: Database, id: number) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id))
  return row ?? null
}

export type OrganisationRow = NonNullable<Awaited<ReturnType<typeof findOrganisationById>>>
