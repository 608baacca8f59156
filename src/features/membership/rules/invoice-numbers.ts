// Invoice numbers run in sequence per subscription year without gaps: CCN-2026-0001, CCN-2026-0002…
// The database hands out the next number; these rules only write, read and check them.

export interface InvoiceNumber {
  prefix: string
  year: number
  seq: number
}

export const defaultInvoicePrefix = 'CCN'

/** "CCN-2026-0001": at least four digits, more past 9999 (never cut short). */
export function formatInvoiceNumber(prefix: string, year: number, seq: number): string {
  if (!/^[A-Z][A-Z0-9]{0,9}$/.test(prefix)) throw new RangeError(`An invoice prefix is 1–10 capital letters and digits: ${prefix}`)
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Not a year: ${year}`)
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`Not a sequence number: ${seq}`)
  return `${prefix}-${year}-${String(seq).padStart(4, '0')}`
}

/** The parts of an invoice number, or null when the text is not one (spaces around and lower case forgiven). */
export function parseInvoiceNumber(text: string): InvoiceNumber | null {
  const match = /^([A-Z][A-Z0-9]{0,9})-(\d{4})-(\d{4,})$/.exec(text.trim().toUpperCase())
  if (!match) return null
  const seq = Number(match[3])
  if (!Number.isSafeInteger(seq) || seq < 1) return null
  return { prefix: match[1]!, year: Number(match[2]), seq }
}

/** The numbers missing from a year's sequence 1…highest: empty when it has no gaps. */
export function gapsIn(seqs: readonly number[]): number[] {
  const have = new Set(seqs)
  const highest = Math.max(0, ...seqs)
  const gaps: number[] = []
  for (let n = 1; n <= highest; n++) if (!have.has(n)) gaps.push(n)
  return gaps
}
