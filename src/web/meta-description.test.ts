import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { metaDescription } from './meta-description.ts'

describe('metaDescription', () => {
  const cases: Array<[string, unknown, number, string]> = [
    ['short text as it is', 'Councils working together.', 160, 'Councils working together.'],
    ['white space on one line', '  Councils\n  working\ttogether. ', 160, 'Councils working together.'],
    ['nothing', undefined, 160, ''],
    ['only white space', ' \n ', 160, ''],
    ['exactly the limit', 'abcde fghij', 11, 'abcde fghij'],
    ['cut at a word', 'one two three four five', 15, 'one two three…'],
    ['no trailing punctuation before the ellipsis', 'one two, three four five', 10, 'one two…'],
    ['a word longer than half the limit is cut', 'a supercalifragilistic word', 12, 'a supercali…'],
  ]
  for (const [name, text, limit, expected] of cases) {
    it(name, () => {
      const result = metaDescription(text, limit)
      assert.equal(result, expected)
      assert.ok(result.length <= limit, `${result.length} characters`)
    })
  }
})
