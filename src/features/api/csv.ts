// RFC 4180 CSV, safe to open in a spreadsheet.
import type { Translate } from '../../i18n/catalogue.ts'
import { csvHeaderName, exportColumns, listSeparator, type ExportRecord } from './export-columns.ts'

/** Cells a spreadsheet would run as a formula (OWASP "CSV injection"): = + - @, tab and carriage return. */
const formulaStart = /^[=+\-@\t\r]/

/** One cell: text that could start a formula is prefixed with a single quote; every cell is quoted. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '""'
  const text = typeof value === 'number' ? String(value) : formulaStart.test(value) ? `'${value}` : value
  return `"${text.replaceAll('"', '""')}"`
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export function csvLine(cells: Array<string | number | null>): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}

/** The header row in a language: the English file's are the JSON keys, the Welsh file's Welsh words. */
export const csvHeader = (t: Translate): string => csvLine(exportColumns.map((c) => csvHeaderName(t, c.name)))

export function csvRecord(record: ExportRecord): string {
  return csvLine(
    exportColumns.map((c) => {
      const value = record[c.name]
      return Array.isArray(value) ? value.join(listSeparator) : value
    }),
  )
}
