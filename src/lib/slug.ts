const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/

/** Whether text is shaped like one of our slugs: routes answer 404 before asking the database. */
export function isSlug(text: string): boolean {
  return text.length <= 120 && slugPattern.test(text)
}

/** A slug from a title: lower case ASCII words joined by hyphens, at most 80 characters. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '')
  return slug || 'untitled'
}
