import type { BidStatus } from '../../db/schema/enums.ts'
import type { Actor } from '../accounts/actor.ts'
import type { Conflict } from './rules/conflicts.ts'

// Who may do what in assessing bids. Assessor is a role per call: an account listed among the
// call's assessors, whatever its role on the site. Pure predicates, one line in each route.

/** Setting criteria and assessors, the panel view and decisions belong to administrators. */
export const canManageAssessment = (actor: Actor | null): boolean => actor?.role === 'admin'

/** An assessor of the call (administrators included only when they are listed). */
export const isAssessorOf = (actor: Actor | null, assessorUserIds: readonly number[]): boolean => actor !== null && assessorUserIds.includes(actor.id)

/** An assessor reads the submitted bids of their calls; drafts and withdrawn bids are not theirs to see. */
export const canAssessBid = (actor: Actor | null, assessorUserIds: readonly number[], bid: { status: BidStatus }): boolean =>
  isAssessorOf(actor, assessorUserIds) && bid.status === 'submitted'

/** A conflicted assessor neither sees the scoring form nor scores. */
export const canScoreBid = (actor: Actor | null, assessorUserIds: readonly number[], bid: { status: BidStatus }, conflict: Conflict | null): boolean =>
  canAssessBid(actor, assessorUserIds, bid) && conflict === null
