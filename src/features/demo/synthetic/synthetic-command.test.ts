import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { InvalidArgumentError } from 'commander'
import { parseSeed, parseSyntheticCount } from './synthetic-command.ts'

describe('coophub demo --synthetic options', () => {
  const counts: Array<[string, number | RegExp]> = [
    ['1', 1],
    ['10000', 10_000],
    [' 200000 ', 200_000],
    ['0', /number of case studies must be a whole number from 1 to 200000/],
    ['200001', /from 1 to 200000/],
    ['-5', /from 1 to 200000/],
    ['1.5', /whole number/],
    ['1e4', /whole number/],
    ['ten', /whole number/],
    ['', /whole number/],
  ]
  for (const [text, expected] of counts) {
    it(`--synthetic "${text}"`, () => {
      if (typeof expected === 'number') assert.equal(parseSyntheticCount(text), expected)
      else
        assert.throws(
          () => parseSyntheticCount(text),
          (e: unknown) => e instanceof InvalidArgumentError && expected.test(e.message),
        )
    })
  }

  const seeds: Array<[string, number | RegExp]> = [
    ['0', 0],
    ['1', 1],
    ['2147483647', 2_147_483_647],
    ['2147483648', /seed must be a whole number from 0 to 2147483647/],
    ['-1', /from 0/],
    ['abc', /whole number/],
  ]
  for (const [text, expected] of seeds) {
    it(`--seed "${text}"`, () => {
      if (typeof expected === 'number') assert.equal(parseSeed(text), expected)
      else
        assert.throws(
          () => parseSeed(text),
          (e: unknown) => e instanceof InvalidArgumentError && expected.test(e.message),
        )
    })
  }
})
