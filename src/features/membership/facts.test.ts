import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { invoiceFacts, membershipFacts, reminderState, type StoredMembership } from './facts.ts'
import { membershipStatus } from './rules/status.ts'
import { defaultYearStart } from './rules/subscription-year.ts'

const member: StoredMembership = {
  id: 7,
  tier: 'full',
  status: 'current',
  appliedOn: '2019-05-01',
  decidedOn: '2019-05-01',
  endedOn: null,
  memberSince: '2019-05-01',
  paidThroughYear: 2026,
  organisationKind: 'council',
}

describe('membership facts', () => {
  it('counts the year a member had paid through before coophub as paid: current until renewal', () => {
    const invoices = invoiceFacts(member, [], defaultYearStart)
    assert.equal(invoices.length, 1)
    assert.equal(membershipStatus(membershipFacts(member), invoices, '2026-12-06').status, 'current')
    assert.equal(membershipStatus(membershipFacts(member), invoices, '2027-07-02').status, 'renewal-due')
  })

  it('makes a member without invoices nor an opening position approved, awaiting its first invoice', () => {
    const fresh = { ...member, paidThroughYear: null, status: 'approved' }
    assert.equal(membershipStatus(membershipFacts(fresh), invoiceFacts(fresh, [], defaultYearStart), '2026-12-06').status, 'approved')
  })

  it('reads resignation, conversion and refusal from the recorded status and end date', () => {
    assert.equal(membershipFacts({ ...member, status: 'resigned', endedOn: '2026-10-01' }).resignedOn, '2026-10-01')
    assert.equal(membershipFacts({ ...member, status: 'converted', endedOn: '2026-10-01' }).convertedOn, '2026-10-01')
    assert.equal(membershipFacts({ ...member, status: 'refused' }).decision, 'refused')
  })

  it('asks Full councils for a purchase-order number, and nobody else', () => {
    assert.equal(reminderState(member, [], {}, new Set(), defaultYearStart).asksForPoNumber, true)
    assert.equal(
      reminderState({ ...member, organisationKind: 'councillor-group', tier: 'associate' }, [], {}, new Set(), defaultYearStart).asksForPoNumber,
      false,
    )
  })
})
