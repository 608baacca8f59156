import { eq } from 'drizzle-orm'
import type { Executor } from '../../../db/client.ts'
import { organisations } from '../../../db/schema/index.ts'

/** The id of the organisation picked in a form (by slug): null for none, undefined when unknown. */
export async function resolveOrganisation(tx: Executor, slug: string | null): Promise<number | null | undefined> {
  if (slug === null) return null
  const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug))
  return org?.id
}

export const unknownOrganisationError = { field: 'organisation', message: 'accounts.user.errorOrganisationUnknown' }
