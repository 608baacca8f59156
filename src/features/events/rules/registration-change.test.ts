import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checkChange, type ChangeForm } from './registration-change.ts'

const known = { sessionIds: new Set([1, 2]) }
const form = (over: Partial<ChangeForm> = {}): ChangeForm => ({
  jobRole: ' Clerk ',
  accessNeeds: '',
  dietaryNeeds: 'Vegan',
  sessionIds: ['1'],
  revision: '3',
  ...over,
})

describe('the change form', () => {
  it('trims and reads a good form, empty needs as none', () => {
    assert.deepEqual(checkChange(form(), known), {
      ok: true,
      value: { jobRole: 'Clerk', accessNeeds: null, dietaryNeeds: 'Vegan', sessionIds: [1], revision: 3 },
    })
  })
  const cases: Array<[string, Partial<ChangeForm>, string, string]> = [
    ['an unknown session', { sessionIds: ['1', '9'] }, 'sessions', 'events.register.errors.sessionUnknown'],
    ['a session that is not a number', { sessionIds: ['x'] }, 'sessions', 'events.register.errors.sessionUnknown'],
    ['a role too long', { jobRole: 'x'.repeat(201) }, 'jobRole', 'events.register.errors.tooLong'],
    ['needs too long', { accessNeeds: 'x'.repeat(2001) }, 'accessNeeds', 'events.register.errors.tooLong'],
    ['no revision', { revision: '' }, '', 'events.change.stale'],
    ['a revision that is not a number', { revision: '1e3' }, '', 'events.change.stale'],
  ]
  for (const [name, over, field, message] of cases) {
    it(`refuses ${name}`, () => {
      const result = checkChange(form(over), known)
      assert.equal(result.ok, false)
      if (!result.ok)
        assert.deepEqual(
          result.errors.map((e) => [e.field, e.message]),
          [[field, message]],
        )
    })
  }
  it('drops a session chosen twice', () => {
    const result = checkChange(form({ sessionIds: ['2', '2', '1'] }), known)
    assert.ok(result.ok && result.value.sessionIds.join() === '2,1')
  })
})
