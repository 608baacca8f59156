import { and, eq } from 'drizzle-orm'
import { bidComments } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { invalid, notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { hideReasonProblems } from '../rules/comments.ts'

/**
 * An administrator hides a comment with a reason. The row stays (the thread shows the reason in
 * its place, and its replies still read); its text is no longer served but to administrators.
 */
export async function hideComment(
  tx: Transaction,
  actor: AuditActor,
  input: { bidId: number; commentId: number; reason: string; now: Date },
): Promise<Result<{ id: number }>> {
  const problems = hideReasonProblems(input.reason)
  if (problems.length > 0) return invalid(problems)
  const [comment] = await tx
    .select()
    .from(bidComments)
    .where(and(eq(bidComments.id, input.commentId), eq(bidComments.bidId, input.bidId)))
    .for('update')
  if (!comment) return notFound()
  if (comment.hiddenAt !== null) return refused('bidSocial.moderation.alreadyHidden', 'reason')
  const reason = input.reason.trim()
  await tx.update(bidComments).set({ hiddenAt: input.now, hiddenByUserId: actor.id, hiddenReason: reason }).where(eq(bidComments.id, comment.id))
  await recordAudit(tx, actor, {
    action: 'bid-comment-hidden',
    subjectType: 'bid',
    subjectId: input.bidId,
    summary: `Hid a comment by ${comment.authorLabel}: ${reason}`,
    changes: { commentId: comment.id },
  })
  return ok({ id: comment.id })
}
