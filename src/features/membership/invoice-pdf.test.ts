import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { translator } from '../../i18n/catalogue.ts'
import { invoicePdf } from './invoice-pdf.ts'
import type { InvoiceView } from './invoice-present.ts'

const view: InvoiceView = {
  number: 'CCN-2026-0007',
  status: 'issued',
  statusLabel: 'Heb ei thalu',
  statusColour: 'blue',
  kind: 'Ymuno',
  year: '2026/27',
  tier: 'Aelod llawn',
  issuer: { name: 'Rhwydwaith', address: ['1 Stryd y Ŵyl', 'Caerdydd'], paymentDetails: ['Cod didoli 12-34-56'] },
  billedTo: { organisation: 'Cyngor Tref Llanŵyl', contact: 'Gwen Davies', email: 'gwen@example.org' },
  issued: '1 Medi 2026',
  due: '1 Hydref 2026',
  poNumber: '',
  lines: [{ description: 'Tanysgrifiad ar gyfer y flwyddyn: tŷ', amount: '£1,250.00' }],
  total: '£1,250.00',
  paid: null,
  cancelled: null,
}

describe('an invoice as a PDF', () => {
  it('is an A4 PDF titled with the number, its Welsh letters in an embedded DejaVu Sans', async () => {
    const pdf = (await invoicePdf(view, translator('cy'), { compress: false })).toString('latin1')
    assert.ok(pdf.startsWith('%PDF-'))
    assert.ok(pdf.includes('(Anfoneb CCN-2026-0007)'))
    assert.match(pdf, /\/MediaBox \[0 0 595.28 841.89\]/)
    assert.match(pdf, /\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/)
    assert.match(pdf, /\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/)
    assert.match(pdf, /\/FontFile2 /)
    // The text maps back to Ŵ, ŵ and ŷ: the embedded font has the glyphs the standard fonts lack.
    for (const codePoint of ['0174', '0175', '0177']) assert.ok(pdf.includes(`<${codePoint}>`), codePoint)
  })

  it('is compressed unless asked not to be, and says paid or cancelled', async () => {
    const paid = {
      ...view,
      status: 'paid' as const,
      statusLabel: 'Paid',
      paid: { on: '2 September 2026', amount: '£1,250.00', method: 'BACS', reference: 'R1' },
    }
    const pdf = await invoicePdf(paid, translator('en'))
    assert.ok(pdf.toString('latin1').includes('/Filter /FlateDecode'))
    assert.ok(pdf.toString('latin1').includes('(Invoice CCN-2026-0007)'))
  })
})
