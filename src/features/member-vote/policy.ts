import type { MembershipTier, VoteStatus } from '../../db/schema/enums.ts'
import type { Actor } from '../accounts/actor.ts'
import type { Electorate } from './rules/vote-settings.ts'

// Who may do what with a member vote. Pure predicates, one line in each route. Nobody — an
// administrator included — has a way to see how an organisation voted: no predicate grants it.

/** Setting up, opening, closing and counting a vote belong to administrators. */
export const canManageVotes = (actor: Actor | null): boolean => actor?.role === 'admin'

/**
 * Why this person may not cast their organisation's ballot (a catalogue key), or null when they
 * may: an officer of a member organisation whose tier the vote's electorate names. Whether the
 * organisation has already voted is the command's to say, inside its transaction.
 */
export function voterRefusal(actor: Actor | null, organisationTier: MembershipTier | null, electorate: Electorate): string | null {
  if (!actor) return 'memberVote.refused.signIn'
  if (actor.role !== 'officer' || actor.organisationId === null) return 'memberVote.refused.notOfficer'
  if (organisationTier === null || !(electorate.tiers as readonly string[]).includes(organisationTier)) return 'memberVote.refused.notEligible'
  return null
}

/** The results, with every bid's explanation, are public once the vote is counted. */
export const canSeeResults = (vote: { status: VoteStatus }): boolean => vote.status === 'counted'

/** The anonymised ballots (the list and the .pb file) are published once nobody can vote any more. */
export const canSeeBallots = (vote: { status: VoteStatus }): boolean => vote.status === 'closed' || vote.status === 'counted'

/** A vote is public (its page says when it opens) once opened; a draft is the administrators’. */
export const canViewVote = (actor: Actor | null, vote: { status: VoteStatus }): boolean => vote.status !== 'draft' || canManageVotes(actor)
