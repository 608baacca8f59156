import { translator, type Translate } from '../../i18n/catalogue.ts'

export const defaultPerPage = 20
export const maxPerPage = 100

export type PerPage = { ok: true; value: number } | { ok: false; detail: string }

/**
 * The API's page size. Unlike the search's own parameters (which a mistyped link should survive),
 * a client asking for an impossible page size gets a 400: it is a program, and should be told.
 */
export function parsePerPage(raw: unknown, t: Translate = translator('en')): PerPage {
  const first = Array.isArray(raw) ? raw[0] : raw
  // Blank is "not given", as for the search's own parameters.
  if (first === undefined || (typeof first === 'string' && first.trim() === '')) return { ok: true, value: defaultPerPage }
  const text = typeof first === 'string' ? first.trim() : ''
  const n = /^\d{1,3}$/.test(text) ? Number(text) : NaN
  if (n >= 1 && n <= maxPerPage) return { ok: true, value: n }
  return { ok: false, detail: t('api.problem.perPage', { max: maxPerPage }) }
}
