// When a call's bids are assessed and decided. Scoring opens once the bids are final — the call has
// closed, because an administrator closed it or because its closing day has ended in London — and
// ends when the call is marked decided. Decisions are recorded in the same window.
import type { CallStatus, DecisionMethod } from '../../../db/schema/enums.ts'
import type { CallTimes } from '../../co-production/rules/deadlines.ts'
import { londonDate } from '../../membership/rules/subscription-year.ts'

/** Why bids of this call cannot be scored or decided now (a catalogue key), or null when they can. */
export function assessmentRefusal(call: CallTimes, now: Date): string | null {
  if (call.status === 'draft') return 'assessment.phase.draft'
  if (call.status === 'decided') return 'assessment.phase.decided'
  // Until its closing day has ended in London, an open call's bids may still change.
  if (call.status === 'open' && londonDate(now) <= call.closesOn) return 'assessment.phase.stillOpen'
  return null
}

/** Whether the call's criteria may change: only until the first assessment of its bids is begun. */
export const criteriaRefusal = (status: CallStatus, assessmentsBegun: number): string | null =>
  status === 'decided' ? 'assessment.phase.decided' : assessmentsBegun > 0 ? 'assessment.criteria.locked' : null

/** The outcomes a panel may record on a call that decides this way. */
export function outcomesFor(method: DecisionMethod): Array<'fund' | 'fund-with-conditions' | 'decline' | 'shortlisted'> {
  if (method === 'assessment') return ['fund', 'fund-with-conditions', 'decline']
  if (method === 'assessment-then-vote') return ['shortlisted', 'decline']
  return []
}

/**
 * Why the call cannot be marked decided (a key), or null. Only a call decided by its panel alone is
 * marked decided here (a vote's count decides the others), once every submitted bid has a decision.
 */
export function markDecidedRefusal(
  call: { status: CallStatus; decisionMethod: DecisionMethod },
  submitted: number,
  decided: number,
  phase: string | null,
): string | null {
  if (call.status === 'decided') return 'assessment.phase.decided'
  if (call.decisionMethod !== 'assessment') return 'assessment.decided.byVote'
  if (phase) return phase
  if (decided < submitted) return 'assessment.decided.undecidedBids'
  return null
}
