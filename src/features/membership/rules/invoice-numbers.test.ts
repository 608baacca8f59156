import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { formatInvoiceNumber, gapsIn, parseInvoiceNumber } from './invoice-numbers.ts'

describe('invoice numbers', () => {
  const table: Array<[string, number, number, string]> = [
    ['CCN', 2026, 1, 'CCN-2026-0001'],
    ['CCN', 2026, 42, 'CCN-2026-0042'],
    ['CCN', 2027, 9999, 'CCN-2027-9999'],
    ['CCN', 2027, 10000, 'CCN-2027-10000'],
    ['INV2', 2026, 7, 'INV2-2026-0007'],
  ]
  for (const [prefix, year, seq, text] of table) {
    it(`${text} both ways`, () => {
      assert.equal(formatInvoiceNumber(prefix, year, seq), text)
      assert.deepEqual(parseInvoiceNumber(text), { prefix, year, seq })
    })
  }

  it('forgive case and spaces when read', () => assert.deepEqual(parseInvoiceNumber(' ccn-2026-0003 '), { prefix: 'CCN', year: 2026, seq: 3 }))

  it('refuse what is not one', () => {
    assert.deepEqual(['CCN-2026-001', 'CCN-26-0001', 'CCN-2026-0000', 'CCN2026-0001', '', 'CCN-2026-0001-2'].map(parseInvoiceNumber), [
      null,
      null,
      null,
      null,
      null,
      null,
    ])
    assert.throws(() => formatInvoiceNumber('ccn', 2026, 1), RangeError)
    assert.throws(() => formatInvoiceNumber('CCN', 2026, 0), RangeError)
    assert.throws(() => formatInvoiceNumber('CCN', 2026, 1.5), RangeError)
  })

  it('find gaps in a sequence', () => {
    assert.deepEqual(gapsIn([1, 2, 3]), [])
    assert.deepEqual(gapsIn([3, 1, 5]), [2, 4])
    assert.deepEqual(gapsIn([]), [])
  })
})
