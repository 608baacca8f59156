import { and, eq } from 'drizzle-orm'
import { bidParticipants, bids, calls } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { notFound, ok, refused, type Result } from '../../../lib/result.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import type { Locale } from '../../../i18n/locales.ts'
import { isBidEditable } from '../rules/deadlines.ts'
import { eligibilityUnderLock } from './bid-eligibility.ts'

/**
 * A member's officer accepts a place in a working group, or declines it (the invitation is then
 * removed); the lead removes a member or partner the same way. The bid is locked, as a save locks it,
 * so a submission never counts a group that is changing under it.
 */
export async function answerInvitation(
  tx: Transaction,
  actor: AuditActor,
  input: { bidId: number; participantId: number; answer: 'accept' | 'remove'; now: Date; locale: Locale },
): Promise<Result<{ id: number }>> {
  const [bid] = await tx.select().from(bids).where(eq(bids.id, input.bidId)).for('update')
  if (!bid) return notFound()
  const [participant] = await tx
    .select()
    .from(bidParticipants)
    .where(and(eq(bidParticipants.id, input.participantId), eq(bidParticipants.bidId, bid.id)))
  if (!participant) return notFound()
  const [call] = await tx.select().from(calls).where(eq(calls.id, bid.callId)).for('share')
  if (!isBidEditable(call!, bid, input.now)) return refused('bids.deadline.closed')
  if (input.answer === 'accept') {
    if (participant.acceptedAt === null) await tx.update(bidParticipants).set({ acceptedAt: input.now }).where(eq(bidParticipants.id, participant.id))
  } else {
    await tx.delete(bidParticipants).where(eq(bidParticipants.id, participant.id))
    // A submitted bid keeps the working group its call asks for: leaving it short is refused.
    if (bid.status === 'submitted') {
      const short = (await eligibilityUnderLock(tx, bid.id, call!, input.locale)).filter((p) => p.message === 'bids.eligibility.workingGroup')
      if (short.length > 0) return refused('bids.group.submittedKeepsMinimum')
    }
  }
  await recordAudit(tx, actor, {
    action: input.answer === 'accept' ? 'bid-group-accepted' : 'bid-group-removed',
    subjectType: 'bid',
    subjectId: bid.id,
    summary: `${input.answer === 'accept' ? 'Accepted a place in' : 'Left or was removed from'} the working group of ${bid.title}`,
  })
  return ok({ id: participant.id })
}
