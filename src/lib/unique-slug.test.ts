import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { chooseSlug, firstFreeSlug, slugProblem } from './unique-slug.ts'

describe('slugProblem', () => {
  it('allows blank and well-formed slugs', () => {
    assert.equal(slugProblem(''), null)
    assert.equal(slugProblem('northbrook-city-council'), null)
  })
  it('explains a badly formed or long slug', () => {
    for (const bad of ['Northbrook', 'a--b', 'a b', '-a', 'café']) {
      assert.deepEqual(slugProblem(bad), { message: 'admin.slug.format' }, bad)
    }
    assert.deepEqual(slugProblem('a'.repeat(81)), { message: 'admin.slug.tooLong', values: { max: 80 } })
  })
})

describe('firstFreeSlug and chooseSlug', () => {
  it('numbers a slug made from the name until it is free', () => {
    assert.equal(firstFreeSlug('leeds', new Set()), 'leeds')
    assert.equal(firstFreeSlug('leeds', new Set(['leeds', 'leeds-2'])), 'leeds-3')
    assert.equal(firstFreeSlug('a'.repeat(80), new Set(['a'.repeat(80)])), `${'a'.repeat(78)}-2`)
  })
  it('refuses a typed slug that is taken and makes one from the name when blank', () => {
    assert.equal(chooseSlug('leeds', 'Leeds City Council', new Set(['leeds'])), null)
    assert.equal(chooseSlug('leeds', 'Leeds City Council', new Set()), 'leeds')
    assert.equal(chooseSlug(null, 'Leeds City Council', new Set(['leeds-city-council'])), 'leeds-city-council-2')
  })
})
