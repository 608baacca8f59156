import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { translator } from '../../i18n/catalogue.ts'
import type { ListedInvoice } from './invoice-queries.ts'
import { invoicesCsv } from './invoices-csv.ts'

const row = (over: Partial<ListedInvoice['invoice']> = {}, organisationName = 'Northtown Council'): ListedInvoice => ({
  organisationName,
  tier: 'full',
  invoice: {
    id: 1,
    number: 'CCN-2026-0001',
    year: 2026,
    membershipId: 1,
    kind: 'joining',
    status: 'issued',
    issuedOn: '2026-09-01',
    dueOn: '2026-10-01',
    poNumber: 'PO 1',
    currency: 'GBP',
    totalPence: 125_000,
    billedTo: {},
    issuer: {},
    feeScheduleId: null,
    paidOn: null,
    paidPence: null,
    paymentMethod: null,
    paymentReference: null,
    cancelledOn: null,
    cancellationReason: null,
    creditNoteNumber: null,
    createdAt: new Date(),
    ...over,
  },
})

describe('the invoices as CSV', () => {
  it('writes one RFC 4180 record per invoice, amounts in pounds from pence', () => {
    const csv = invoicesCsv(
      [
        row(),
        row({ number: 'CCN-2026-0002', status: 'paid', paidOn: '2026-09-20', paidPence: 5, paymentMethod: 'cheque', paymentReference: 'Cheque "44"' }),
        row({ number: 'CCN-2026-0003', status: 'cancelled', totalPence: 0, poNumber: null, creditNoteNumber: 'CCNCR-2026-0001' }),
      ],
      translator('en'),
    )
    assert.deepEqual(csv.split('\r\n'), [
      '"number","year","organisation","tier","kind","issued_on","due_on","po_number","total","status","paid_on","paid_amount","payment_method","payment_reference","credit_note"',
      '"CCN-2026-0001","2026/27","Northtown Council","full","joining","2026-09-01","2026-10-01","PO 1","1250.00","issued","","","","",""',
      '"CCN-2026-0002","2026/27","Northtown Council","full","joining","2026-09-01","2026-10-01","PO 1","1250.00","paid","2026-09-20","0.05","cheque","Cheque ""44""",""',
      '"CCN-2026-0003","2026/27","Northtown Council","full","joining","2026-09-01","2026-10-01","","0.00","cancelled","","","","","CCNCR-2026-0001"',
      '',
    ])
  })

  it('keeps a spreadsheet from running a cell as a formula', () => {
    for (const start of ['=', '+', '-', '@']) {
      const csv = invoicesCsv([row({ poNumber: `${start}1+1` }, `${start}cmd|' /C calc'!A0`)], translator('en'))
      assert.ok(csv.includes(`"'${start}cmd|' /C calc'!A0"`), start)
      assert.ok(csv.includes(`"'${start}1+1"`), start)
    }
  })

  it('names the columns in Welsh for the Welsh file', () => {
    assert.ok(invoicesCsv([], translator('cy')).startsWith('"rhif","blwyddyn","sefydliad"'))
  })
})
