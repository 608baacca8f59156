import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checkPoNumber } from './po-number.ts'

describe('checkPoNumber', () => {
  const cases: Array<[string, string]> = [
    ['PO-2027-01234', 'PO-2027-01234'],
    ['  4500012345 ', '4500012345'],
    ['PO 12/34 #5', 'PO 12/34 #5'],
    ['po   99', 'po 99'],
  ]
  for (const [typed, kept] of cases) it(`keeps “${typed}” as “${kept}”`, () => assert.deepEqual(checkPoNumber(typed), { ok: true, value: kept }))

  const refused: Array<[string, string]> = [
    ['', 'renewals.po.errors.required'],
    ['   ', 'renewals.po.errors.required'],
    ['x'.repeat(61), 'renewals.po.errors.tooLong'],
    ['=HYPERLINK("x")', 'renewals.po.errors.characters'],
    ['<b>12</b>', 'renewals.po.errors.characters'],
    ['-12', 'renewals.po.errors.characters'],
  ]
  for (const [typed, key] of refused) {
    it(`refuses “${typed.slice(0, 20)}”`, () => {
      const result = checkPoNumber(typed)
      assert.equal(result.ok, false)
      if (!result.ok) assert.equal(result.errors[0]?.message, key)
    })
  }
})
