import { and, eq, like, ne, or } from 'drizzle-orm'
import type { Executor } from '../../../db/client.ts'
import { organisations } from '../../../db/schema/index.ts'
import { chooseSlug, slugFor } from '../../../lib/unique-slug.ts'

/** The slug for a save of organisation `selfId` (null for a new one), or null when a typed slug is taken. */
export async function pickOrganisationSlug(tx: Executor, typed: string | null, name: string, selfId: number | null): Promise<string | null> {
  const base = slugFor(typed, name)
  const rows = await tx
    .select({ slug: organisations.slug })
    .from(organisations)
    .where(and(or(eq(organisations.slug, base), like(organisations.slug, `${base}-%`)), selfId === null ? undefined : ne(organisations.id, selfId)))
  return chooseSlug(typed, name, new Set(rows.map((r) => r.slug)))
}

export const slugTakenError = { field: 'slug', message: 'adminOrganisations.errors.slugTaken' }
