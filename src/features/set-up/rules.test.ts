import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { looksLikeSetUpToken, setUpNotice, siteUrlAtStart } from './rules.ts'
import { SetUpLink } from './set-up-link.ts'

const token = 'A'.repeat(21) + '-_' + 'z9'.repeat(10)

describe('what start-up says about the first administrator', () => {
  it('prints the link, on a line of its own, while no administrator exists', () => {
    const notice = setUpNotice({ administratorExists: false, siteUrl: 'http://localhost:3000', token })
    assert.ok(notice)
    assert.equal(notice.log, `No administrator account yet: create the first at http://localhost:3000/set-up/${token}`)
    assert.ok(notice.lines.includes(`    http://localhost:3000/set-up/${token}`))
    assert.match(notice.lines.join('\n'), /works once, only while this server runs/)
    assert.match(notice.lines.join('\n'), /coophub users create --role admin/)
  })

  it('says nothing once an administrator exists, or when no link was made', () => {
    assert.equal(setUpNotice({ administratorExists: true, siteUrl: 'http://localhost:3000', token }), null)
    assert.equal(setUpNotice({ administratorExists: true, siteUrl: 'http://localhost:3000', token: null }), null)
    assert.equal(setUpNotice({ administratorExists: false, siteUrl: 'http://localhost:3000', token: null }), null)
  })

  it('gives the address people open: PUBLIC_URL when set, else where the server listens', () => {
    const cases: Array<[{ publicUrl: string | undefined; host: string }, number, string]> = [
      [{ publicUrl: undefined, host: '127.0.0.1' }, 3000, 'http://127.0.0.1:3000'],
      [{ publicUrl: undefined, host: '0.0.0.0' }, 8080, 'http://localhost:8080'],
      [{ publicUrl: undefined, host: '::' }, 3000, 'http://localhost:3000'],
      [{ publicUrl: undefined, host: '::1' }, 3000, 'http://[::1]:3000'],
      [{ publicUrl: 'https://network.example.org/', host: '0.0.0.0' }, 3000, 'https://network.example.org'],
      [{ publicUrl: 'https://example.org/network//', host: '0.0.0.0' }, 3000, 'https://example.org/network'],
    ]
    for (const [config, port, expected] of cases) assert.equal(siteUrlAtStart(config, port), expected, JSON.stringify(config))
  })
})

describe('the set-up token', () => {
  it('has the shape of 32 random bytes in base64url, and nothing else does', () => {
    assert.equal(looksLikeSetUpToken(token), true)
    for (const bad of [
      '',
      'short',
      token + 'x',
      token.slice(1),
      token.replace('A', '+'),
      token.replace('A', '/'),
      token.replace('A', '='),
      `${token.slice(0, 42)}\n`,
      42,
      null,
      [token],
    ])
      assert.equal(looksLikeSetUpToken(bad), false, JSON.stringify(bad))
  })

  it('matches only the latest token issued, until forgotten', () => {
    const link = new SetUpLink()
    assert.equal(link.issued, false)
    assert.equal(link.matches(token), false)
    const first = link.issue()
    assert.equal(looksLikeSetUpToken(first), true)
    assert.equal(link.matches(first), true)
    assert.equal(link.matches(token), false)
    assert.equal(link.matches(first.toLowerCase() === first ? first.toUpperCase() : first.toLowerCase()), false)
    const second = link.issue()
    assert.notEqual(second, first)
    assert.equal(link.matches(first), false)
    assert.equal(link.matches(second), true)
    link.forget()
    assert.equal(link.issued, false)
    assert.equal(link.matches(second), false)
  })
})
