import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { conflictOf, declarationProblem, type ConflictBid } from './conflicts.ts'

describe('conflicts of interest', () => {
  const bid: ConflictBid = {
    leadOrganisationId: 10,
    participants: [
      { organisationId: 20, acceptedAt: new Date() },
      { organisationId: 30, acceptedAt: null },
      { organisationId: null, acceptedAt: new Date() },
    ],
  }
  const cases: Array<[string, number | null, string | null, string | null]> = [
    ['an officer of the lead', 10, null, 'lead'],
    ['an officer of the lead who also declared', 10, 'My council', 'lead'],
    ['an officer of an accepted member of the working group', 20, null, 'working-group'],
    ['an officer of a member invited but not accepted', 30, null, null],
    ['an officer of another organisation', 40, null, null],
    ['someone with no organisation', null, null, null],
    ['someone with no organisation who declared', null, 'My partner leads it', 'declared'],
    ['an officer of another organisation who declared', 40, 'I advised them', 'declared'],
  ]
  for (const [who, organisationId, declared, kind] of cases) {
    it(`${who}: ${kind ?? 'no conflict'}`, () => assert.equal(conflictOf({ organisationId }, bid, declared)?.kind ?? null, kind))
  }

  it('a partner with no organisation is never matched to an assessor with none', () =>
    assert.equal(
      conflictOf({ organisationId: null }, { leadOrganisationId: null, participants: [{ organisationId: null, acceptedAt: new Date() }] }, null),
      null,
    ))

  it('keeps the declared reason', () => assert.deepEqual(conflictOf({ organisationId: 40 }, bid, 'Advised them'), { kind: 'declared', reason: 'Advised them' }))

  const reasons: Array<[string, string | null]> = [
    ['', 'assessment.conflict.reasonMissing'],
    ['   ', 'assessment.conflict.reasonMissing'],
    ['I sit on its board', null],
    ['x'.repeat(2001), 'assessment.conflict.reasonTooLong'],
  ]
  for (const [reason, problem] of reasons)
    it(`a reason of ${reason.length} characters: ${problem ?? 'fine'}`, () => assert.equal(declarationProblem(reason), problem))
})
