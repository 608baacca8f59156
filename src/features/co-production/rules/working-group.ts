// Who can join a bid's working group. Members are organisations of the network (any tier but
// none), never the lead, each once; partners need not be members, and may be named without being
// recorded as an organisation at all.
import type { MembershipTier } from '../../../db/schema/enums.ts'
import type { FieldError } from '../../../lib/result.ts'

export type Invitation = { role: 'member'; organisationId: number | null } | { role: 'partner'; name: string }

export interface GroupFacts {
  leadOrganisationId: number | null
  /** Organisations already in the group, invited or accepted. */
  memberIds: readonly number[]
  partnerNames: readonly string[]
  /** The tier of the organisation invited as a member, or null when there is no such organisation. */
  invitedTier: MembershipTier | null
}

export const maxGroupSize = 50

/** Why the invitation cannot be made (field errors of the working-group form), or none. */
export function invitationProblems(invitation: Invitation, facts: GroupFacts): FieldError[] {
  if (facts.memberIds.length + facts.partnerNames.length >= maxGroupSize)
    return [{ field: 'member', message: 'bids.group.full', values: { max: maxGroupSize } }]
  if (invitation.role === 'partner') {
    const name = invitation.name.trim()
    if (name === '') return [{ field: 'partner', message: 'bids.group.partnerRequired' }]
    if (name.length > 200) return [{ field: 'partner', message: 'bids.group.partnerTooLong', values: { max: 200 } }]
    if (facts.partnerNames.some((n) => n.toLowerCase() === name.toLowerCase())) return [{ field: 'partner', message: 'bids.group.alreadyIn' }]
    return []
  }
  const id = invitation.organisationId
  if (id === null || facts.invitedTier === null) return [{ field: 'member', message: 'bids.group.memberRequired' }]
  if (id === facts.leadOrganisationId) return [{ field: 'member', message: 'bids.group.isLead' }]
  if (facts.invitedTier === 'none') return [{ field: 'member', message: 'bids.group.notMember' }]
  if (facts.memberIds.includes(id)) return [{ field: 'member', message: 'bids.group.alreadyIn' }]
  return []
}
