// The invoices for the finance team as RFC 4180 CSV (cells guarded against spreadsheet formulas by
// the open-data export's writer). Codes, dates and amounts are plain ('bacs', '2026-09-01',
// '1250.00') so a finance system can import them; the English header row is the column names,
// the Welsh one Welsh words.
import type { Translate } from '../../i18n/catalogue.ts'
import { csvLine } from '../api/csv.ts'
import type { ListedInvoice } from './invoice-queries.ts'
import { poundsString } from './rules/money.ts'
import { yearLabel } from './rules/subscription-year.ts'

export const invoiceCsvColumns = [
  'number',
  'year',
  'organisation',
  'tier',
  'kind',
  'issued_on',
  'due_on',
  'po_number',
  'total',
  'status',
  'paid_on',
  'paid_amount',
  'payment_method',
  'payment_reference',
  'credit_note',
] as const

export function invoicesCsv(rows: readonly ListedInvoice[], t: Translate): string {
  const header = csvLine(invoiceCsvColumns.map((c) => t(`invoices.csv.${c}`)))
  return (
    header +
    rows
      .map(({ invoice: i, organisationName, tier }) =>
        csvLine([
          i.number,
          yearLabel(i.year),
          organisationName,
          tier,
          i.kind,
          i.issuedOn,
          i.dueOn,
          i.poNumber,
          poundsString(i.totalPence),
          i.status,
          i.paidOn,
          i.paidPence === null ? null : poundsString(i.paidPence),
          i.paymentMethod,
          i.paymentReference,
          i.creditNoteNumber,
        ]),
      )
      .join('')
  )
}
