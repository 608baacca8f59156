// A purchase-order number as councils' finance systems issue them: letters, digits and a few
// separators, never markup or a formula (it is printed on invoices and exported to spreadsheets).
import { invalid, ok, type Result } from '../../lib/result.ts'

export function checkPoNumber(text: string): Result<string> {
  const value = text.trim().replace(/\s+/g, ' ')
  if (value === '') return invalid([{ field: 'poNumber', message: 'renewals.po.errors.required' }])
  if (value.length > 60) return invalid([{ field: 'poNumber', message: 'renewals.po.errors.tooLong' }])
  if (!/^[\p{L}\p{N}][\p{L}\p{N} \-/._#]*$/u.test(value)) return invalid([{ field: 'poNumber', message: 'renewals.po.errors.characters' }])
  return ok(value)
}
