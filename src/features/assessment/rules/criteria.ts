// A call's criteria as the administrators' form holds them: rows of title, guidance and the most
// points a bid can score, in order. Blank rows are ignored; the buttons beside a row remove it or
// move it up or down, without JavaScript.
import type { FieldError } from '../../../lib/result.ts'

export interface CriterionRow {
  title: string
  guidance: string
  /** As typed: checked by criteriaProblems. */
  max: string
}

export interface Criterion {
  title: string
  guidance: string
  maxScore: number
}

export const maxCriteria = 20
export const maxScoreLimit = 100

const isBlank = (row: CriterionRow) => row.title.trim() === '' && row.guidance.trim() === '' && row.max.trim() === ''

/** What the row buttons ask for: `remove-2`, `up-1`, `down-0`; anything else saves the rows as they are. */
export function applyRowAction(rows: readonly CriterionRow[], action: string): CriterionRow[] {
  const out = [...rows]
  const match = /^(remove|up|down)-(\d{1,3})$/.exec(action)
  if (!match) return out
  const i = Number(match[2])
  if (i >= out.length) return out
  if (match[1] === 'remove') out.splice(i, 1)
  else {
    const j = match[1] === 'up' ? i - 1 : i + 1
    if (j < 0 || j >= out.length) return out
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/** The rows to keep: blank ones dropped. */
export const filledRows = (rows: readonly CriterionRow[]): CriterionRow[] => rows.filter((r) => !isBlank(r))

/** The criteria, or the problems with the rows (each naming its row's field: criterionTitle-0 and so on). */
export function readCriteria(rows: readonly CriterionRow[]): { criteria: Criterion[]; errors: FieldError[] } {
  const errors: FieldError[] = []
  const criteria: Criterion[] = []
  const seen = new Set<string>()
  if (rows.length > maxCriteria) errors.push({ field: 'criterionTitle-0', message: 'assessment.criteria.tooMany', values: { max: maxCriteria } })
  rows.forEach((row, i) => {
    const number = i + 1
    const title = row.title.trim()
    const guidance = row.guidance.trim()
    if (title === '') errors.push({ field: `criterionTitle-${i}`, message: 'assessment.criteria.titleMissing', values: { number } })
    else if (title.length > 200) errors.push({ field: `criterionTitle-${i}`, message: 'assessment.criteria.titleTooLong', values: { number } })
    else if (seen.has(title.toLowerCase())) errors.push({ field: `criterionTitle-${i}`, message: 'assessment.criteria.titleTwice', values: { number } })
    seen.add(title.toLowerCase())
    if (guidance.length > 2000) errors.push({ field: `criterionGuidance-${i}`, message: 'assessment.criteria.guidanceTooLong', values: { number } })
    const max = /^\d{1,3}$/.test(row.max.trim()) ? Number(row.max.trim()) : null
    if (max === null || max < 1 || max > maxScoreLimit)
      errors.push({ field: `criterionMax-${i}`, message: 'assessment.criteria.maxInvalid', values: { number, limit: maxScoreLimit } })
    criteria.push({ title, guidance, maxScore: max ?? 0 })
  })
  return { criteria: errors.length ? [] : criteria, errors }
}

/** Stands for a list of criteria as a form saw it, so a save over someone else's newer list is noticed. */
export function criteriaFingerprint(criteria: ReadonlyArray<{ id: number } & Criterion>): string {
  let hash = 2166136261
  for (const ch of JSON.stringify(criteria.map((c) => [c.id, c.title, c.guidance, c.maxScore]))) {
    hash ^= ch.codePointAt(0)!
    hash = Math.imul(hash, 16777619) >>> 0
  }
  return `${criteria.length}-${hash.toString(36)}`
}
