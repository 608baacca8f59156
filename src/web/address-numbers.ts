import { NotFoundError } from '../errors.ts'

// Reading ids and page numbers from URLs: pure, and never a database error for bad input.

const maxSerial = 2_147_483_647

/** A positive integer that fits a serial column, or null. */
export function positiveInt(raw: unknown): number | null {
  const value = Array.isArray(raw) ? raw[0] : raw
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,9}$/.test(value)) return null
  const n = Number(value)
  return n <= maxSerial ? n : null
}

/** A row id from the path; anything else is a page that does not exist. */
export function parseId(raw: unknown): number {
  const id = positiveInt(raw)
  if (id === null) throw new NotFoundError()
  return id
}

/** A page number from the querystring: 1 unless a sensible positive integer is given. */
export function parsePage(raw: unknown, maxPage = 10_000): number {
  const page = positiveInt(raw)
  return page !== null && page <= maxPage ? page : 1
}
