import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { siteUrl } from './base-url.ts'

describe('siteUrl', () => {
  it('prefers PUBLIC_URL, without a trailing slash', () => {
    assert.equal(siteUrl({ publicUrl: 'https://coophub.example.org/' }, { protocol: 'http', host: 'evil.example' }), 'https://coophub.example.org')
    assert.equal(siteUrl({ publicUrl: 'https://example.org/network' }, { protocol: 'http', host: 'x' }), 'https://example.org/network')
  })

  it('falls back to the address of the request', () => {
    assert.equal(siteUrl({ publicUrl: undefined }, { protocol: 'https', host: 'localhost:3000' }), 'https://localhost:3000')
  })
})
