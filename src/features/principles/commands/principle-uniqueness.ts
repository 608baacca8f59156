import { and, eq, like, ne, or } from 'drizzle-orm'
import type { Executor } from '../../../db/client.ts'
import { principles } from '../../../db/schema/index.ts'
import { chooseSlug, slugFor } from '../../../lib/unique-slug.ts'
import type { FieldError } from '../../../web/forms.ts'

export const slugTakenError: FieldError = { field: 'slug', message: 'adminPrinciples.errors.slugTaken' }
export const shortNameTakenError: FieldError = { field: 'shortName', message: 'adminPrinciples.errors.shortNameTaken' }

/**
 * The slug for a save of principle `selfId` (null for a new one), or the errors when the short
 * name or a typed slug belongs to another principle.
 */
export async function checkPrincipleUniqueness(
  tx: Executor,
  values: { shortName: string; slug: string | null },
  selfId: number | null,
): Promise<{ ok: true; slug: string } | { ok: false; errors: FieldError[] }> {
  const notSelf = selfId === null ? undefined : ne(principles.id, selfId)
  const errors: FieldError[] = []
  const [sameName] = await tx
    .select({ id: principles.id })
    .from(principles)
    .where(and(eq(principles.shortName, values.shortName), notSelf))
  if (sameName) errors.push(shortNameTakenError)
  const base = slugFor(values.slug, values.shortName)
  const rows = await tx
    .select({ slug: principles.slug })
    .from(principles)
    .where(and(or(eq(principles.slug, base), like(principles.slug, `${base}-%`)), notSelf))
  const slug = chooseSlug(values.slug, values.shortName, new Set(rows.map((r) => r.slug)))
  if (slug === null) errors.push(slugTakenError)
  return errors.length > 0 || slug === null ? { ok: false, errors } : { ok: true, slug }
}
