import assert from 'node:assert/strict'
import { it } from 'node:test'
import { expiry, mailFromContact, securityContact, securityTxt } from './security-txt.ts'

it('takes the contact from MAIL_FROM only when it can receive mail from outside', () => {
  for (const [mailFrom, contact] of [
    ['coophub <no-reply@localhost>', null],
    ['coophub <no-reply@mail.localhost>', null],
    ['root@server', null],
    ['not an address', null],
    ['Network <hello@councils.example>', 'mailto:hello@councils.example'],
    ['hello@councils.example', 'mailto:hello@councils.example'],
  ] as const) {
    assert.equal(mailFromContact(mailFrom), contact, mailFrom)
  }
  assert.equal(securityContact({ securityContact: 'https://councils.example/report', mailFrom: 'a@b.example' }), 'https://councils.example/report')
  assert.equal(securityContact({ securityContact: undefined, mailFrom: 'a@b.example' }), 'mailto:a@b.example')
})

it('expires 180 days ahead, at midnight UTC, so a cached copy stays valid for months', () => {
  assert.equal(expiry(new Date('2026-12-07T15:30:00Z')).toISOString(), '2027-06-05T00:00:00.000Z')
})

it('writes the RFC 9116 fields', () => {
  assert.equal(
    securityTxt({ contact: 'mailto:s@c.example', canonical: 'https://c.example/.well-known/security.txt', now: new Date('2026-01-01T00:00:00Z') }),
    'Contact: mailto:s@c.example\nExpires: 2026-06-30T00:00:00Z\nPreferred-Languages: en, cy\nCanonical: https://c.example/.well-known/security.txt\n',
  )
})
