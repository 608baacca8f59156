import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isLiveRegistration, placeForNewcomer, queuePosition, settleQueue, type QueuedRegistration } from './places.ts'

const at = (iso: string) => new Date(iso)
const now = at('2026-05-01T12:00:00Z')

describe('places for newcomers', () => {
  const base = { capacity: 10, taken: 0, perOrganisationCap: null, takenByOrganisation: 0, queueing: 0 }
  for (const [name, counts, hasOrganisation, expected] of [
    ['room left', { taken: 9 }, true, { status: 'confirmed' }],
    ['full', { taken: 10 }, true, { status: 'waiting' }],
    ['a place free but people queueing', { taken: 9, queueing: 1 }, false, { status: 'waiting' }],
    ['no limit', { capacity: null, taken: 500 }, false, { status: 'confirmed' }],
    ['organisation at its cap', { perOrganisationCap: 2, takenByOrganisation: 2 }, true, { refused: 'events.register.organisationCapReached' }],
    ['cap ignored without an organisation', { perOrganisationCap: 2, takenByOrganisation: 2 }, false, { status: 'confirmed' }],
    ['organisation under its cap', { perOrganisationCap: 2, takenByOrganisation: 1 }, true, { status: 'confirmed' }],
    ['capacity of nought', { capacity: 0 }, false, { status: 'waiting' }],
  ] as const) {
    it(name, () => assert.deepEqual(placeForNewcomer({ ...base, ...counts }, hasOrganisation), expected))
  }
})

describe('the waiting list settles: offers and their expiry', () => {
  const r = (id: number, status: QueuedRegistration['status'], queued: string, extra: Partial<QueuedRegistration> = {}): QueuedRegistration => ({
    id,
    status,
    queuedAt: at(`2026-04-${queued}T09:00:00Z`),
    offerExpiresAt: status === 'offered' ? at('2026-05-02T12:00:00Z') : null,
    organisationId: null,
    ...extra,
  })
  const rules: { capacity: number | null; perOrganisationCap: number | null; offerHours: number } = { capacity: 2, perOrganisationCap: null, offerHours: 48 }
  const offer = (id: number) => ({ id, to: 'offered', offerExpiresAt: at('2026-05-03T12:00:00Z') })
  const table: Array<[string, QueuedRegistration[], Partial<typeof rules>, unknown[]]> = [
    ['nothing free: nothing changes', [r(1, 'confirmed', '01'), r(2, 'confirmed', '02'), r(3, 'waiting', '03')], {}, []],
    [
      'a place frees: the first in the queue is offered it',
      [r(1, 'confirmed', '01'), r(2, 'cancelled', '02'), r(3, 'waiting', '04'), r(4, 'waiting', '03')],
      {},
      [offer(4)],
    ],
    ['an open offer holds its place', [r(1, 'confirmed', '01'), r(2, 'offered', '02'), r(3, 'waiting', '03')], {}, []],
    [
      'an expired offer lapses and passes to the next person',
      [r(1, 'confirmed', '01'), r(2, 'offered', '02', { offerExpiresAt: now }), r(3, 'waiting', '03')],
      {},
      [{ id: 2, to: 'lapsed' }, offer(3)],
    ],
    [
      'an offer expiring a second later is still open',
      [r(1, 'confirmed', '01'), r(2, 'offered', '02', { offerExpiresAt: at('2026-05-01T12:00:01Z') }), r(3, 'waiting', '03')],
      {},
      [],
    ],
    ['two places free: two offers, in order', [r(3, 'waiting', '05'), r(4, 'waiting', '04'), r(5, 'waiting', '06')], {}, [offer(4), offer(3)]],
    ['same queue time: the earlier registration first', [r(7, 'waiting', '05'), r(6, 'waiting', '05')], { capacity: 1 }, [offer(6)]],
    ['capacity lowered below those holding places: no offers', [r(1, 'confirmed', '01'), r(2, 'confirmed', '01'), r(3, 'waiting', '02')], { capacity: 1 }, []],
    ['no limit: everyone waiting is offered a place', [r(1, 'waiting', '01'), r(2, 'waiting', '02')], { capacity: null }, [offer(1), offer(2)]],
    [
      'the organisation cap passes over someone whose organisation is full',
      [r(1, 'confirmed', '01', { organisationId: 9 }), r(2, 'waiting', '02', { organisationId: 9 }), r(3, 'waiting', '03', { organisationId: 8 })],
      { perOrganisationCap: 1 },
      [offer(3)],
    ],
    ['cancelled and lapsed people are never offered', [r(1, 'cancelled', '01'), r(2, 'lapsed', '02')], {}, []],
  ]
  for (const [name, registrations, over, expected] of table) {
    it(name, () => assert.deepEqual(settleQueue(registrations, { ...rules, ...over }, now), expected))
  }

  it('numbers the queue from 1 in the order people joined', () => {
    const rows = [r(1, 'confirmed', '01'), r(2, 'waiting', '03'), r(3, 'waiting', '02')]
    assert.equal(queuePosition(rows, 3), 1)
    assert.equal(queuePosition(rows, 2), 2)
    assert.equal(queuePosition(rows, 1), null)
  })
})

describe('isLiveRegistration', () => {
  it('is true for a place held, awaited or offered, and false once cancelled or lapsed', () => {
    assert.deepEqual(['confirmed', 'waiting', 'offered', 'cancelled', 'lapsed'].map(isLiveRegistration), [true, true, true, false, false])
  })
})
