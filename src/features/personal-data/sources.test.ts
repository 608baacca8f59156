import assert from 'node:assert/strict'
import { it } from 'node:test'
import { personalDataSources, userReferences } from './sources.ts'

it('covers every reference to an account in the schema, and only those', () => {
  const inSchema = userReferences()
    .map((r) => r.key)
    .sort()
  // A failure here: a table now points at users. Add it to personalDataSources (and to erasure,
  // in commands/erase-person.ts, if it holds more than the account's id).
  assert.deepEqual(Object.keys(personalDataSources).sort(), inSchema)
  assert.ok(inSchema.length >= 20, String(inSchema.length))
})

it('gives every source its own section name', () => {
  const sections = Object.values(personalDataSources).map((s) => s.section)
  assert.equal(new Set(sections).size, sections.length)
})
