import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { translator } from '../../i18n/catalogue.ts'
import { isPhone, validateContact, type ContactInput } from './rules.ts'

// The rules give catalogue keys: the messages a person reads are checked in English.
const english = translator('en')

const valid: ContactInput = { name: ' Priya Patel ', jobTitle: '', organisation: '', email: ' priya@example.org ', phone: '', publishContact: true }

describe('validateContact', () => {
  it('trims and turns blanks into nulls', () => {
    assert.deepEqual(validateContact(valid), {
      ok: true,
      value: { name: 'Priya Patel', jobTitle: null, organisation: null, email: 'priya@example.org', phone: null, publishContact: true },
    })
  })
  const table: Array<[Partial<ContactInput>, string]> = [
    [{ name: '' }, 'name: Enter the contact’s name'],
    [{ name: 'x'.repeat(201) }, 'name: Name must be 200 characters or fewer'],
    [{ jobTitle: 'x'.repeat(201) }, 'jobTitle: Job title must be 200 characters or fewer'],
    [{ email: 'priya@' }, 'email: Enter an email address in the correct format, like name@example.org'],
    [{ phone: 'ring me' }, 'phone: Enter a telephone number, like 01632 960 001 or +44 808 157 0192'],
  ]
  for (const [change, expected] of table) {
    it(expected, () => {
      const result = validateContact({ ...valid, ...change })
      assert.deepEqual(result.ok ? [] : result.errors.map((e) => `${e.field}: ${english(e.message, e.values)}`), [expected])
    })
  }
})

describe('isPhone', () => {
  it('accepts numbers as people write them', () => {
    for (const ok of ['01632 960 001', '+44 808 157 0192', '(01632) 960001', '020-7946-0000', '01632 960001 ext 204', '01632 960001 x12'])
      assert.ok(isPhone(ok), ok)
  })
  it('refuses words, short numbers and long junk', () => {
    for (const bad of ['call me', '123', '+', '1234567890123456', '01632 960001; DROP', `0${'1'.repeat(50)}`]) assert.ok(!isPhone(bad), bad)
  })
})
