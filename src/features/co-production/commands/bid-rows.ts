// What every write of a bid shares: replacing its rows from a checked draft, and keeping the
// version just saved whole in bid_versions.
import { asc, eq, sql } from 'drizzle-orm'
import type { Executor } from '../../../db/client.ts'
import { bidBudgetLines, bidMilestones, bidPrinciples, bidVersions, bids } from '../../../db/schema/index.ts'
import type { BidVersionAction } from '../../../db/schema/enums.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import type { BidDraft } from '../rules/bid-form.ts'

export async function replaceBidRows(tx: Executor, bidId: number, draft: BidDraft): Promise<void> {
  await tx.delete(bidPrinciples).where(eq(bidPrinciples.bidId, bidId))
  await tx.delete(bidMilestones).where(eq(bidMilestones.bidId, bidId))
  await tx.delete(bidBudgetLines).where(eq(bidBudgetLines.bidId, bidId))
  if (draft.differences.length) await tx.insert(bidPrinciples).values(draft.differences.map((d) => ({ bidId, ...d })))
  if (draft.milestones.length) await tx.insert(bidMilestones).values(draft.milestones.map((m, position) => ({ bidId, position, ...m })))
  if (draft.budgetLines.length) await tx.insert(bidBudgetLines).values(draft.budgetLines.map((l, position) => ({ bidId, position, ...l })))
}

/** Keeps the bid as it now stands (its row and rows) as version `number`. */
export async function keepBidVersion(tx: Executor, actor: AuditActor, bidId: number, number: number, action: BidVersionAction, draft: BidDraft): Promise<void> {
  const [bid] = await tx.select({ status: bids.status, leadOrganisationId: bids.leadOrganisationId }).from(bids).where(eq(bids.id, bidId))
  await tx.insert(bidVersions).values({
    bidId,
    number,
    authorUserId: actor.id,
    authorLabel: actor.label,
    action,
    snapshot: sql`${JSON.stringify({ ...draft, status: bid!.status, leadOrganisationId: bid!.leadOrganisationId })}::jsonb`,
  })
}

/** The bid as it stands, read from its rows (under the caller's lock), in the shape a version keeps. */
export async function currentDraft(
  tx: Executor,
  bid: Pick<typeof bids.$inferSelect, 'id' | 'title' | 'summary' | 'problem' | 'theme' | 'sharing'>,
): Promise<BidDraft> {
  const [differences, milestones, budgetLines] = await Promise.all([
    tx.select({ principleId: bidPrinciples.principleId, difference: bidPrinciples.difference }).from(bidPrinciples).where(eq(bidPrinciples.bidId, bid.id)),
    tx
      .select({ title: bidMilestones.title, dueOn: bidMilestones.dueOn })
      .from(bidMilestones)
      .where(eq(bidMilestones.bidId, bid.id))
      .orderBy(asc(bidMilestones.position)),
    tx
      .select({ description: bidBudgetLines.description, amountPence: bidBudgetLines.amountPence })
      .from(bidBudgetLines)
      .where(eq(bidBudgetLines.bidId, bid.id))
      .orderBy(asc(bidBudgetLines.position)),
  ])
  return { title: bid.title, summary: bid.summary, problem: bid.problem, theme: bid.theme, sharing: bid.sharing, differences, milestones, budgetLines }
}
