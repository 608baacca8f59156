import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { backupsToDelete, scheduledBackupName, scheduledBackups, takenAt } from './retention.ts'

describe('scheduled backups’ names', () => {
  it('name a backup for its moment in UTC, and read it back', () => {
    const at = new Date('2026-12-07T02:30:05.987Z')
    assert.equal(scheduledBackupName(at), 'coophub-2026-12-07T023005Z.backup')
    assert.deepEqual(takenAt('coophub-2026-12-07T023005Z.backup'), new Date('2026-12-07T02:30:05Z'))
  })
  for (const other of [
    'notes.txt',
    'coophub-2026-12-07T023005Z.backup.partial',
    'coophub-2026-02-30T000000Z.backup',
    'coophub-2026-12-07.backup',
    'my-coophub-2026-12-07T023005Z.backup',
  ]) {
    it(`ignore ${other}`, () => assert.equal(takenAt(other), null))
  }
})

describe('keeping the newest N', () => {
  const names = [
    'coophub-2026-12-05T023000Z.backup',
    'coophub-2026-12-07T023000Z.backup',
    'readme.txt',
    'coophub-2026-12-06T023000Z.backup',
    'coophub-2025-12-31T235959Z.backup',
    'coophub-2026-12-07T023000Z.backup.partial',
  ]
  it('lists scheduled backups newest first', () => {
    assert.deepEqual(
      scheduledBackups(names).map((b) => b.name),
      ['coophub-2026-12-07T023000Z.backup', 'coophub-2026-12-06T023000Z.backup', 'coophub-2026-12-05T023000Z.backup', 'coophub-2025-12-31T235959Z.backup'],
    )
  })
  for (const [keep, deleted] of [
    [1, ['coophub-2026-12-06T023000Z.backup', 'coophub-2026-12-05T023000Z.backup', 'coophub-2025-12-31T235959Z.backup']],
    [3, ['coophub-2025-12-31T235959Z.backup']],
    [4, []],
    [10, []],
    [0, ['coophub-2026-12-06T023000Z.backup', 'coophub-2026-12-05T023000Z.backup', 'coophub-2025-12-31T235959Z.backup']],
  ] as const) {
    it(`keep ${keep}: deletes ${deleted.length}, never the newest nor other files`, () => assert.deepEqual(backupsToDelete(names, keep), deleted))
  }
})
