import assert from 'node:assert/strict'
import { it } from 'node:test'
import { erasedEmail, erasedName, isErasedEmail, nameReplaceable } from './rules.ts'

it('names an erased account neutrally, with an address that receives no mail', () => {
  assert.equal(erasedName(42), 'Former account 42')
  assert.equal(erasedEmail(42), 'erased-42@erased.invalid')
  assert.equal(isErasedEmail(erasedEmail(42)), true)
  assert.equal(isErasedEmail('someone@example.org'), false)
})

it('replaces a name in free text only when it cannot be part of other words or break JSON', () => {
  for (const [name, ok] of [
    ['Jo', false],
    ['Ann', false],
    ['Pat Jones', true],
    ['Dai "the bus" Evans', false],
  ] as const) {
    assert.equal(nameReplaceable(name), ok, name)
  }
})
