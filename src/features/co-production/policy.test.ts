import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Actor } from '../accounts/actor.ts'
import {
  canAnswerInvitation,
  canAnswerPlace,
  canBackBid,
  canComment,
  canDraftBid,
  canEditBid,
  canManageCalls,
  canModerateComments,
  canViewBid,
  canViewCall,
  canWithdrawBid,
  type BidOwnership,
} from './policy.ts'

const person = (role: Actor['role'], organisationId: number | null, id = 1): Actor => ({ id, email: `${role}@example.org`, name: role, role, organisationId })
const actors: Record<string, Actor | null> = {
  anonymous: null,
  leadOfficer: person('officer', 10, 1),
  otherOfficer: person('officer', 20, 2),
  editor: person('editor', null, 3),
  admin: person('admin', null, 4),
}

const bid = (status: BidOwnership['status'], leadOrganisationId: number | null = 10, createdByUserId: number | null = 1): BidOwnership => ({
  status,
  leadOrganisationId,
  createdByUserId,
})

/** Organisations 10 and 20 are full members; the others have none. */
const tierOf = (a: Actor | null): string | null => (a?.organisationId ? 'full' : null)

describe('co-production policy', () => {
  const table: Array<[string, (a: Actor | null) => boolean, string[]]> = [
    ['manage calls', canManageCalls, ['admin']],
    ['see a draft call', (a) => canViewCall(a, { status: 'draft' }), ['admin']],
    ['see an open call', (a) => canViewCall(a, { status: 'open' }), ['anonymous', 'leadOfficer', 'otherOfficer', 'editor', 'admin']],
    ['see a decided call', (a) => canViewCall(a, { status: 'decided' }), ['anonymous', 'leadOfficer', 'otherOfficer', 'editor', 'admin']],
    ['draft a bid', canDraftBid, ['leadOfficer', 'otherOfficer']],
    ['see a draft bid', (a) => canViewBid(a, bid('draft')), ['leadOfficer', 'admin']],
    ['see a withdrawn bid', (a) => canViewBid(a, bid('withdrawn')), ['leadOfficer', 'admin']],
    ['see a submitted bid', (a) => canViewBid(a, bid('submitted')), ['anonymous', 'leadOfficer', 'otherOfficer', 'editor', 'admin']],
    ['edit a draft bid', (a) => canEditBid(a, bid('draft')), ['leadOfficer']],
    ['edit a submitted bid', (a) => canEditBid(a, bid('submitted')), ['leadOfficer']],
    // A bid with no lead organisation is its writer's: not every officer's who happens to have none.
    ['see a person’s own draft (no organisation)', (a) => canViewBid(a, bid('draft', null, 3)), ['editor', 'admin']],
    ['edit a person’s own draft (no organisation)', (a) => canEditBid(a, bid('draft', null, 3)), ['editor']],
    ['edit a bid whose writer is gone', (a) => canEditBid(a, bid('draft', null, null)), []],
    [
      'see a draft their organisation is invited to help with',
      (a) => canViewBid(a, { ...bid('draft'), participantOrganisationIds: [20] }),
      ['leadOfficer', 'otherOfficer', 'admin'],
    ],
    ['edit a draft their organisation is invited to help with', (a) => canEditBid(a, { ...bid('draft'), participantOrganisationIds: [20] }), ['leadOfficer']],
    ['answer an invitation to organisation 20', (a) => canAnswerInvitation(a, { organisationId: 20 }), ['otherOfficer']],
    ['answer a partner’s place (no organisation)', (a) => canAnswerInvitation(a, { organisationId: null }), []],
    ['back a bid (never their own)', (a) => canBackBid(a, bid('submitted')), ['otherOfficer']],
    [
      'accept an invitation to organisation 20',
      (a) => canAnswerPlace(a, bid('submitted'), { organisationId: 20, requested: false }, 'accept'),
      ['otherOfficer'],
    ],
    [
      'accept organisation 20’s request to join',
      (a) => canAnswerPlace(a, bid('submitted'), { organisationId: 20, requested: true }, 'accept'),
      ['leadOfficer'],
    ],
    [
      'decline or withdraw organisation 20’s request',
      (a) => canAnswerPlace(a, bid('submitted'), { organisationId: 20, requested: true }, 'remove'),
      ['leadOfficer', 'otherOfficer'],
    ],
    [
      'comment on a submitted bid (members’ people, the group, administrators)',
      (a) => canComment(a, bid('submitted'), tierOf(a)),
      ['leadOfficer', 'otherOfficer', 'admin'],
    ],
    ['comment on a draft', (a) => canComment(a, bid('draft'), tierOf(a)), []],
    [
      'comment when their organisation is not a member',
      (a) => canComment(a, bid('submitted'), a?.organisationId === 20 ? 'none' : tierOf(a)),
      ['leadOfficer', 'admin'],
    ],
    [
      'comment as a member of the working group whatever its tier',
      (a) => canComment(a, { ...bid('submitted'), participantOrganisationIds: [20] }, a?.organisationId === 20 ? 'none' : tierOf(a)),
      ['leadOfficer', 'otherOfficer', 'admin'],
    ],
    ['hide comments', canModerateComments, ['admin']],
    ['withdraw a bid', (a) => canWithdrawBid(a, bid('submitted')), ['leadOfficer']],
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

  it('an officer without an organisation cannot draft a bid', () => assert.equal(canDraftBid(person('officer', null)), false))
})
