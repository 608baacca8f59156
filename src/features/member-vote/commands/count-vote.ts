import { eq } from 'drizzle-orm'
import { calls, votes } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { nextUpdatedAt } from '../../../lib/row-version.ts'
import { translator } from '../../../i18n/catalogue.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { recordDecision } from '../../co-production/commands/record-decision.ts'
import { countElectionInSlices } from '../../participatory-budgeting/count.ts'
import { bidsLedByProjectLeads, electorateSize, listBallotBids, listBallots } from '../queries.ts'
import { countOptionsOf, electionOf, voteMethodOf } from '../rules/election.ts'
import { explainProject, leftOutExplanation } from '../rules/explain.ts'
import { secondWinnerOfALead } from '../rules/one-led-project.ts'
import { storedCallSettings } from '../../co-production/rules/call-settings.ts'
import { storedResultOf } from '../rules/stored-count.ts'
import { storedElectorate } from '../rules/vote-settings.ts'
import { londonDate } from '../../membership/rules/subscription-year.ts'

/**
 * Counts a closed vote with its published rule, keeps the count (so the results page never
 * recounts), and records each bid's decision from it: funded bids are awarded what they cost and
 * their projects start; the others are declined with the count's own explanation as feedback.
 * The call is then decided. All of it, or none: a decision that cannot be recorded rolls back the count.
 */
export async function countVote(
  tx: Transaction,
  actor: AuditActor,
  input: { callId: number; now: Date },
  context: { baseUrl: string; network: string },
): Promise<Result<{ id: number; funded: number; emailIds: number[] }>> {
  const [call] = await tx.select().from(calls).where(eq(calls.id, input.callId)).for('update')
  if (!call) return notFound()
  const [vote] = await tx.select().from(votes).where(eq(votes.callId, call.id)).for('update')
  if (!vote) return notFound()
  if (vote.status !== 'closed') return refused(vote.status === 'counted' ? 'memberVote.refused.counted' : 'memberVote.refused.notClosed')

  const onBallot = await listBallotBids(tx, call, null)
  // One funded project per member at a time: a bid whose lead already leads a project underway is
  // left out before counting (its supporters' other choices still count), so that the count never
  // funds what recordDecision must refuse, and is declined saying why. So is the later of two bids
  // of one lead that the count would both fund: the vote is counted again without it.
  const oneAtATime = storedCallSettings(call.settings).oneLedProjectAtATime
  const leftOutIds = new Set((oneAtATime ? await bidsLedByProjectLeads(tx, onBallot) : []).map((b) => b.id))
  const ballots = await listBallots(tx, vote.id)
  let bids: typeof onBallot
  let count
  for (;;) {
    bids = onBallot.filter((b) => !leftOutIds.has(b.id))
    const election = electionOf({
      callTitle: call.title,
      ...voteMethodOf(vote),
      bids: bids.map((b) => ({ id: b.id, title: b.title, costPence: b.costPence })),
      ballots,
      opensOn: londonDate(vote.opensAt),
      closesOn: londonDate(vote.closesAt),
      leftOut: onBallot.filter((b) => leftOutIds.has(b.id)).map((b) => ({ id: b.id, title: b.title })),
    })
    count = await countElectionInSlices(election, countOptionsOf(vote))
    const second = oneAtATime ? secondWinnerOfALead(count, bids) : null
    if (second === null) break
    leftOutIds.add(second)
  }
  const leftOut = onBallot.filter((b) => leftOutIds.has(b.id))
  const fundedHere = bids.filter((b) => count.winners.includes(String(b.id)))
  const stored = storedResultOf(count, await electorateSize(tx, storedElectorate(vote.electorate).tiers), [...leftOutIds])

  // Feedback is kept in English, as bids are written; the results page says it in either language.
  const english = translator('en')
  const emailIds: number[] = []
  for (const bid of leftOut) {
    const why = leftOutExplanation(bid, fundedHere)
    const decided = await recordDecision(
      tx,
      actor,
      { bidId: bid.id, outcome: 'decline', awardedPence: null, conditions: '', feedback: english(why.key, why.values), now: input.now },
      context,
    )
    if (!decided.ok) return decided
    emailIds.push(...decided.value.emailIds)
  }
  for (const project of stored.count.projects) {
    const explanation = explainProject(stored.count, project, { points: vote.ballotType === 'cumulative' })
    const feedback = [explanation.sentence, ...explanation.lines].map((m) => english(m.key, m.values)).join('\n')
    const bidId = Number(project.id)
    const decided = await recordDecision(
      tx,
      actor,
      explanation.funded
        ? { bidId, outcome: 'fund', awardedPence: Number(project.cost), conditions: '', feedback, now: input.now }
        : { bidId, outcome: 'decline', awardedPence: null, conditions: '', feedback, now: input.now },
      context,
    )
    if (!decided.ok) return decided
    emailIds.push(...decided.value.emailIds)
  }

  await tx
    .update(votes)
    .set({
      status: 'counted',
      result: stored,
      countedAt: input.now,
      countedByUserId: actor.id,
      revision: vote.revision + 1,
      updatedAt: nextUpdatedAt(vote.updatedAt),
    })
    .where(eq(votes.id, vote.id))
  // Every bid on the ballot now has its decision: the call is decided.
  await tx
    .update(calls)
    .set({ status: 'decided', revision: call.revision + 1, updatedAt: nextUpdatedAt(call.updatedAt) })
    .where(eq(calls.id, call.id))
  await recordAudit(tx, actor, {
    action: 'vote-counted',
    subjectType: 'vote',
    subjectId: vote.id,
    summary: `Counted the member vote of the call ${call.title}: ${count.winners.length} of ${onBallot.length} bids funded, ${count.voters} ballots`,
  })
  return ok({ id: vote.id, funded: count.winners.length, emailIds })
}
