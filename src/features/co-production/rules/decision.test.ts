import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { decisionProblems, type DecisionInput } from './decision.ts'

const decision = (over: Partial<DecisionInput>): DecisionInput => ({ outcome: 'fund', awardedPence: 100_000, conditions: '', feedback: '', ...over })

describe('decision rules', () => {
  it('accepts a decision that says what it must', () => {
    for (const ok of [
      decision({}),
      decision({ awardedPence: 2_000_000 }),
      decision({ outcome: 'fund-with-conditions', conditions: 'Share the evaluation plan first' }),
      decision({ outcome: 'decline', awardedPence: null, feedback: 'The plan does not say who takes part' }),
      decision({ outcome: 'shortlisted', awardedPence: null }),
    ]) {
      assert.deepEqual(decisionProblems(ok, { capPence: 2_000_000 }), [], ok.outcome)
    }
  })

  it('names the field of each problem', () => {
    const cases: Array<[DecisionInput, string[]]> = [
      [decision({ awardedPence: null }), ['decisions.problem.awardMissing']],
      [decision({ awardedPence: 0 }), ['decisions.problem.awardMissing']],
      [decision({ awardedPence: 10.5 }), ['decisions.problem.awardMissing']],
      [decision({ awardedPence: 2_000_001 }), ['decisions.problem.awardOverCap']],
      [decision({ outcome: 'fund-with-conditions', conditions: '  ' }), ['decisions.problem.conditionsMissing']],
      [decision({ outcome: 'decline', awardedPence: null }), ['decisions.problem.feedbackMissing']],
    ]
    for (const [input, expected] of cases) {
      assert.deepEqual(
        decisionProblems(input, { capPence: 2_000_000 }).map((p) => p.message),
        expected,
        JSON.stringify(input),
      )
    }
  })
})
