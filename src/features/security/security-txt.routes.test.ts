import assert from 'node:assert/strict'
import { it } from 'node:test'
import { describeEachDatabase, createTestApp } from '../../../test/app.ts'

describeEachDatabase(
  'security.txt',
  (get) => {
    it('serves the RFC 9116 file with the configured contact, an expiry, the languages and its canonical address', async () => {
      const res = await get().app.inject('/.well-known/security.txt')
      assert.equal(res.statusCode, 200)
      assert.match(String(res.headers['content-type']), /^text\/plain; charset=utf-8/)
      const lines = res.body.trimEnd().split('\n')
      assert.equal(lines[0], 'Contact: mailto:security@councils.example')
      const expires = new Date(/^Expires: (.+)$/m.exec(res.body)![1]!)
      const days = (expires.getTime() - Date.now()) / 86_400_000
      assert.ok(days > 178 && days < 181, String(days))
      assert.match(res.body, /^Preferred-Languages: en, cy$/m)
      assert.match(res.body, /^Canonical: https:\/\/councils\.example\/\.well-known\/security\.txt$/m)
      const old = await get().app.inject('/security.txt')
      assert.equal(old.statusCode, 301)
      assert.equal(old.headers.location, '/.well-known/security.txt')
    })

    it('falls back to MAIL_FROM, and has no file when only a local address is known', async () => {
      const withMailFrom = await createTestApp(get().handle.kind, { MAIL_FROM: 'Network <hello@councils.example>' })
      try {
        assert.match((await withMailFrom.app.inject('/.well-known/security.txt')).body, /^Contact: mailto:hello@councils\.example$/m)
      } finally {
        await withMailFrom.close()
      }
      const local = await createTestApp(get().handle.kind)
      try {
        const res = await local.app.inject('/.well-known/security.txt')
        assert.equal(res.statusCode, 404)
        assert.match(res.body, /<html/, 'the site’s own 404 page')
      } finally {
        await local.close()
      }
    })
  },
  { SECURITY_CONTACT: 'security@councils.example', PUBLIC_URL: 'https://councils.example' },
)
