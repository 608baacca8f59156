import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { newReceiptCode, normaliseReceiptCode, receiptAlphabet } from './receipt.ts'

describe('receipt codes', () => {
  it('are four groups of four unambiguous characters, matching the database’s rule', () => {
    for (let i = 0; i < 200; i++) {
      const code = newReceiptCode()
      assert.match(code, /^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/)
      assert.match(code, /^[A-Z0-9-]{8,40}$/)
      assert.doesNotMatch(code, /[01OI]/)
    }
  })
  it('use every byte evenly', () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, i) => i * 16 + 31)
    assert.equal(
      newReceiptCode(() => bytes),
      [...bytes]
        .map((b) => receiptAlphabet[b % 32])
        .join('')
        .replace(/(.{4})(?!$)/g, '$1-'),
    )
  })
  it('differ', () => assert.equal(new Set(Array.from({ length: 1000 }, () => newReceiptCode())).size, 1000))
  const typed: Array<[string, string | null]> = [
    ['K7QM-2XHD-W9PA-TC4N', 'K7QM-2XHD-W9PA-TC4N'],
    [' k7qm 2xhd w9pa tc4n ', 'K7QM-2XHD-W9PA-TC4N'],
    ['K7QM2XHDW9PATC4N', 'K7QM-2XHD-W9PA-TC4N'],
    ['K7QM-2XHD-W9PA', null],
    ['K7QM-2XHD-W9PA-TC4O', null],
    ['', null],
    ['<script>alert(1)</script>', null],
  ]
  for (const [input, expected] of typed) it(`reads “${input}”`, () => assert.equal(normaliseReceiptCode(input), expected))
})
