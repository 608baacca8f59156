import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { backingRefusal, unbackingRefusal, type BackingFacts } from './backing.ts'

const fine: BackingFacts = {
  bidStatus: 'submitted',
  callOpen: true,
  leadOrganisationId: 1,
  backerOrganisationId: 2,
  backerTier: 'associate',
  alreadyBacked: false,
}

describe('backing a bid', () => {
  const cases: Array<[string, Partial<BackingFacts>, string | null]> = [
    ['a member backs a submitted bid while the call is open', {}, null],
    ['an affiliate member may back too', { backerTier: 'affiliate' }, null],
    ['a draft cannot be backed', { bidStatus: 'draft' }, 'bidSocial.backing.notSubmitted'],
    ['a withdrawn bid cannot be backed', { bidStatus: 'withdrawn' }, 'bidSocial.backing.notSubmitted'],
    ['not once the call has closed', { callOpen: false }, 'bidSocial.backing.closed'],
    ['the lead cannot back its own bid', { backerOrganisationId: 1 }, 'bidSocial.backing.isLead'],
    ['an organisation that is not a member cannot', { backerTier: 'none' }, 'bidSocial.backing.notMember'],
    ['an organisation that does not exist cannot', { backerTier: null }, 'bidSocial.backing.notMember'],
    ['each organisation backs once', { alreadyBacked: true }, 'bidSocial.backing.already'],
    ['a bid with no lead organisation may be backed', { leadOrganisationId: null }, null],
  ]
  for (const [name, change, expected] of cases) it(name, () => assert.equal(backingRefusal({ ...fine, ...change }), expected))

  it('withdraws only a backing that exists, while the bid can change', () => {
    assert.equal(unbackingRefusal({ bidStatus: 'submitted', callOpen: true, alreadyBacked: true }), null)
    assert.equal(unbackingRefusal({ bidStatus: 'submitted', callOpen: true, alreadyBacked: false }), 'bidSocial.backing.notBacked')
    assert.equal(unbackingRefusal({ bidStatus: 'submitted', callOpen: false, alreadyBacked: true }), 'bidSocial.backing.closed')
    assert.equal(unbackingRefusal({ bidStatus: 'withdrawn', callOpen: true, alreadyBacked: true }), 'bidSocial.backing.closed')
  })
})
