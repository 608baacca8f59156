import { and, eq, isNull, ne } from 'drizzle-orm'
import { invoices, purchaseOrderRequests } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { recordAudit } from '../../audit/record-audit.ts'

/**
 * Keeps the purchase-order number a council gave through its link: once (the link then only
 * thanks), before it expires, and while the year's invoice is not yet issued (invoices are never
 * edited; the network reissues one that needs a number).
 */
export async function recordPoNumber(tx: Transaction, input: { tokenHash: string; poNumber: string; now: Date }): Promise<Result<{ year: number }>> {
  const [request] = await tx.select().from(purchaseOrderRequests).where(eq(purchaseOrderRequests.tokenHash, input.tokenHash)).for('update')
  if (!request) return notFound()
  if (request.answeredAt) return refused('renewals.po.answered')
  if (request.expiresAt < input.now) return refused('renewals.po.expired')
  const [issued] = await tx
    .select({ id: invoices.id })
    .from(invoices)
    .where(and(eq(invoices.membershipId, request.membershipId), eq(invoices.year, request.year), ne(invoices.status, 'cancelled')))
  if (issued) return refused('renewals.po.invoiced')
  const updated = await tx
    .update(purchaseOrderRequests)
    .set({ poNumber: input.poNumber, answeredAt: input.now })
    .where(and(eq(purchaseOrderRequests.id, request.id), isNull(purchaseOrderRequests.answeredAt)))
    .returning({ id: purchaseOrderRequests.id })
  if (updated.length === 0) return refused('renewals.po.answered')
  await recordAudit(
    tx,
    { id: null, label: 'purchase-order link' },
    {
      action: 'purchase-order-number-given',
      subjectType: 'membership',
      subjectId: request.membershipId,
      summary: `Purchase-order number ${input.poNumber} given for ${request.year}`,
    },
  )
  return ok({ year: request.year })
}
