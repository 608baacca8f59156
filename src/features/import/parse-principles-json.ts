// Reads a principles file such as ccin-principles.json ([{ name, statement, order?, sub_points? }])
// into rows ready for the database and for buildReadingContext. Every problem is listed at once.

import { slugify } from './normalise-text.ts'
import type { ParseResult, PrincipleInput, SubPointInput } from './types.ts'

export interface PrincipleRow extends PrincipleInput {
  order: number
  aliases: string[]
  subPoints: SubPointInput[]
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function nonEmptyString(v: unknown): v is string {
  return typeof v === 'string' && v.trim().length > 0
}

export function parsePrinciplesJson(text: string): ParseResult<PrincipleRow[]> {
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    return { ok: false, errors: [`The principles file is not valid JSON: ${(e as Error).message}.`] }
  }
  if (!Array.isArray(data)) return { ok: false, errors: ['The principles file must hold a JSON array of principles ([{ "name": …, "statement": … }]).'] }
  if (data.length === 0) return { ok: false, errors: ['The principles file holds no principles.'] }

  const errors: string[] = []
  const rows: PrincipleRow[] = []
  data.forEach((item: unknown, i) => {
    const where = `Principle ${i + 1}`
    if (!isRecord(item)) {
      errors.push(`${where} is not an object.`)
      return
    }
    const { name, statement, order } = item
    if (!nonEmptyString(name)) errors.push(`${where} has no "name" (its short name).`)
    if (!nonEmptyString(statement)) errors.push(`${where}${nonEmptyString(name) ? ` ("${name}")` : ''} has no "statement".`)
    if (order !== undefined && !(typeof order === 'number' && Number.isInteger(order) && order > 0)) {
      errors.push(`${where} has an "order" that is not a whole number above 0.`)
    }
    const subPoints = readSubPoints(item.sub_points, where, errors)
    const aliases: string[] = []
    if (item.statement_without_repeated_tail !== undefined) {
      if (nonEmptyString(item.statement_without_repeated_tail)) aliases.push(item.statement_without_repeated_tail.trim())
      else errors.push(`${where} has a "statement_without_repeated_tail" that is not text.`)
    }
    if (!nonEmptyString(name) || !nonEmptyString(statement)) return
    rows.push({
      slug: slugify(name),
      shortName: name.trim(),
      statement: statement.trim(),
      order: typeof order === 'number' ? order : i + 1,
      aliases,
      subPoints,
    })
  })

  const seenNames = new Set<string>()
  const seenOrders = new Set<number>()
  for (const r of rows) {
    if (seenNames.has(r.slug)) errors.push(`"${r.shortName}" appears more than once.`)
    if (seenOrders.has(r.order)) errors.push(`Order ${r.order} is used by more than one principle.`)
    seenNames.add(r.slug)
    seenOrders.add(r.order)
  }
  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, value: rows.sort((a, b) => a.order - b.order) }
}

function readSubPoints(value: unknown, where: string, errors: string[]): SubPointInput[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) {
    errors.push(`${where} has "sub_points" that is not a list.`)
    return []
  }
  const out: SubPointInput[] = []
  value.forEach((sp: unknown, j) => {
    if (isRecord(sp) && nonEmptyString(sp.name) && typeof (sp.text ?? '') === 'string') {
      out.push({ name: sp.name.trim(), text: typeof sp.text === 'string' ? sp.text.trim() : '' })
    } else {
      errors.push(`${where}, sub-point ${j + 1} needs a "name" and a "text".`)
    }
  })
  return out
}
