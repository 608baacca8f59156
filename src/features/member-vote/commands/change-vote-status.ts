import { eq } from 'drizzle-orm'
import { calls, votes } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { nextUpdatedAt } from '../../../lib/row-version.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { listBallotBids } from '../queries.ts'

/**
 * Opens a drafted vote — once the call has stopped taking bids, so the ballot cannot change under
 * the voters — or closes an open one (early, or after its closing time).
 */
export async function changeVoteStatus(tx: Transaction, actor: AuditActor, input: { callId: number; to: 'open' | 'closed' }): Promise<Result<{ id: number }>> {
  const [call] = await tx.select().from(calls).where(eq(calls.id, input.callId))
  if (!call) return notFound()
  const [vote] = await tx.select().from(votes).where(eq(votes.callId, call.id)).for('update')
  if (!vote) return notFound()
  if (input.to === 'open') {
    if (vote.status !== 'draft') return refused('memberVote.refused.notDraft')
    if (call.status !== 'closed') return refused('memberVote.refused.callNotClosed')
    const onBallot = await listBallotBids(tx, call, null)
    if (onBallot.length === 0) return refused('memberVote.refused.noBids')
    if (vote.ballotType === 'approval' && vote.minChoices > onBallot.length) return refused('memberVote.refused.minOverBids')
  } else if (vote.status !== 'open') return refused('memberVote.refused.notOpen')
  await tx
    .update(votes)
    .set({ status: input.to, revision: vote.revision + 1, updatedAt: nextUpdatedAt(vote.updatedAt) })
    .where(eq(votes.id, vote.id))
  await recordAudit(tx, actor, {
    action: input.to === 'open' ? 'vote-opened' : 'vote-closed',
    subjectType: 'vote',
    subjectId: vote.id,
    summary: `${input.to === 'open' ? 'Opened' : 'Closed'} the member vote of the call ${call.title}`,
  })
  return ok({ id: vote.id })
}
