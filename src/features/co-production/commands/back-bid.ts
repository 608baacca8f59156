import { and, eq } from 'drizzle-orm'
import { bidBackings, bidParticipants, bids, calls } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { invalid, notFound, ok, refused, type Result } from '../../../lib/result.ts'
import type { Actor } from '../../accounts/actor.ts'
import { auditActor } from '../../accounts/actor.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { backingRefusal } from '../rules/backing.ts'
import { isTakingBids } from '../rules/deadlines.ts'
import { invitationProblems } from '../rules/working-group.ts'
import { bidBackedEmail, emailLeadOfficers } from '../social-emails.ts'
import { tierOf } from '../social-queries.ts'

export interface BackBidInput {
  bidId: number
  /** "We would like to join the working group": a request the lead accepts or declines. */
  join: boolean
  now: Date
  /** The site's address, for the link in the lead's email. */
  baseUrl: string
  network: string
}

/**
 * The officer's organisation backs a submitted bid (once), and may ask to join its working group:
 * the request is a pending place put there by the member's own officer, which the lead answers.
 * The lead's officers are emailed. The bid is locked, as every change to its group locks it.
 */
export async function backBid(tx: Transaction, actor: Actor, input: BackBidInput): Promise<Result<{ id: number; emailIds: number[] }>> {
  const organisationId = actor.organisationId
  if (organisationId === null) return refused('bidSocial.backing.notMember')
  const [bid] = await tx.select().from(bids).where(eq(bids.id, input.bidId)).for('update')
  if (!bid) return notFound()
  const [call] = await tx.select().from(calls).where(eq(calls.id, bid.callId)).for('share')
  const backer = await tierOf(tx, organisationId)
  const [existing] = await tx
    .select({ id: bidBackings.id })
    .from(bidBackings)
    .where(and(eq(bidBackings.bidId, bid.id), eq(bidBackings.organisationId, organisationId)))
  const refusal = backingRefusal({
    bidStatus: bid.status,
    callOpen: isTakingBids(call!, input.now),
    leadOrganisationId: bid.leadOrganisationId,
    backerOrganisationId: organisationId,
    backerTier: backer?.tier ?? null,
    alreadyBacked: existing !== undefined,
  })
  if (refusal) return refused(refusal)

  let joining = false
  if (input.join) {
    const group = await tx.select().from(bidParticipants).where(eq(bidParticipants.bidId, bid.id))
    const memberIds = group.flatMap((p) => (p.organisationId === null ? [] : [p.organisationId]))
    // Already invited or in the group: the backing stands, and the place they have is unchanged.
    if (!memberIds.includes(organisationId)) {
      const problems = invitationProblems(
        { role: 'member', organisationId },
        {
          leadOrganisationId: bid.leadOrganisationId,
          memberIds,
          partnerNames: group.flatMap((p) => (p.name === null ? [] : [p.name])),
          invitedTier: backer!.tier,
        },
      )
      if (problems.length > 0) return invalid(problems.map((p) => ({ ...p, field: 'join' })))
      await tx.insert(bidParticipants).values({ bidId: bid.id, organisationId, role: 'member', invitedByUserId: actor.id, invitedAt: input.now })
      joining = true
    }
  }
  const [row] = await tx.insert(bidBackings).values({ bidId: bid.id, organisationId, userId: actor.id, createdAt: input.now }).returning({ id: bidBackings.id })
  const emailIds = await emailLeadOfficers(tx, bid.leadOrganisationId, actor.id, (locale, name) =>
    bidBackedEmail(locale, { name, backer: backer!.name, title: bid.title, join: joining, link: `${input.baseUrl}/bids/${bid.id}`, network: input.network }),
  )
  await recordAudit(tx, auditActor(actor), {
    action: 'bid-backed',
    subjectType: 'bid',
    subjectId: bid.id,
    summary: `${backer!.name} backed the bid ${bid.title}${joining ? ' and asked to join its working group' : ''}`,
  })
  return ok({ id: row!.id, emailIds })
}
