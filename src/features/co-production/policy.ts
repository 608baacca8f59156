import type { BidStatus, CallStatus } from '../../db/schema/enums.ts'
import type { Actor } from '../accounts/actor.ts'

// Who may do what with calls and bids. Pure predicates, one line in each route.

const isAdmin = (actor: Actor | null): boolean => actor?.role === 'admin'

/** Creating, editing, opening and closing calls belongs to administrators. */
export const canManageCalls = (actor: Actor | null): boolean => isAdmin(actor)

/** A draft call is the administrators' work in progress; once opened, anyone may read it. */
export const canViewCall = (actor: Actor | null, call: { status: CallStatus }): boolean => call.status !== 'draft' || isAdmin(actor)

/** An officer drafts bids for their own organisation, which leads them. */
export const canDraftBid = (actor: Actor | null): boolean => actor?.role === 'officer' && actor.organisationId !== null

export interface BidOwnership {
  status: BidStatus
  leadOrganisationId: number | null
  createdByUserId: number | null
  /** Organisations invited to the working group (accepted or not): their officers read the draft they are asked to join. */
  participantOrganisationIds?: readonly number[]
}

const isInvitedOfficer = (actor: Actor | null, bid: BidOwnership): boolean =>
  actor?.role === 'officer' && actor.organisationId !== null && (bid.participantOrganisationIds ?? []).includes(actor.organisationId)

/**
 * A bid belongs to its lead organisation's officers; a bid with no lead organisation (a resident's,
 * in a member's own process) to the person who wrote it.
 */
export function ownsBid(actor: Actor | null, bid: BidOwnership): boolean {
  if (!actor) return false
  if (bid.leadOrganisationId !== null) return actor.role === 'officer' && actor.organisationId === bid.leadOrganisationId
  return bid.createdByUserId !== null && actor.id === bid.createdByUserId
}

/**
 * Bidders see their own drafts, and so do the members they invite into the working group; nobody
 * else does, but administrators. A submitted bid is public.
 */
export function canViewBid(actor: Actor | null, bid: BidOwnership): boolean {
  return bid.status === 'submitted' || ownsBid(actor, bid) || isInvitedOfficer(actor, bid) || isAdmin(actor)
}

/** A member invited into a working group answers through its own officers. */
export const canAnswerInvitation = (actor: Actor | null, participant: { organisationId: number | null }): boolean =>
  actor?.role === 'officer' && participant.organisationId !== null && actor.organisationId === participant.organisationId

/** Only its owners change a bid; the deadline rules say until when. */
export const canEditBid = (actor: Actor | null, bid: BidOwnership): boolean => ownsBid(actor, bid)

/**
 * A member organisation backs a bid through one of its officers, never its own bid (the rules say
 * which organisations, which bids and when).
 */
export const canBackBid = (actor: Actor | null, bid: BidOwnership): boolean =>
  actor?.role === 'officer' && actor.organisationId !== null && !ownsBid(actor, bid)

/** A pending place in the working group: invited by the lead, or asked for by the member itself. */
export interface PendingPlace {
  organisationId: number | null
  /** True when the member asked to join (while backing the bid), false when the lead invited it. */
  requested: boolean
}

/**
 * Who says yes to a place in the working group: the member's officers to an invitation, the lead's
 * to a request. Either side may say no (the lead removes anyone; a member declines, withdraws its
 * request or leaves).
 */
export function canAnswerPlace(actor: Actor | null, bid: BidOwnership, place: PendingPlace, answer: 'accept' | 'remove'): boolean {
  if (answer === 'remove') return ownsBid(actor, bid) || canAnswerInvitation(actor, place)
  return place.requested ? ownsBid(actor, bid) : canAnswerInvitation(actor, place)
}

/**
 * Comments on a submitted bid come from people of member organisations (any tier but none), from
 * the bid's own group (its lead and members) and from administrators.
 */
export function canComment(actor: Actor | null, bid: BidOwnership, actorOrganisationTier: string | null): boolean {
  if (!actor || bid.status !== 'submitted') return false
  if (isAdmin(actor) || ownsBid(actor, bid) || isInvitedOfficer(actor, bid)) return true
  return actor.organisationId !== null && actorOrganisationTier !== null && actorOrganisationTier !== 'none'
}

/** Hiding a comment is the network's moderation: administrators only. */
export const canModerateComments = (actor: Actor | null): boolean => isAdmin(actor)

/** Withdrawing a bid is its owners' decision (the deadline rules say until when). */
export const canWithdrawBid = (actor: Actor | null, bid: BidOwnership): boolean => ownsBid(actor, bid)
