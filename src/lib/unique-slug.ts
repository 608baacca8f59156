import { isSlug, slugify } from './slug.ts'

// Slugs typed into admin forms: checked for shape here, for uniqueness by the commands.

export const slugMaxLength = 80

/** The problem with a typed slug (a catalogue key and its values), or null. Blank is allowed: one is made from the name. */
export function slugProblem(slug: string): { message: string; values?: Record<string, number> } | null {
  if (slug === '') return null
  if (slug.length > slugMaxLength) return { message: 'admin.slug.tooLong', values: { max: slugMaxLength } }
  if (!isSlug(slug)) return { message: 'admin.slug.format' }
  return null
}

/** The slug to use: the one typed, or one made from the name. */
export function slugFor(typed: string | null, name: string): string {
  return typed ?? slugify(name)
}

/** `base`, or `base-2`, `base-3`…: the first not in `taken`. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) {
    const suffix = `-${n}`
    const candidate = `${base.slice(0, slugMaxLength - suffix.length).replace(/-+$/, '')}${suffix}`
    if (!taken.has(candidate)) return candidate
  }
}

/**
 * Picks the slug for a save from the slugs already taken that start with the base: a typed slug
 * must be free (null when it is not); a blank one becomes the first free `name-n`.
 */
export function chooseSlug(typed: string | null, name: string, taken: ReadonlySet<string>): string | null {
  const base = slugFor(typed, name)
  if (typed !== null) return taken.has(base) ? null : base
  return firstFreeSlug(base, taken)
}
