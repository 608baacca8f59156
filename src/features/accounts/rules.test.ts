import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { translator } from '../../i18n/catalogue.ts'
import { failureKeys, isEmail, passwordProblem, safeNextPath, secondsToWait, signInDelaySeconds, type FailureScope } from './rules.ts'

describe('safeNextPath', () => {
  const kept = ['/', '/dashboard', '/case-studies/a-slug/edit', '/case-studies?q=co%20operative&sort=newest', '/a/b%2Fc', '/admin/users/12']
  for (const path of kept) {
    it(`keeps ${JSON.stringify(path)}`, () => assert.equal(safeNextPath(path), path))
  }

  it('encodes characters a Location header cannot carry, so that a redirect never fails', () => {
    assert.equal(safeNextPath('/case-studies?q=café'), '/case-studies?q=caf%C3%A9')
    assert.equal(safeNextPath('/\u2603'), '/%E2%98%83')
    assert.equal(safeNextPath('/\u3000/evil.example'), '/%E3%80%80/evil.example')
    assert.equal(safeNextPath('/a\ud800'), '/dashboard')
    for (const path of ['/\u2603', '/\u3000/evil', '/caf\u00e9']) assert.match(safeNextPath(path), /^\/[\u0021-\u007e]*$/)
  })

  // The known bypasses: each would send the browser to another site or is not a plain path.
  const refused: Array<[string, unknown]> = [
    ['a tab after the first slash', '/\t/evil.example'],
    ['a tab (as the query string decodes %09)', decodeURIComponent('/%09/evil.example')],
    ['a newline', '/\n/evil.example'],
    ['a carriage return', '/\r\nLocation: https://evil.example'],
    ['a backslash', '/\\evil.example'],
    ['two backslashes', '\\\\evil.example'],
    ['a backslash later on', '/a\\b'],
    ['two slashes', '//evil.example'],
    ['three slashes', '///evil.example'],
    ['slash and backslash', '/\\/evil.example'],
    ['a space', '/ /evil.example'],
    ['a leading space', ' /dashboard'],
    ['an absolute address', 'https://evil.example/'],
    ['a scheme-relative address, encoded once and decoded', decodeURIComponent('%2F%2Fevil.example')],
    ['an encoded slash straight after the first', '/%2F/evil.example'],
    ['an encoded backslash straight after the first', '/%5cevil.example'],
    ['an encoded tab', '/%09/evil.example'],
    ['an encoded NUL', '/a%00b'],
    ['a javascript: address', 'javascript:alert(1)'],
    ['a relative path', 'dashboard'],
    ['a non-breaking control character', '/a\u0085b'],
    ['DEL', '/a\u007fb'],
    ['empty', ''],
    ['too long', `/${'a'.repeat(600)}`],
    ['not a string', ['/dashboard']],
    ['undefined', undefined],
  ]
  for (const [name, next] of refused) {
    it(`refuses ${name}`, () => assert.equal(safeNextPath(next), '/dashboard'))
  }
})

describe('isEmail', () => {
  const cases: Array<[string, boolean]> = [
    ['name@example.org', true],
    ['a.b+c@council.gov.uk', true],
    ['no-at-sign.example.org', false],
    ['two@@example.org', false],
    ['space in@example.org', false],
    ['name@localhost', false],
  ]
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} → ${expected}`, () => assert.equal(isEmail(text), expected))
  }
})

describe('passwordProblem', () => {
  const email = 'officer@northbrook.example.org'
  const cases: Array<[string, string | null]> = [
    ['', 'Enter a password'],
    ['short', 'Password must be 12 characters or more'],
    ['x'.repeat(257), 'Password must be 256 characters or fewer'],
    ['aaaaaaaaaaaaaa', 'Password must not be one character repeated'],
    ['qwerty123456', 'This is one of the most common passwords, so it would be guessed quickly. Choose another: a few unrelated words work well'],
    ['LeaveMeAlone', 'This is one of the most common passwords, so it would be guessed quickly. Choose another: a few unrelated words work well'],
    [`my ${email} password`, 'Password must not contain your email address'],
    // A word that happens to begin the address is not the address.
    ['officer of the watch at dawn', null],
    ['a long passphrase of mine', null],
  ]
  for (const [password, expected] of cases) {
    it(`${JSON.stringify(password.slice(0, 40))} → ${expected}`, () => {
      const problem = passwordProblem(password, { email })
      assert.equal(problem && translator('en')(problem.message, problem.values), expected)
    })
  }
})

describe('signInDelaySeconds', () => {
  const cases: Array<[FailureScope, number, number]> = [
    ['account-address', 0, 0],
    ['account-address', 5, 0],
    ['account-address', 6, 1],
    ['account-address', 7, 2],
    ['account-address', 10, 16],
    ['account-address', 14, 256],
    ['account-address', 15, 300],
    ['account-address', 1000, 300],
    ['account', 20, 0],
    ['account', 21, 1],
    ['account', 26, 32],
    ['account', 27, 60],
    ['account', 500, 60],
    ['address', 30, 0],
    ['address', 31, 1],
    ['address', 40, 300],
  ]
  for (const [scope, failures, seconds] of cases) {
    it(`${scope}, ${failures} failures → ${seconds} s`, () => assert.equal(signInDelaySeconds(scope, failures), seconds))
  }
})

describe('secondsToWait', () => {
  const last = new Date('2026-12-06T12:00:00Z')
  const at = (seconds: number) => new Date(last.getTime() + seconds * 1000)
  it('waits out what is left of the delay', () => {
    assert.equal(secondsToWait('account-address', 8, last, at(0)), 4)
    assert.equal(secondsToWait('account-address', 8, last, at(1.5)), 3)
    assert.equal(secondsToWait('account-address', 8, last, at(4)), 0)
  })
  it('never waits within the free failures', () => assert.equal(secondsToWait('account', 20, last, at(0)), 0))
  it('forgets failures 15 minutes after the latest', () => {
    assert.equal(secondsToWait('address', 100, last, at(299)), 1)
    assert.equal(secondsToWait('address', 100, last, at(15 * 60)), 0)
  })
})

describe('failureKeys', () => {
  it('keys an attempt by account and address, the account in lower case', () => {
    assert.deepEqual(failureKeys(' Someone@Example.org ', '10.0.0.1'), {
      'account-address': 'account-address:someone@example.org 10.0.0.1',
      account: 'account:someone@example.org',
      address: 'address:10.0.0.1',
    })
  })
})
