import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { byOrganisation, bySession, byTier } from './numbers.ts'

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

describe('numbers per session', () => {
  const at = new Date(Date.UTC(2026, 0, 1))
  const c = (sessionId: number, registrationStatus: 'confirmed' | 'offered' | 'waiting' | 'cancelled', waiting = false, offered = false) => ({
    sessionId,
    registrationId: Math.random(),
    waiting,
    queuedAt: at,
    offerExpiresAt: offered ? at : null,
    registrationStatus,
  })
  const cases: Array<[string, ReturnType<typeof c>[], { places: number; waiting: number }]> = [
    ['nobody', [], { places: 0, waiting: 0 }],
    ['held and offered places count, cancelled ones do not', [c(1, 'confirmed'), c(1, 'confirmed', false, true), c(1, 'cancelled')], { places: 2, waiting: 0 }],
    [
      'queueing, including people still waiting for the event',
      [c(1, 'confirmed', true), c(1, 'waiting', true), c(1, 'cancelled', true)],
      { places: 0, waiting: 2 },
    ],
    ['another session’s choices are not counted', [c(2, 'confirmed'), c(2, 'confirmed', true)], { places: 0, waiting: 0 }],
  ]
  for (const [name, choices, expected] of cases) {
    it(name, () => assert.deepEqual(bySession([{ id: 1, title: 'Tour', capacity: 3 }], choices), [{ name: 'Tour', capacity: 3, ...expected }]))
  }
})
