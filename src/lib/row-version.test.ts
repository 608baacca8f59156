import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isSameVersion, nextUpdatedAt, versionOf } from './row-version.ts'

describe('row versions', () => {
  const at = new Date('2025-03-01T10:00:00.123Z')
  it('is the ISO timestamp', () => assert.equal(versionOf(at), '2025-03-01T10:00:00.123Z'))
  it('matches only the same timestamp', () => {
    assert.ok(isSameVersion(at, '2025-03-01T10:00:00.123Z'))
    for (const other of ['', '2025-03-01T10:00:00.124Z', 'garbage', '2025-03-01T10:00:00Z']) assert.ok(!isSameVersion(at, other), other)
  })
  it('always moves forward', () => {
    assert.equal(nextUpdatedAt(at, new Date('2025-03-02T00:00:00.000Z')).toISOString(), '2025-03-02T00:00:00.000Z')
    assert.equal(nextUpdatedAt(at, new Date(at.getTime())).toISOString(), '2025-03-01T10:00:00.124Z')
    assert.equal(nextUpdatedAt(at, new Date(at.getTime() - 5000)).toISOString(), '2025-03-01T10:00:00.124Z')
  })
})
