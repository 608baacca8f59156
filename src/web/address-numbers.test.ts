import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseId, parsePage, positiveInt } from './address-numbers.ts'

describe('positiveInt', () => {
  const cases: Array<[unknown, number | null]> = [
    ['1', 1],
    ['42', 42],
    ['2147483647', 2_147_483_647],
    ['2147483648', null],
    ['0', null],
    ['-1', null],
    ['01', null],
    ['1.5', null],
    ['1e3', null],
    [' 1', null],
    ['abc', null],
    ['', null],
    [undefined, null],
    [7, null],
    [['3', '4'], 3],
    ['9'.repeat(400), null],
  ]
  for (const [input, expected] of cases) it(`${String(JSON.stringify(input)).slice(0, 20)} → ${expected}`, () => assert.equal(positiveInt(input), expected))
})

describe('parseId', () => {
  it('returns the id or throws a NotFoundError', () => {
    assert.equal(parseId('12'), 12)
    assert.throws(() => parseId('12abc'), { name: 'NotFoundError' })
    assert.throws(() => parseId('99999999999'), { name: 'NotFoundError' })
  })
})

describe('parsePage', () => {
  it('falls back to page 1 for anything unusable', () => {
    assert.equal(parsePage('3'), 3)
    for (const bad of [undefined, '', '0', '-2', 'x', '10001', ['a']]) assert.equal(parsePage(bad), 1)
  })
})
