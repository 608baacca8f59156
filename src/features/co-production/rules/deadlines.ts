// When a call takes bids. Its days are days in London: a call closing on 20 March takes bids
// until midnight at the end of 20 March in London, whatever the server's clock zone or the season.
import type { BidStatus, CallStatus } from '../../../db/schema/enums.ts'
import { londonDate, type IsoDate } from '../../membership/rules/subscription-year.ts'

export interface CallTimes {
  status: CallStatus
  opensOn: IsoDate
  closesOn: IsoDate
}

/** Why a bid cannot be submitted now (a catalogue key of bids.json), or null when it can. */
export function submissionRefusal(call: CallTimes, now: Date): string | null {
  const today = londonDate(now)
  if (call.status === 'draft' || (call.status === 'open' && today < call.opensOn)) return 'bids.deadline.notOpen'
  if (call.status !== 'open' || today > call.closesOn) return 'bids.deadline.closed'
  return null
}

/** Whether a call takes new bids and submissions at this instant. */
export const isTakingBids = (call: CallTimes, now: Date): boolean => submissionRefusal(call, now) === null

/**
 * A bid can be changed (drafts saved, a submitted bid revised) until the call closes; a withdrawn
 * bid stays as it was withdrawn.
 */
export function isBidEditable(call: CallTimes, bid: { status: BidStatus }, now: Date): boolean {
  return bid.status !== 'withdrawn' && isTakingBids(call, now)
}

/** Which list of /calls a call is in: open calls first, then those still to open, then past ones. */
export function callPhase(call: CallTimes, now: Date): 'open' | 'upcoming' | 'past' {
  const today = londonDate(now)
  if (call.status === 'open' && today <= call.closesOn) return today < call.opensOn ? 'upcoming' : 'open'
  return 'past'
}

/** Opening from a draft or reopening a closed call; closing an open one. Decided calls stay decided. */
export function statusChangeRefusal(from: CallStatus, to: 'open' | 'closed'): string | null {
  if (to === 'open') return from === 'draft' || from === 'closed' ? null : 'calls.errors.cannotOpen'
  return from === 'open' ? null : 'calls.errors.cannotClose'
}
