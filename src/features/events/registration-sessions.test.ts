import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { sessionSummaryText, type RegistrationSession } from './registration-sessions.ts'

const session = (over: Partial<RegistrationSession>): RegistrationSession => ({
  id: 1,
  title: 'Roof surgery',
  startsAt: new Date('2026-06-10T09:00:00Z'),
  endsAt: new Date('2026-06-10T10:00:00Z'),
  standing: 'held',
  position: null,
  offerExpiresAt: null,
  ...over,
})

describe('the sessions in a registrant’s email', () => {
  const cases: Array<[string, 'en' | 'cy', RegistrationSession[], RegExp]> = [
    ['none chosen', 'en', [], /^You have not chosen any sessions with limited places\.$/],
    ['a place held', 'en', [session({})], /^- Roof surgery \(.*10:00.*11:00.*\): Place held$/],
    ['a turn in the queue', 'en', [session({ standing: 'waiting', position: 3 })], /On the waiting list \(number 3\)$/],
    ['an offer', 'en', [session({ standing: 'offered', offerExpiresAt: new Date('2026-06-01T12:00:00Z') })], /A place is offered to you until .*2026/],
    ['in Welsh', 'cy', [session({ standing: 'waiting', position: 2 })], /Ar y rhestr aros \(rhif 2\)$/],
  ]
  for (const [name, locale, sessions, expected] of cases) {
    it(name, () => assert.match(sessionSummaryText(locale, sessions), expected))
  }
  it('one line a session', () => {
    assert.equal(sessionSummaryText('en', [session({}), session({ id: 2, title: 'Budgets' })]).split('\n').length, 2)
  })
})
