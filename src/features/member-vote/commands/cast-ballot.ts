import { eq } from 'drizzle-orm'
import { ballotChoices, ballots, calls, users, votes, voteVoters } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { invalid, notFound, ok, refused, type Result } from '../../../lib/result.ts'
import type { Actor } from '../../accounts/actor.ts'
import { auditActor } from '../../accounts/actor.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { voterRefusal } from '../policy.ts'
import { findVoterOrganisation, listBallotBids } from '../queries.ts'
import { checkBallot, type BallotForm } from '../rules/ballot.ts'
import { newReceiptCode } from '../rules/receipt.ts'
import { storedElectorate } from '../rules/vote-settings.ts'
import { castingRefusal } from '../rules/window.ts'

/**
 * Casts an organisation's one ballot. Who voted (vote_voters) and what was chosen (ballots, keyed
 * by a random receipt code with no time) are written in one transaction with nothing linking
 * them; the audit log says who voted, never what for. A second ballot from the same organisation
 * — even one sent at the same moment by another of its officers — is refused by the unique
 * (vote, organisation) row: the later insert waits for the first to commit and then finds it.
 */
export async function castBallot(
  tx: Transaction,
  actor: Actor,
  input: { callId: number; ballot: BallotForm; now: Date },
): Promise<Result<{ receiptCode: string; choices: number }>> {
  const [call] = await tx.select().from(calls).where(eq(calls.id, input.callId))
  if (!call) return notFound()
  // Shared: many ballots at once, but closing (which takes it for update) waits for them.
  const [vote] = await tx.select().from(votes).where(eq(votes.callId, call.id)).for('share')
  if (!vote) return notFound()
  const closed = castingRefusal(vote, input.now)
  if (closed) return refused(closed)
  const organisation = actor.organisationId === null ? null : await findVoterOrganisation(tx, actor.organisationId)
  const refusal = voterRefusal(actor, organisation?.tier ?? null, storedElectorate(vote.electorate))
  if (refusal || !organisation) return refused(refusal ?? 'memberVote.refused.notOfficer')
  const [account] = await tx.select({ status: users.status }).from(users).where(eq(users.id, actor.id))
  if (account?.status !== 'active') return refused('memberVote.refused.notOfficer')

  const bids = await listBallotBids(tx, call, null)
  const { choices, errors } = checkBallot(vote, bids, input.ballot)
  if (errors.length > 0) return invalid(errors)

  const [voter] = await tx
    .insert(voteVoters)
    .values({ voteId: vote.id, organisationId: organisation.id, castByUserId: actor.id })
    .onConflictDoNothing({ target: [voteVoters.voteId, voteVoters.organisationId] })
    .returning({ id: voteVoters.id })
  if (!voter) return refused('memberVote.refused.alreadyVoted')
  // 80 random bits make a repeat all but impossible; should one come, another code is drawn.
  let receiptCode = newReceiptCode()
  for (let attempt = 1; ; attempt++) {
    const code = receiptCode
    const [inserted] = await tx.insert(ballots).values({ receiptCode: code, voteId: vote.id }).onConflictDoNothing().returning({ code: ballots.receiptCode })
    if (inserted) break
    if (attempt === 5) throw new Error('No free receipt code after 5 draws')
    receiptCode = newReceiptCode()
  }
  if (choices.length > 0) await tx.insert(ballotChoices).values(choices.map((c) => ({ receiptCode, bidId: c.bidId, points: c.points })))
  await recordAudit(tx, auditActor(actor), {
    action: 'ballot-cast',
    subjectType: 'vote',
    subjectId: vote.id,
    summary: `${organisation.name} voted in the member vote of the call ${call.title}`,
  })
  return ok({ receiptCode, choices: choices.length })
}
