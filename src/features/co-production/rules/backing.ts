// Who may back a bid. In the network's programme a member organisation backs a submitted bid,
// once, through any of its officers, while the bid can still change; the lead cannot back its own.
import type { BidStatus, MembershipTier } from '../../../db/schema/enums.ts'

export interface BackingFacts {
  bidStatus: BidStatus
  /** Whether the call still takes bids (the bid can still change). */
  callOpen: boolean
  leadOrganisationId: number | null
  backerOrganisationId: number
  /** The backing organisation's tier; null when there is no such organisation. */
  backerTier: MembershipTier | null
  alreadyBacked: boolean
}

/** Why the organisation cannot back the bid now (a catalogue key of bid-social.json), or null. */
export function backingRefusal(facts: BackingFacts): string | null {
  if (facts.bidStatus !== 'submitted') return 'bidSocial.backing.notSubmitted'
  if (!facts.callOpen) return 'bidSocial.backing.closed'
  if (facts.backerOrganisationId === facts.leadOrganisationId) return 'bidSocial.backing.isLead'
  if (facts.backerTier === null || facts.backerTier === 'none') return 'bidSocial.backing.notMember'
  if (facts.alreadyBacked) return 'bidSocial.backing.already'
  return null
}

/** Withdrawing a backing: only one that exists, and only while the bid can still change. */
export function unbackingRefusal(facts: Pick<BackingFacts, 'bidStatus' | 'callOpen' | 'alreadyBacked'>): string | null {
  if (!facts.alreadyBacked) return 'bidSocial.backing.notBacked'
  if (facts.bidStatus !== 'submitted' || !facts.callOpen) return 'bidSocial.backing.closed'
  return null
}
