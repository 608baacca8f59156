import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { byOrganisation, byTier } from './numbers.ts'

describe('numbers per organisation and per tier', () => {
  const rows = [
    { status: 'confirmed', organisationName: 'Riverside', tier: 'full' },
    { status: 'offered', organisationName: 'Riverside', tier: 'full' },
    { status: 'waiting', organisationName: 'Northbrook', tier: 'associate' },
    { status: 'confirmed', organisationName: '', tier: null },
    { status: 'cancelled', organisationName: 'Riverside', tier: 'full' },
  ]
  it('counts places held and people waiting, leaving out cancellations', () => {
    assert.deepEqual(byOrganisation(rows), [
      { name: 'Riverside', places: 2, waiting: 0 },
      { name: '', places: 1, waiting: 0 },
      { name: 'Northbrook', places: 0, waiting: 1 },
    ])
    assert.deepEqual(byTier(rows), [
      { name: 'full', places: 2, waiting: 0 },
      { name: '', places: 1, waiting: 0 },
      { name: 'associate', places: 0, waiting: 1 },
    ])
  })
})
