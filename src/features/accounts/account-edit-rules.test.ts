import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { translator } from '../../i18n/catalogue.ts'
import { storedStatus, validateUserEdit, type UserEditInput } from './account-edit-rules.ts'

// The rules give catalogue keys: the messages a person reads are checked in English.
const english = translator('en')

const valid: UserEditInput = { name: ' Ann Example ', role: 'officer', organisation: 'home-council', status: 'active' }

const errorsOf = (change: Partial<UserEditInput>, self = false) => {
  const result = validateUserEdit({ ...valid, ...change }, { self })
  return result.ok ? [] : result.errors.map((e) => `${e.field}: ${english(e.message, e.values)}`)
}

describe('validateUserEdit', () => {
  it('accepts a valid edit, trimmed', () => {
    assert.deepEqual(validateUserEdit(valid, { self: false }), {
      ok: true,
      value: { name: 'Ann Example', role: 'officer', organisation: 'home-council', status: 'active' },
    })
    assert.deepEqual(validateUserEdit({ ...valid, role: 'editor', organisation: '' }, { self: false }), {
      ok: true,
      value: { name: 'Ann Example', role: 'editor', organisation: null, status: 'active' },
    })
  })

  const table: Array<[Partial<UserEditInput>, boolean, string]> = [
    [{ name: '' }, false, 'name: Enter the person’s name'],
    [{ name: 'x'.repeat(201) }, false, 'name: Name must be 200 characters or fewer'],
    [{ role: 'owner' }, false, 'role: Select a role'],
    [{ organisation: ' ' }, false, 'organisation: Select the organisation this officer works for'],
    [{ status: 'invited' }, false, 'status: Select whether the account is active or disabled'],
    [{ role: 'editor' }, true, 'role: You cannot remove your own administrator role'],
    [{ role: 'admin', status: 'disabled' }, true, 'status: You cannot disable your own account'],
  ]
  for (const [change, self, expected] of table) it(expected, () => assert.deepEqual(errorsOf(change, self), [expected]))

  it('lets an administrator disable or demote someone else', () => {
    assert.deepEqual(errorsOf({ role: 'editor', status: 'disabled' }), [])
  })
})

describe('storedStatus', () => {
  it('keeps an account without a password invited until it has one', () => {
    assert.equal(storedStatus('active', true), 'active')
    assert.equal(storedStatus('active', false), 'invited')
    assert.equal(storedStatus('disabled', true), 'disabled')
    assert.equal(storedStatus('disabled', false), 'disabled')
  })
})
