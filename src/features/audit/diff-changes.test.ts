import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { diffChanges } from './diff-changes.ts'

describe('diffChanges', () => {
  it('lists only the fields that changed, with before and after', () => {
    assert.deepEqual(diffChanges({ name: 'A', tier: 'full', verified: true }, { name: 'B', tier: 'full', verified: false }), {
      name: { before: 'A', after: 'B' },
      verified: { before: true, after: false },
    })
  })
  it('treats a new row as changed from nothing, leaving out empty fields', () => {
    assert.deepEqual(diffChanges(null, { name: 'A', region: null, website: '', verified: false }), {
      name: { before: null, after: 'A' },
      verified: { before: null, after: false },
    })
  })
  it('compares dates by their instant and null with undefined', () => {
    const d = new Date('2025-01-01T00:00:00Z')
    assert.deepEqual(diffChanges({ at: d, x: undefined }, { at: new Date(d.getTime()), x: null }), {})
    assert.deepEqual(diffChanges({ at: d }, { at: new Date(d.getTime() + 1) }), {
      at: { before: '2025-01-01T00:00:00.000Z', after: '2025-01-01T00:00:00.001Z' },
    })
  })
})
