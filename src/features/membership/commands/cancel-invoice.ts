import { eq } from 'drizzle-orm'
import { invoices } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { checkCancellation, settledMessage } from '../rules/invoice-forms.ts'
import { formatInvoiceNumber } from '../rules/invoice-numbers.ts'
import type { IsoDate } from '../rules/subscription-year.ts'
import { takeNumber } from './issue-invoice.ts'

/**
 * Cancels an issued invoice with a credit note: a number of the credit-note series of the
 * invoice's year (CCNCR-2026-0001), taken in this transaction so it has no gaps either. Nothing
 * else of the invoice changes; a paid or cancelled one is refused.
 */
export async function cancelInvoice(
  tx: Transaction,
  actor: AuditActor,
  input: { number: string; reason: string },
  context: { today: IsoDate; prefix: string },
): Promise<Result<{ creditNoteNumber: string; membershipId: number }>> {
  const [invoice] = await tx.select().from(invoices).where(eq(invoices.number, input.number)).for('update')
  if (!invoice) return notFound()
  const settled = settledMessage(invoice.status)
  if (settled) return refused(settled)
  const checked = checkCancellation(input.reason)
  if (!checked.ok) return checked
  const seq = await takeNumber(tx, invoice.year, 'credit-note')
  const creditNoteNumber = formatInvoiceNumber(`${context.prefix}CR`, invoice.year, seq)
  await tx
    .update(invoices)
    .set({ status: 'cancelled', cancelledOn: context.today, cancellationReason: checked.value.reason, creditNoteNumber })
    .where(eq(invoices.id, invoice.id))
  await recordAudit(tx, actor, {
    action: 'invoice-cancelled',
    subjectType: 'invoice',
    subjectId: invoice.id,
    summary: `Cancelled ${invoice.number} with credit note ${creditNoteNumber}`,
    changes: { number: invoice.number, creditNoteNumber, reason: checked.value.reason },
  })
  return ok({ creditNoteNumber, membershipId: invoice.membershipId })
}
