import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checkRegistration, type RegistrationForm } from './registration-form.ts'

const form = (over: Partial<RegistrationForm> = {}): RegistrationForm => ({
  name: ' Ann Jones ',
  email: 'ann@example.org',
  organisationId: '4',
  organisationName: 'ignored when a member is picked',
  jobRole: 'Policy officer',
  accessNeeds: '',
  dietaryNeeds: ' Vegan ',
  sessionIds: ['7', '7'],
  ...over,
})
const known = { organisationIds: new Set([4]), sessionIds: new Set([7, 8]) }

describe('the registration form', () => {
  it('trims, keeps needs only when given, and picks the member over a typed name', () => {
    assert.deepEqual(checkRegistration(form(), known), {
      ok: true,
      value: {
        name: 'Ann Jones',
        email: 'ann@example.org',
        organisationId: 4,
        organisationName: '',
        jobRole: 'Policy officer',
        accessNeeds: null,
        dietaryNeeds: 'Vegan',
        sessionIds: [7],
      },
    })
  })

  for (const [name, over, field, message] of <Array<[string, Partial<RegistrationForm>, string, string]>>[
    ['no name', { name: '  ' }, 'name', 'events.register.errors.nameRequired'],
    ['no email', { email: '' }, 'email', 'events.register.errors.emailRequired'],
    ['not an email', { email: 'ann at example' }, 'email', 'events.register.errors.emailInvalid'],
    ['an organisation not in the directory', { organisationId: '99' }, 'organisationId', 'events.register.errors.organisationUnknown'],
    ['an organisation that is not a number', { organisationId: 'x' }, 'organisationId', 'events.register.errors.organisationUnknown'],
    ['another event’s session', { sessionIds: ['9'] }, 'sessions', 'events.register.errors.sessionUnknown'],
    ['needs too long', { accessNeeds: 'x'.repeat(2001) }, 'accessNeeds', 'events.register.errors.tooLong'],
  ]) {
    it(`refuses ${name}`, () => {
      const result = checkRegistration(form(over), known)
      assert.equal(result.ok, false)
      if (!result.ok) assert.deepEqual([result.errors[0]!.field, result.errors[0]!.message], [field, message])
    })
  }

  it('keeps a typed organisation when none is picked', () => {
    const result = checkRegistration(form({ organisationId: '', organisationName: ' Tenants Federation ' }), known)
    assert.ok(result.ok && result.value.organisationName === 'Tenants Federation' && result.value.organisationId === null)
  })
})
