// When ballots may be cast: the vote is open (an administrator opened it) and the clock is between
// its opening and closing times. Closing happens by the clock even before anyone presses Close.
import type { VoteStatus } from '../../../db/schema/enums.ts'

export type VotePhase = 'draft' | 'opens-later' | 'open' | 'closed' | 'counted'

export function votePhase(vote: { status: VoteStatus; opensAt: Date; closesAt: Date }, now: Date): VotePhase {
  if (vote.status === 'draft') return 'draft'
  if (vote.status === 'counted') return 'counted'
  if (vote.status === 'closed' || now >= vote.closesAt) return 'closed'
  return now < vote.opensAt ? 'opens-later' : 'open'
}

/** Why no ballot can be cast now (a catalogue key), or null when one can. */
export function castingRefusal(vote: { status: VoteStatus; opensAt: Date; closesAt: Date }, now: Date): string | null {
  const phase = votePhase(vote, now)
  if (phase === 'open') return null
  return phase === 'draft' || phase === 'opens-later' ? 'memberVote.refused.notOpenYet' : 'memberVote.refused.closed'
}
