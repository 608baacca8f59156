import { eq } from 'drizzle-orm'
import { bidParticipants, bids, calls, organisations } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { invalid, notFound, ok, refused, type Result } from '../../../lib/result.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { isBidEditable } from '../rules/deadlines.ts'
import { invitationProblems, type Invitation } from '../rules/working-group.ts'
import { bidInvitedEmail, emailLeadOfficers } from '../social-emails.ts'

/** Invites a member into a bid's working group (its officers accept, and are emailed), or names a partner (no answer needed). */
export async function inviteToBid(
  tx: Transaction,
  actor: AuditActor,
  input: { bidId: number; invitation: Invitation; now: Date; baseUrl: string; network: string },
): Promise<Result<{ id: number; emailIds: number[] }>> {
  const [bid] = await tx.select().from(bids).where(eq(bids.id, input.bidId)).for('update')
  if (!bid) return notFound()
  const [call] = await tx.select().from(calls).where(eq(calls.id, bid.callId)).for('share')
  if (!isBidEditable(call!, bid, input.now)) return refused('bids.deadline.closed')
  const group = await tx.select().from(bidParticipants).where(eq(bidParticipants.bidId, bid.id))
  const [lead] =
    bid.leadOrganisationId === null ? [] : await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, bid.leadOrganisationId))
  const leadName = lead?.name ?? actor.label
  const { invitation } = input
  const [invited] =
    invitation.role === 'member' && invitation.organisationId !== null
      ? await tx.select({ tier: organisations.tier, name: organisations.name }).from(organisations).where(eq(organisations.id, invitation.organisationId))
      : []
  const problems = invitationProblems(invitation, {
    leadOrganisationId: bid.leadOrganisationId,
    memberIds: group.flatMap((p) => (p.organisationId === null ? [] : [p.organisationId])),
    partnerNames: group.flatMap((p) => (p.name === null ? [] : [p.name])),
    invitedTier: invited?.tier ?? null,
  })
  if (problems.length > 0) return invalid(problems)
  const [row] = await tx
    .insert(bidParticipants)
    .values(
      invitation.role === 'member'
        ? { bidId: bid.id, organisationId: invitation.organisationId, role: 'member', invitedByUserId: actor.id }
        : // A partner named by the lead is in the group as soon as it is named: nobody at coophub answers for it.
          { bidId: bid.id, name: invitation.name.trim(), role: 'partner', invitedByUserId: actor.id, acceptedAt: input.now },
    )
    .returning({ id: bidParticipants.id })
  await recordAudit(tx, actor, {
    action: 'bid-group-invited',
    subjectType: 'bid',
    subjectId: bid.id,
    summary:
      invitation.role === 'member'
        ? `Invited ${invited!.name} into the working group of ${bid.title}`
        : `Named ${invitation.name.trim()} as a partner in ${bid.title}`,
  })
  // The invited member's officers answer from their dashboard or the bid's page: tell them it is there.
  const emailIds =
    invitation.role === 'member'
      ? await emailLeadOfficers(tx, invitation.organisationId, actor.id, (locale, name) =>
          bidInvitedEmail(locale, { name, lead: leadName, title: bid.title, network: input.network, link: `${input.baseUrl}/bids/${bid.id}` }),
        )
      : []
  return ok({ id: row!.id, emailIds })
}
