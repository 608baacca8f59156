import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { RegistrationStatus } from '../../../db/schema/events.ts'
import { changeOfSessions, placeInSession, sessionPosition, settleSessionQueue, standingOf, type SessionChoice } from './session-places.ts'

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 9, minute))
const now = at(30)
const choice = (registrationId: number, over: Partial<SessionChoice> = {}): SessionChoice => ({
  registrationId,
  waiting: false,
  queuedAt: at(registrationId),
  offerExpiresAt: null,
  registrationStatus: 'confirmed',
  ...over,
})
const waiting = (id: number, status: RegistrationStatus = 'confirmed') => choice(id, { waiting: true, registrationStatus: status })

describe('a session’s own places', () => {
  const cases: Array<[string, number | null, SessionChoice[], boolean, 'held' | 'waiting']> = [
    ['no capacity: always a place', null, [choice(1), choice(2)], true, 'held'],
    ['room left', 3, [choice(1), choice(2)], true, 'held'],
    ['full', 2, [choice(1), choice(2)], true, 'waiting'],
    ['an open offer holds its place', 2, [choice(1), choice(2, { offerExpiresAt: at(50) })], true, 'waiting'],
    ['a cancelled registration holds nothing', 2, [choice(1), choice(2, { registrationStatus: 'cancelled' })], true, 'held'],
    ['someone waiting for the event holds nothing', 2, [choice(1), choice(2, { registrationStatus: 'waiting' })], true, 'held'],
    ['nobody jumps the queue', 3, [choice(1), waiting(2)], true, 'waiting'],
    ['without a place at the event yet, queue', 5, [], false, 'waiting'],
    ['without a place at the event, an uncapped session is fine', null, [], false, 'held'],
  ]
  for (const [name, capacity, choices, hasPlace, expected] of cases) {
    it(name, () => assert.equal(placeInSession(capacity, choices, hasPlace), expected))
  }
})

describe('settling a session’s waiting list', () => {
  const rules = { capacity: 2, offerHours: 2 }
  const offerUntil = new Date(now.getTime() + 2 * 3_600_000)
  const cases: Array<[string, SessionChoice[], Array<{ id: number; to: string; offerExpiresAt?: Date }>]> = [
    ['full: nothing happens', [choice(1), choice(2), waiting(3)], []],
    ['a freed place goes to the first in the queue', [choice(1), waiting(4), waiting(3)], [{ id: 3, to: 'offered', offerExpiresAt: offerUntil }]],
    [
      'an expired offer lapses and passes on',
      [choice(1), choice(2, { offerExpiresAt: at(29) }), waiting(3)],
      [
        { id: 2, to: 'lapsed' },
        { id: 3, to: 'offered', offerExpiresAt: offerUntil },
      ],
    ],
    ['an open offer keeps its place', [choice(1), choice(2, { offerExpiresAt: at(31) }), waiting(3)], []],
    [
      'someone still waiting for the event is passed over',
      [choice(1), waiting(3, 'waiting'), waiting(4)],
      [{ id: 4, to: 'offered', offerExpiresAt: offerUntil }],
    ],
    [
      'a cancelled registration frees its place',
      [choice(1), choice(2, { registrationStatus: 'cancelled' }), waiting(3)],
      [{ id: 3, to: 'offered', offerExpiresAt: offerUntil }],
    ],
  ]
  for (const [name, choices, expected] of cases) {
    it(name, () => assert.deepEqual(settleSessionQueue(choices, rules, now), expected))
  }
  it('a raised capacity offers as many places as it adds', () => {
    const changes = settleSessionQueue([choice(1), waiting(2), waiting(3), waiting(4)], { capacity: 3, offerHours: 1 }, now)
    assert.deepEqual(
      changes.map((c) => c.id),
      [2, 3],
    )
  })
  it('no capacity: nobody waits', () => {
    assert.equal(settleSessionQueue([waiting(2)], { capacity: null, offerHours: 1 }, now).length, 1)
  })
})

describe('standing, position and changes of sessions', () => {
  it('reads a choice’s standing', () => {
    assert.equal(standingOf({ waiting: true, offerExpiresAt: null }), 'waiting')
    assert.equal(standingOf({ waiting: false, offerExpiresAt: at(1) }), 'offered')
    assert.equal(standingOf({ waiting: false, offerExpiresAt: null }), 'held')
  })
  it('counts the position among those still registered, in order', () => {
    const choices = [waiting(5), waiting(3, 'cancelled'), waiting(4), choice(1)]
    assert.equal(sessionPosition(choices, 4), 1)
    assert.equal(sessionPosition(choices, 5), 2)
    assert.equal(sessionPosition(choices, 1), null)
  })
  const cases: Array<[number[], number[], { added: number[]; removed: number[] }]> = [
    [[], [1, 2], { added: [1, 2], removed: [] }],
    [[1, 2], [2, 3], { added: [3], removed: [1] }],
    [[1], [1, 1], { added: [], removed: [] }],
    [[1, 2], [], { added: [], removed: [1, 2] }],
  ]
  for (const [current, wanted, expected] of cases) {
    it(`from [${current}] to [${wanted}]`, () => assert.deepEqual(changeOfSessions(current, wanted), expected))
  }
})
