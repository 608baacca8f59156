import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parsePerPage } from './per-page.ts'

describe('parsePerPage', () => {
  const cases: Array<[string, unknown, number | null]> = [
    ['absent: the default', undefined, 20],
    ['empty: the default', '', 20],
    ['blank: the default', '  ', 20],
    ['1', '1', 1],
    ['100', '100', 100],
    ['spaces around', ' 50 ', 50],
    ['the first of several', ['30', '40'], 30],
    ['0', '0', null],
    ['101', '101', null],
    ['1000', '1000', null],
    ['abc', 'abc', null],
    ['a fraction', '2.5', null],
    ['negative', '-5', null],
    ['exponent', '1e2', null],
    ['NUL', '\u0000', null],
  ]
  for (const [name, raw, expected] of cases) {
    it(name, () => {
      const result = parsePerPage(raw)
      if (expected === null) {
        assert.equal(result.ok, false)
        assert.ok(!result.ok && /1 to 100/.test(result.detail))
      } else assert.deepEqual(result, { ok: true, value: expected })
    })
  }
})
