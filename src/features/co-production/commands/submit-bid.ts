import { eq } from 'drizzle-orm'
import { bids, calls } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { conflicted, invalid, notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { nextUpdatedAt } from '../../../lib/row-version.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import type { BidRow } from '../bid-queries.ts'
import { submissionRefusal } from '../rules/deadlines.ts'
import type { Locale } from '../../../i18n/locales.ts'
import { eligibilityUnderLock } from './bid-eligibility.ts'
import { keepBidVersion } from './bid-rows.ts'

/**
 * Submits a bid as it was last saved: only while its call takes bids, and only when it meets every
 * rule of the call. The bid read for the rules is re-read under lock, so the check and the write agree.
 */
export async function submitBid(
  tx: Transaction,
  actor: AuditActor,
  input: { bid: BidRow; revision: string; now: Date; locale: Locale },
): Promise<Result<{ id: number }>> {
  const { bid } = input
  const [current] = await tx.select().from(bids).where(eq(bids.id, bid.id)).for('update')
  if (!current) return notFound()
  const [call] = await tx.select().from(calls).where(eq(calls.id, current.callId)).for('share')
  if (current.status === 'withdrawn') return refused('bids.deadline.closed')
  const refusal = submissionRefusal(call!, input.now)
  if (refusal) return refused(refusal)
  // The bid the rules read must be the one under lock: any save since raised the revision.
  if (String(current.revision) !== input.revision || current.revision !== bid.revision) return conflicted('bid')
  const problems = await eligibilityUnderLock(tx, current.id, call!, input.locale)
  if (problems.length > 0) return invalid(problems)
  const revision = current.revision + 1
  await tx
    .update(bids)
    .set({ status: 'submitted', submittedAt: current.submittedAt ?? input.now, revision, updatedAt: nextUpdatedAt(current.updatedAt) })
    .where(eq(bids.id, current.id))
  await keepBidVersion(tx, actor, current.id, revision, 'submitted', {
    title: bid.title,
    summary: bid.summary,
    problem: bid.problem,
    theme: bid.theme,
    sharing: bid.sharing,
    differences: bid.differences,
    milestones: bid.milestones,
    budgetLines: bid.budgetLines,
  })
  await recordAudit(tx, actor, { action: 'bid-submitted', subjectType: 'bid', subjectId: current.id, summary: `Submitted the bid ${bid.title}` })
  return ok({ id: current.id })
}
