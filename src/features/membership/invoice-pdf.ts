// An invoice as an A4 PDF, from the same view model as its page. DejaVu Sans is embedded: the
// standard PDF fonts have no ŵ or ŷ, and a Welsh council's name or a Welsh invoice needs them.
import { createRequire } from 'node:module'
import path from 'node:path'
import PDFDocument from 'pdfkit'
import type { Translate } from '../../i18n/catalogue.ts'
import type { InvoiceView } from './invoice-present.ts'

const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf')
const regular = path.join(fontDir, 'DejaVuSans.ttf')
const bold = path.join(fontDir, 'DejaVuSans-Bold.ttf')

const margin = 56
const grey = '#505a5f'

/**
 * The PDF's bytes. `compress: false` leaves the page streams readable (for tests); either way the
 * title in the document's information names the invoice.
 */
export function invoicePdf(view: InvoiceView, t: Translate, options: { compress?: boolean; network?: string } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin,
    compress: options.compress ?? true,
    info: { Title: t('invoices.pdf.title', { number: view.number }), Author: view.issuer.name || options.network || '', Subject: view.billedTo.organisation },
  })
  doc.registerFont('body', regular)
  doc.registerFont('bold', bold)
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  const width = doc.page.width - margin * 2
  const heading = (text: string, size = 12) => doc.font('bold').fontSize(size).fillColor('black').text(text).moveDown(0.3)
  const body = (text: string) => doc.font('body').fontSize(10).fillColor('black').text(text)
  const fact = (label: string, value: string) => {
    if (!value) return
    doc.font('bold').fontSize(10).text(`${label}: `, { continued: true }).font('body').text(value)
  }

  doc
    .font('bold')
    .fontSize(20)
    .text(t('invoices.page.heading', { number: view.number }))
  if (view.status !== 'issued')
    doc
      .font('bold')
      .fontSize(14)
      .fillColor(view.status === 'paid' ? '#00703c' : '#d4351c')
      .text(view.statusLabel.toUpperCase())
  doc.moveDown()

  heading(t('invoices.page.from'))
  body(view.issuer.name)
  for (const line of view.issuer.address) body(line)
  doc.moveDown()
  heading(t('invoices.page.billedTo'))
  body(view.billedTo.organisation)
  if (view.billedTo.contact) body(view.billedTo.contact)
  if (view.billedTo.email) body(view.billedTo.email)
  doc.moveDown()

  fact(t('invoices.number'), view.number)
  fact(t('invoices.page.issuedOn'), view.issued)
  fact(t('invoices.page.dueOn'), view.due)
  fact(t('invoices.page.poNumber'), view.poNumber || t('invoices.page.noPoNumber'))
  fact(t('invoices.page.year'), view.year)
  fact(t('invoices.kindHeading'), view.kind)
  doc.moveDown()

  // The lines: description on the left, amount right-aligned in the last fifth of the page.
  const amountWidth = width / 5
  const row = (left: string, right: string, font: 'body' | 'bold') => {
    const y = doc.y
    doc.font(font).fontSize(10)
    doc.text(left, margin, y, { width: width - amountWidth - 12 })
    const after = doc.y
    doc.text(right, margin + width - amountWidth, y, { width: amountWidth, align: 'right' })
    doc.x = margin
    doc.y = Math.max(after, doc.y) + 4
  }
  const rule = () => {
    doc
      .moveTo(margin, doc.y)
      .lineTo(margin + width, doc.y)
      .strokeColor(grey)
      .lineWidth(0.5)
      .stroke()
    doc.y += 4
  }
  row(t('invoices.page.description'), t('invoices.page.amount'), 'bold')
  rule()
  for (const line of view.lines) row(line.description, line.amount, 'body')
  rule()
  row(t('invoices.total'), view.total, 'bold')
  doc.moveDown()

  if (view.paid) {
    heading(t('invoices.page.payment'))
    fact(t('invoices.page.paidOn'), view.paid.on)
    fact(t('invoices.page.paidAmount'), view.paid.amount)
    fact(t('invoices.page.method'), view.paid.method)
    fact(t('invoices.page.reference'), view.paid.reference)
  } else if (view.cancelled) {
    heading(t('invoices.page.cancellation'))
    fact(t('invoices.page.creditNote'), view.cancelled.creditNote)
    fact(t('invoices.page.cancelledOn'), view.cancelled.on)
    fact(t('invoices.page.cancelReason'), view.cancelled.reason)
  } else {
    heading(t('invoices.page.howToPay'))
    for (const line of view.issuer.paymentDetails) body(line)
    doc.moveDown(0.5)
    doc.font('body').fontSize(10).fillColor(grey).text(t('invoices.page.quoteNumber'))
  }
  doc.end()
  return done
}
