// Reads mySociety's UK local authorities register (uk_local_authorities_current.csv) into rows.
// Headers are checked first, so a wrong or truncated file fails with the columns it lacks.

import { parse } from 'csv-parse/sync'
import type { AuthorityInput, ParseResult } from './types.ts'

export interface AuthorityRow extends AuthorityInput {
  gssCode?: string
  typeCode: string
  typeName: string
  nation: string
  region: string
  population: number | null
  lat: number | null
  long: number | null
  current: boolean
  /** YYYY-MM-DD, when the file has the column and the row a date. */
  startDate?: string
  endDate?: string
}

const REQUIRED = [
  'local-authority-code',
  'official-name',
  'nice-name',
  'gss-code',
  'local-authority-type',
  'local-authority-type-name',
  'nation',
  'region',
  'alt-names',
  'current-authority',
  'pop-2020',
  'lat',
  'long',
] as const

function toNumber(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null
  const n = Number(value)
  return Number.isFinite(n) ? n : null
}

function isoDate(value: string | undefined): string | undefined {
  const v = value?.trim() ?? ''
  return /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined
}

/**
 * Alt-names are joined with bare commas, while some names carry ", " themselves
 * ("Bournemouth, Christchurch and Poole"); splitting only on a comma not followed by a space keeps them whole.
 */
export function splitAltNames(value: string): string[] {
  return [
    ...new Set(
      value
        .split(/,(?!\s)/)
        .map((n) => n.trim())
        .filter((n) => n.length > 0),
    ),
  ]
}

export function parseAuthoritiesCsv(text: string): ParseResult<AuthorityRow[]> {
  let records: string[][]
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true }) as string[][]
  } catch (e) {
    return { ok: false, errors: [`The authorities file is not readable CSV: ${(e as Error).message}`] }
  }
  const header = records[0]
  if (!header) return { ok: false, errors: ['The authorities file is empty.'] }
  const column = new Map(header.map((h, i) => [h.trim(), i]))
  const missing = REQUIRED.filter((h) => !column.has(h))
  if (missing.length > 0) {
    return {
      ok: false,
      errors: [
        `The authorities file lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}. Is it mySociety's uk_local_authorities_current.csv?`,
      ],
    }
  }
  const get = (row: string[], name: (typeof REQUIRED)[number]): string => (row[column.get(name) ?? -1] ?? '').trim()

  const errors: string[] = []
  const rows: AuthorityRow[] = []
  const seen = new Set<string>()
  records.slice(1).forEach((row, i) => {
    const line = i + 2
    const code = get(row, 'local-authority-code')
    const officialName = get(row, 'official-name')
    if (!code || !officialName) {
      errors.push(`Row ${line} has no ${code ? 'official-name' : 'local-authority-code'}.`)
      return
    }
    if (seen.has(code)) errors.push(`Row ${line} repeats the code ${code}.`)
    seen.add(code)
    const gss = get(row, 'gss-code')
    const authority: AuthorityRow = {
      code,
      officialName,
      niceName: get(row, 'nice-name') || officialName,
      altNames: splitAltNames(get(row, 'alt-names')),
      typeCode: get(row, 'local-authority-type'),
      typeName: get(row, 'local-authority-type-name'),
      nation: get(row, 'nation'),
      region: get(row, 'region'),
      population: toNumber(get(row, 'pop-2020')),
      lat: toNumber(get(row, 'lat')),
      long: toNumber(get(row, 'long')),
      current: get(row, 'current-authority').toLowerCase() === 'true',
    }
    if (gss) authority.gssCode = gss
    const start = isoDate(row[column.get('start-date') ?? -1])
    const end = isoDate(row[column.get('end-date') ?? -1])
    if (start) authority.startDate = start
    if (end) authority.endDate = end
    rows.push(authority)
  })
  if (errors.length > 0) return { ok: false, errors }
  if (rows.length === 0) return { ok: false, errors: ['The authorities file has a header but no rows.'] }
  return { ok: true, value: rows }
}
