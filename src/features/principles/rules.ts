import { slugProblem } from '../../lib/unique-slug.ts'
import type { FieldError } from '../../web/forms.ts'

// Pure rules for a principle's fields, shared by the create and update commands.

export const maxPosition = 999

export interface PrincipleInput {
  shortName: string
  slug: string
  statement: string
  position: string
  /** The Welsh wording, optional: Welsh pages show the English where it is blank. */
  shortNameCy?: string
  statementCy?: string
}

export interface PrincipleValues {
  shortName: string
  /** The slug typed, or null when left blank (the command makes one from the short name). */
  slug: string | null
  statement: string
  /** Null when left blank on a new principle: it goes last. */
  position: number | null
  /** Null when left blank. */
  shortNameCy: string | null
  statementCy: string | null
}

export function validatePrinciple(
  input: PrincipleInput,
  options: { positionRequired: boolean },
): { ok: true; value: PrincipleValues } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  const shortName = input.shortName.trim()
  if (shortName === '') errors.push({ field: 'shortName', message: 'adminPrinciples.errors.shortNameRequired' })
  else if (shortName.length > 120) errors.push({ field: 'shortName', message: 'adminPrinciples.errors.shortNameTooLong' })

  const slug = input.slug.trim()
  const slugError = slugProblem(slug)
  if (slugError) errors.push({ field: 'slug', ...slugError })

  const statement = input.statement.trim()
  if (statement === '') errors.push({ field: 'statement', message: 'adminPrinciples.errors.statementRequired' })
  else if (statement.length > 2000) errors.push({ field: 'statement', message: 'adminPrinciples.errors.statementTooLong' })

  const rawPosition = input.position.trim()
  let position: number | null = null
  if (rawPosition === '') {
    if (options.positionRequired) errors.push({ field: 'position', message: 'adminPrinciples.errors.positionRequired' })
  } else if (!/^[0-9]{1,3}$/.test(rawPosition) || Number(rawPosition) < 1 || Number(rawPosition) > maxPosition) {
    errors.push({ field: 'position', message: 'adminPrinciples.errors.positionRange', values: { max: maxPosition } })
  } else {
    position = Number(rawPosition)
  }

  const shortNameCy = (input.shortNameCy ?? '').trim()
  if (shortNameCy.length > 120) errors.push({ field: 'shortNameCy', message: 'contentLanguages.principle.errors.shortNameCyTooLong' })
  const statementCy = (input.statementCy ?? '').trim()
  if (statementCy.length > 2000) errors.push({ field: 'statementCy', message: 'contentLanguages.principle.errors.statementCyTooLong' })

  if (errors.length > 0) return { ok: false, errors }
  return {
    ok: true,
    value: { shortName, slug: slug === '' ? null : slug, statement, position, shortNameCy: shortNameCy || null, statementCy: statementCy || null },
  }
}
