import { sql } from 'drizzle-orm'
import type { MembershipConfig } from '../../../config.ts'
import type { InvoiceKind } from '../../../db/schema/enums.ts'
import { invoiceLines, invoices } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { formatInvoiceNumber } from '../rules/invoice-numbers.ts'
import { addDays, type IsoDate } from '../rules/subscription-year.ts'

export interface InvoiceLineInput {
  description: string
  /** Negative for a credit. */
  amountPence: number
}

export interface IssueInvoiceInput {
  membershipId: number
  kind: InvoiceKind
  year: number
  issuedOn: IsoDate
  lines: InvoiceLineInput[]
  poNumber: string | null
  feeScheduleId: number | null
  billedTo: { organisation: string; contact: string | null; email: string | null }
}

export interface IssuerDetails {
  name: string
  settings: MembershipConfig
}

/**
 * The next number of a year's series, taken inside the caller's transaction: the sequence row
 * stays locked until it commits, and a rollback gives the number back, so numbers have no gaps.
 */
export async function takeNumber(tx: Transaction, year: number, series: 'invoice' | 'credit-note'): Promise<number> {
  const result = await tx.execute<{ last: number }>(sql`
    INSERT INTO invoice_sequences (year, series, last) VALUES (${year}, ${series}, 1)
    ON CONFLICT (year, series) DO UPDATE SET last = invoice_sequences.last + 1
    RETURNING last`)
  return Number(result.rows[0]!.last)
}

/** Issues an invoice with its lines; it is never edited after, only paid or cancelled. */
export async function issueInvoice(
  tx: Transaction,
  issuer: IssuerDetails,
  input: IssueInvoiceInput,
): Promise<{ id: number; number: string; totalPence: number; dueOn: IsoDate }> {
  const seq = await takeNumber(tx, input.year, 'invoice')
  const number = formatInvoiceNumber(issuer.settings.invoicePrefix, input.year, seq)
  // A credit never takes an invoice below nothing: the conversion credit is capped by the caller.
  const totalPence = Math.max(
    0,
    input.lines.reduce((sum, line) => sum + line.amountPence, 0),
  )
  const dueOn = addDays(input.issuedOn, issuer.settings.paymentDays)
  const [row] = await tx
    .insert(invoices)
    .values({
      number,
      year: input.year,
      membershipId: input.membershipId,
      kind: input.kind,
      issuedOn: input.issuedOn,
      dueOn,
      poNumber: input.poNumber,
      totalPence,
      billedTo: input.billedTo,
      issuer: { name: issuer.name, address: issuer.settings.invoiceAddress, paymentDetails: issuer.settings.invoicePaymentDetails },
      feeScheduleId: input.feeScheduleId,
    })
    .returning({ id: invoices.id })
  await tx
    .insert(invoiceLines)
    .values(input.lines.map((line, i) => ({ invoiceId: row!.id, position: i + 1, description: line.description, amountPence: line.amountPence })))
  return { id: row!.id, number, totalPence, dueOn }
}
