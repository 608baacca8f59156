import { eq } from 'drizzle-orm'
import { invoices, membershipEvents, memberships } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { checkPayment, settledMessage, type PaymentForm } from '../rules/invoice-forms.ts'
import { poundsString } from '../rules/money.ts'
import type { IsoDate } from '../rules/subscription-year.ts'

export interface PaymentRecorded {
  membershipId: number
  /** The first payment of an approved membership makes it current. */
  becameCurrent: boolean
}

/**
 * Marks an issued invoice paid. The invoice row stays locked from the check to the update, so two
 * administrators recording the same payment at once cannot both succeed. The first payment of an
 * approved membership makes it current (a member from the day paid), with its history row.
 */
export async function recordPayment(
  tx: Transaction,
  actor: AuditActor,
  input: { number: string; form: PaymentForm },
  context: { today: IsoDate },
): Promise<Result<PaymentRecorded>> {
  const [invoice] = await tx.select().from(invoices).where(eq(invoices.number, input.number)).for('update')
  if (!invoice) return notFound()
  const settled = settledMessage(invoice.status)
  if (settled) return refused(settled)
  const checked = checkPayment(input.form, invoice, context.today)
  if (!checked.ok) return checked
  const payment = checked.value
  await tx
    .update(invoices)
    .set({ status: 'paid', paidOn: payment.paidOn, paidPence: payment.pence, paymentMethod: payment.method, paymentReference: payment.reference })
    .where(eq(invoices.id, invoice.id))

  const [membership] = await tx.select().from(memberships).where(eq(memberships.id, invoice.membershipId)).for('update')
  const becameCurrent = membership?.status === 'approved'
  if (membership && becameCurrent) {
    await tx
      .update(memberships)
      .set({ status: 'current', memberSince: membership.memberSince ?? payment.paidOn })
      .where(eq(memberships.id, membership.id))
    await tx.insert(membershipEvents).values({
      membershipId: membership.id,
      fromStatus: 'approved',
      toStatus: 'current',
      reason: `First invoice ${invoice.number} paid`,
      actorUserId: actor.id,
      actorLabel: actor.label,
      onDate: payment.paidOn,
    })
  }
  await recordAudit(tx, actor, {
    action: 'invoice-paid',
    subjectType: 'invoice',
    subjectId: invoice.id,
    summary: `Recorded payment of ${invoice.number}: £${poundsString(payment.pence)} by ${payment.method} on ${payment.paidOn}`,
    changes: { number: invoice.number, paidOn: payment.paidOn, paidPence: payment.pence, method: payment.method, reference: payment.reference, becameCurrent },
  })
  return ok({ membershipId: invoice.membershipId, becameCurrent })
}
