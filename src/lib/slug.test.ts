import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isSlug, slugify } from './slug.ts'

describe('slugify', () => {
  const cases: Array<[string, string]> = [
    ['Right to the Streets', 'right-to-the-streets'],
    ['Councillors’ Forum & Friends', 'councillors-forum-and-friends'],
    ['  Café   Société!! ', 'cafe-societe'],
    ['!!!', 'untitled'],
    ['a'.repeat(100), 'a'.repeat(80)],
  ]
  for (const [input, expected] of cases) it(`${input.slice(0, 30)} → ${expected.slice(0, 30)}`, () => assert.equal(slugify(input), expected))
})

describe('isSlug', () => {
  it('accepts our slugs and refuses anything else', () => {
    assert.ok(isSlug('co-production'))
    assert.ok(isSlug('a1'))
    for (const bad of ['', 'A', 'a--b', '-a', 'a-', 'a b', 'a\u0000', '../etc', 'x'.repeat(121)]) assert.ok(!isSlug(bad), bad)
  })
})
