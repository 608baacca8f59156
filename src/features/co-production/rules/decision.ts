// What a decision on a bid must say. A panel funds, funds with conditions, declines, or shortlists
// for a member vote; the lead is told why in every case.
import type { BidOutcome } from '../../../db/schema/enums.ts'
import { isPence } from '../../membership/rules/money.ts'

export interface DecisionInput {
  outcome: BidOutcome
  /** Pence; only for funding outcomes. */
  awardedPence: number | null
  conditions: string
  feedback: string
}

export const isFunding = (outcome: BidOutcome): boolean => outcome === 'fund' || outcome === 'fund-with-conditions'

/** The problems with a decision, each a message key naming the field (empty when it may be recorded). */
export function decisionProblems(input: DecisionInput, limits: { capPence: number }): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = []
  if (isFunding(input.outcome)) {
    if (input.awardedPence === null || !isPence(input.awardedPence) || input.awardedPence <= 0)
      problems.push({ field: 'awarded', message: 'decisions.problem.awardMissing' })
    else if (input.awardedPence > limits.capPence) problems.push({ field: 'awarded', message: 'decisions.problem.awardOverCap' })
  }
  if (input.outcome === 'fund-with-conditions' && input.conditions.trim() === '')
    problems.push({ field: 'conditions', message: 'decisions.problem.conditionsMissing' })
  // A decline without reasons teaches the bidder nothing: the network promises feedback.
  if (input.outcome === 'decline' && input.feedback.trim() === '') problems.push({ field: 'feedback', message: 'decisions.problem.feedbackMissing' })
  return problems
}
