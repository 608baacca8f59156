import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { addRationals, compareRationals, formatRational, rational, roundHalfUp } from './rational.ts'

describe('rational', () => {
  it('reduces and keeps the denominator positive', () => {
    assert.deepEqual(rational(6n, 4n), { num: 3n, den: 2n })
    assert.deepEqual(rational(3n, -6n), { num: -1n, den: 2n })
    assert.deepEqual(rational(0n, 7n), { num: 0n, den: 1n })
    assert.throws(() => rational(1n, 0n), RangeError)
  })

  it('compares and adds exactly', () => {
    assert.equal(compareRationals(rational(1n, 3n), rational(333333n, 1000000n)), 1)
    assert.equal(compareRationals(rational(2n, 6n), rational(1n, 3n)), 0)
    assert.deepEqual(addRationals(rational(1n, 3n), rational(1n, 6n)), rational(1n, 2n))
  })

  for (const [num, den, rounded] of [
    [5n, 2n, 3n],
    [7n, 3n, 2n],
    [8n, 3n, 3n],
    [-5n, 2n, -2n],
    [-7n, 3n, -2n],
    [10n, 1n, 10n],
  ] as const)
    it(`rounds ${num}/${den} half up to ${rounded}`, () => assert.equal(roundHalfUp(rational(num, den)), rounded))

  it('formats whole numbers without a denominator', () => {
    assert.equal(formatRational(rational(4n, 2n)), '2')
    assert.equal(formatRational(rational(2n, 4n)), '1/2')
  })
})
