import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Actor } from '../accounts/actor.ts'
import { canManageVotes, canSeeBallots, canSeeResults, canViewVote, voterRefusal } from './policy.ts'

const person = (role: Actor['role'], organisationId: number | null = null): Actor => ({ id: 1, email: 'a@example.org', name: 'A', role, organisationId })
const officer = person('officer', 5)
const electorate = { tiers: ['full' as const, 'associate' as const] }

describe('member vote policy', () => {
  const voters: Array<[string, Actor | null, Parameters<typeof voterRefusal>[1], string | null]> = [
    ['an officer of a Full member', officer, 'full', null],
    ['an officer of an Associate member', officer, 'associate', null],
    ['an officer of an Affiliate', officer, 'affiliate', 'memberVote.refused.notEligible'],
    ['an officer of an organisation that is not a member', officer, 'none', 'memberVote.refused.notEligible'],
    ['nobody signed in', null, 'full', 'memberVote.refused.signIn'],
    ['an editor', person('editor'), null, 'memberVote.refused.notOfficer'],
    ['an administrator', person('admin'), null, 'memberVote.refused.notOfficer'],
  ]
  for (const [name, actor, tier, expected] of voters) it(`voting: ${name}`, () => assert.equal(voterRefusal(actor, tier, electorate), expected))

  it('leaves set-up and counting to administrators', () => {
    assert.equal(canManageVotes(person('admin')), true)
    for (const actor of [null, officer, person('editor')]) assert.equal(canManageVotes(actor), false)
  })

  it('publishes ballots after closing, results after counting, and hides drafts', () => {
    const by = (status: 'draft' | 'open' | 'closed' | 'counted') => [
      canSeeBallots({ status }),
      canSeeResults({ status }),
      canViewVote(officer, { status }),
      canViewVote(person('admin'), { status }),
    ]
    assert.deepEqual(by('draft'), [false, false, false, true])
    assert.deepEqual(by('open'), [false, false, true, true])
    assert.deepEqual(by('closed'), [true, false, true, true])
    assert.deepEqual(by('counted'), [true, true, true, true])
  })
})
