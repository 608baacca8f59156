import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, it } from 'node:test'
import { createTestDatabase, testDatabaseKinds } from '../../../test/databases.ts'
import { buildOrganisation } from '../../../test/factories.ts'
import { restoreBackup } from './restore-backup.ts'
import { takeBackup } from './take-backup.ts'

// The embedded database has one session, so nothing can write while its backup's transaction
// runs; PostgreSQL goes on taking writes, and the backup must not see them.
const skip = !testDatabaseKinds().includes('postgres') && 'PostgreSQL only (TEST_DATABASE_URL)'

describe('a backup is one snapshot while the site goes on writing [postgres]', { skip }, () => {
  it('holds the database as it was when it began, not the writes made during it', async () => {
    const source = await createTestDatabase('postgres')
    const target = await createTestDatabase('postgres')
    const folder = await mkdtemp(path.join(os.tmpdir(), 'coophub-snapshot-'))
    try {
      for (let i = 0; i < 3; i++) await buildOrganisation(source.db, { name: `Before ${i} Council` })
      let wrote = false
      const file = path.join(folder, 'snapshot.backup')
      await takeBackup(source.pool, source.kind, file, async () => {
        if (wrote) return
        wrote = true
        // Other connections of the pool, as the site's requests would be; committed at once.
        await buildOrganisation(source.db, { name: 'During Council' })
        await source.pool.query(`UPDATE organisations SET name = 'Renamed during' WHERE name = 'Before 0 Council'`)
      })
      assert.ok(wrote)
      await restoreBackup(target.pool, file, { replace: false })
      const names = await target.pool.query<{ name: string }>(`SELECT name FROM organisations ORDER BY name`)
      assert.deepEqual(
        names.rows.map((r) => r.name),
        ['Before 0 Council', 'Before 1 Council', 'Before 2 Council'],
      )
    } finally {
      await source.close()
      await target.close()
      await rm(folder, { recursive: true, force: true })
    }
  })
})
