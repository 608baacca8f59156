import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { CallStatus, DecisionMethod } from '../../../db/schema/enums.ts'
import { assessmentRefusal, criteriaRefusal, markDecidedRefusal, outcomesFor } from './phase.ts'

describe('when bids are assessed and decided', () => {
  const call = (status: CallStatus) => ({ status, opensOn: '2027-02-01', closesOn: '2027-03-20' })
  const cases: Array<[string, CallStatus, string, string | null]> = [
    ['a draft call', 'draft', '2027-04-01T12:00:00Z', 'assessment.phase.draft'],
    ['an open call on its closing day', 'open', '2027-03-20T12:00:00Z', 'assessment.phase.stillOpen'],
    // London is on GMT in March: 23:30 UTC is still the closing day there.
    ['an open call late on its closing day (London)', 'open', '2027-03-20T23:30:00Z', 'assessment.phase.stillOpen'],
    ['an open call after its closing day', 'open', '2027-03-21T00:00:01Z', null],
    ['a call closed early by an administrator', 'closed', '2027-03-01T12:00:00Z', null],
    ['a closed call', 'closed', '2027-04-01T12:00:00Z', null],
    ['a decided call', 'decided', '2027-05-01T12:00:00Z', 'assessment.phase.decided'],
  ]
  for (const [name, status, at, expected] of cases) {
    it(`${name}: ${expected ?? 'may be scored'}`, () => assert.equal(assessmentRefusal(call(status), new Date(at)), expected))
  }

  it('locks the criteria once an assessment is begun, and when decided', () => {
    assert.equal(criteriaRefusal('closed', 0), null)
    assert.equal(criteriaRefusal('open', 0), null)
    assert.equal(criteriaRefusal('closed', 1), 'assessment.criteria.locked')
    assert.equal(criteriaRefusal('decided', 0), 'assessment.phase.decided')
  })

  const outcomes: Array<[DecisionMethod, string[]]> = [
    ['assessment', ['fund', 'fund-with-conditions', 'decline']],
    ['assessment-then-vote', ['shortlisted', 'decline']],
    ['member-vote', []],
  ]
  for (const [method, expected] of outcomes)
    it(`a call decided by ${method} offers ${expected.join(', ') || 'no panel outcome'}`, () => assert.deepEqual(outcomesFor(method), expected))

  const marking: Array<[string, CallStatus, DecisionMethod, number, number, string | null, string | null]> = [
    ['every bid decided', 'closed', 'assessment', 3, 3, null, null],
    ['no bids at all', 'closed', 'assessment', 0, 0, null, null],
    ['a bid undecided', 'closed', 'assessment', 3, 2, null, 'assessment.decided.undecidedBids'],
    ['already decided', 'decided', 'assessment', 3, 3, null, 'assessment.phase.decided'],
    ['a call that goes to a vote', 'closed', 'assessment-then-vote', 3, 3, null, 'assessment.decided.byVote'],
    ['a call still open', 'open', 'assessment', 3, 3, 'assessment.phase.stillOpen', 'assessment.phase.stillOpen'],
  ]
  for (const [name, status, method, submitted, decided, phase, expected] of marking) {
    it(`marking decided, ${name}: ${expected ?? 'allowed'}`, () =>
      assert.equal(markDecidedRefusal({ status, decisionMethod: method }, submitted, decided, phase), expected))
  }
})
