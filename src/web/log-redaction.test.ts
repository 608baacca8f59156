import assert from 'node:assert/strict'
import { it } from 'node:test'
import { redactSecrets } from './log-redaction.ts'

it('replaces tokens in paths and secret query parameters, and leaves ordinary addresses alone', () => {
  const token = 'Qm9vdHN0cmFwX3Rva2VuX2Zvcl90ZXN0aW5nX29ubHlfMTIz'
  for (const [input, output] of [
    [`/account/set-password/${token}`, '/account/set-password/[redacted]'],
    [`/cy/account/set-password/${token}?x=1`, '/cy/account/set-password/[redacted]?x=1'],
    [
      `Set your password: https://c.example/account/set-password/${token}\nThanks`,
      'Set your password: https://c.example/account/set-password/[redacted]\nThanks',
    ],
    ['/votes/3/receipt?code=ABCD-EFGH-JKLM&x=1', '/votes/3/receipt?code=[redacted]&x=1'],
    ['/case-studies/a-rather-long-slug-that-is-only-words', '/case-studies/a-rather-long-slug-that-is-only-words'],
    ['/case-studies?q=housing&page=2', '/case-studies?q=housing&page=2'],
  ] as const) {
    assert.equal(redactSecrets(input), output, input)
  }
})
