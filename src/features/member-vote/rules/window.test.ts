import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { VoteStatus } from '../../../db/schema/enums.ts'
import { castingRefusal, votePhase } from './window.ts'

const opensAt = new Date('2027-06-01T08:00:00Z')
const closesAt = new Date('2027-06-15T16:00:00Z')

describe('when ballots may be cast', () => {
  const cases: Array<[VoteStatus, string, string, string | null]> = [
    ['draft', '2027-06-02T00:00:00Z', 'draft', 'memberVote.refused.notOpenYet'],
    ['open', '2027-06-01T07:59:59Z', 'opens-later', 'memberVote.refused.notOpenYet'],
    ['open', '2027-06-01T08:00:00Z', 'open', null],
    ['open', '2027-06-15T15:59:59Z', 'open', null],
    ['open', '2027-06-15T16:00:00Z', 'closed', 'memberVote.refused.closed'],
    ['closed', '2027-06-02T00:00:00Z', 'closed', 'memberVote.refused.closed'],
    ['counted', '2027-06-02T00:00:00Z', 'counted', 'memberVote.refused.closed'],
  ]
  for (const [status, at, phase, refusal] of cases)
    it(`${status} at ${at}: ${phase}`, () => {
      const vote = { status, opensAt, closesAt }
      assert.equal(votePhase(vote, new Date(at)), phase)
      assert.equal(castingRefusal(vote, new Date(at)), refusal)
    })
})
