import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { invitationProblems, type GroupFacts, type Invitation } from './working-group.ts'

const facts: GroupFacts = { leadOrganisationId: 1, memberIds: [2], partnerNames: ['Tenants Union'], invitedTier: 'associate' }

describe('working group invitations', () => {
  const cases: Array<[string, Invitation, Partial<GroupFacts>, string[]]> = [
    ['a member not yet in the group', { role: 'member', organisationId: 3 }, {}, []],
    ['a Full member', { role: 'member', organisationId: 3 }, { invitedTier: 'full' }, []],
    ['no organisation chosen', { role: 'member', organisationId: null }, {}, ['bids.group.memberRequired']],
    ['an organisation that does not exist', { role: 'member', organisationId: 99 }, { invitedTier: null }, ['bids.group.memberRequired']],
    ['the lead itself', { role: 'member', organisationId: 1 }, { invitedTier: 'full' }, ['bids.group.isLead']],
    ['an organisation that is not a member', { role: 'member', organisationId: 4 }, { invitedTier: 'none' }, ['bids.group.notMember']],
    ['a member already invited', { role: 'member', organisationId: 2 }, {}, ['bids.group.alreadyIn']],
    ['a partner by name', { role: 'partner', name: 'Housing Co-op' }, {}, []],
    ['a partner with no name', { role: 'partner', name: '  ' }, {}, ['bids.group.partnerRequired']],
    ['a partner named twice', { role: 'partner', name: 'tenants union' }, {}, ['bids.group.alreadyIn']],
    ['a partner with a long name', { role: 'partner', name: 'x'.repeat(201) }, {}, ['bids.group.partnerTooLong']],
    ['a full group', { role: 'partner', name: 'One more' }, { memberIds: Array.from({ length: 49 }, (_, i) => i + 10) }, ['bids.group.full']],
  ]
  for (const [name, invitation, change, expected] of cases) {
    it(name, () =>
      assert.deepEqual(
        invitationProblems(invitation, { ...facts, ...change }).map((p) => p.message),
        expected,
      ),
    )
  }
})
