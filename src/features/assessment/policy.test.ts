import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Actor } from '../accounts/actor.ts'
import { canAssessBid, canManageAssessment, canScoreBid, isAssessorOf } from './policy.ts'

const person = (role: Actor['role'], id: number, organisationId: number | null = null): Actor => ({
  id,
  email: `${id}@example.org`,
  name: role,
  role,
  organisationId,
})
const actors: Record<string, Actor | null> = {
  anonymous: null,
  assessorOfficer: person('officer', 1, 10),
  assessorEditor: person('editor', 2),
  otherOfficer: person('officer', 3, 20),
  admin: person('admin', 4),
  assessorAdmin: person('admin', 5),
}
const assessors = [1, 2, 5]

describe('assessment policy', () => {
  const table: Array<[string, (a: Actor | null) => boolean, string[]]> = [
    ['set up assessment, see the panel and decide', canManageAssessment, ['admin', 'assessorAdmin']],
    ['assess the call', (a) => isAssessorOf(a, assessors), ['assessorOfficer', 'assessorEditor', 'assessorAdmin']],
    ['read a submitted bid to assess it', (a) => canAssessBid(a, assessors, { status: 'submitted' }), ['assessorOfficer', 'assessorEditor', 'assessorAdmin']],
    ['assess a draft bid', (a) => canAssessBid(a, assessors, { status: 'draft' }), []],
    ['assess a withdrawn bid', (a) => canAssessBid(a, assessors, { status: 'withdrawn' }), []],
    ['score a bid without a conflict', (a) => canScoreBid(a, assessors, { status: 'submitted' }, null), ['assessorOfficer', 'assessorEditor', 'assessorAdmin']],
    ['score a bid their organisation leads', (a) => canScoreBid(a, assessors, { status: 'submitted' }, { kind: 'lead' }), []],
    ['score a bid they declared a conflict on', (a) => canScoreBid(a, assessors, { status: 'submitted' }, { kind: 'declared', reason: 'x' }), []],
    ['assess a call with no assessors', (a) => isAssessorOf(a, []), []],
  ]
  for (const [what, allowed, who] of table) {
    it(`who may ${what}: ${who.join(', ') || 'nobody'}`, () => {
      assert.deepEqual(
        Object.entries(actors)
          .filter(([, actor]) => allowed(actor))
          .map(([name]) => name),
        who,
      )
    })
  }
})
