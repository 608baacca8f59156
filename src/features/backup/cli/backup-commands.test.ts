import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { DatabaseHandle } from '../../../db/client.ts'
import { createTestDatabase, testDatabaseKinds } from '../../../../test/databases.ts'
import { buildOrganisation } from '../../../../test/factories.ts'
import { memoryOutput } from '../../import/cli/progress.ts'
import { runBackup, runRestore } from './backup-commands.ts'

for (const kind of testDatabaseKinds()) {
  describe(`coophub backup and restore, what they print [${kind}]`, () => {
    let handle: DatabaseHandle
    let fresh: DatabaseHandle
    const folder = mkdtempSync(path.join(os.tmpdir(), 'coophub-backup-cli-'))
    const file = path.join(folder, 'one.backup')
    before(async () => {
      handle = await createTestDatabase(kind)
      fresh = await createTestDatabase(kind)
      await buildOrganisation(handle.db, { name: 'Printed Council' })
    })
    after(async () => {
      await handle?.close()
      await fresh?.close()
      rmSync(folder, { recursive: true, force: true })
    })

    it('backs up, saying what it wrote', async () => {
      const out = memoryOutput()
      assert.equal(await runBackup(handle, file, out), true)
      assert.match(
        out.lines[0]!,
        /^Backed up \d+ rows of \d+ tables from (the embedded database|PostgreSQL) \(schema 00\d\d_\w+\) to .*one\.backup \([\d.]+ kB\) in [\d.]+ s\.$/,
      )
      assert.ok(existsSync(file))
      assert.ok(!existsSync(`${file}.partial`))
    })

    it('never overwrites a file, nor writes into a folder that is not there', async () => {
      writeFileSync(path.join(folder, 'taken.backup'), 'mine')
      const out = memoryOutput()
      assert.equal(await runBackup(handle, path.join(folder, 'taken.backup'), out), false)
      assert.deepEqual(out.errors, [`${path.join(folder, 'taken.backup')} already exists: choose a new name (a backup never overwrites a file).`])
      const missing = memoryOutput()
      assert.equal(await runBackup(handle, path.join(folder, 'no', 'such.backup'), missing), false)
      assert.match(missing.errors[0]!, /^There is no folder .*no to write such\.backup in\.$/)
    })

    it('refuses to restore under a running embedded server, and says why a refused file is refused', async () => {
      const beside = memoryOutput()
      assert.equal(await runRestore(fresh, { pid: 4242, socketDir: folder }, file, { replace: false }, beside), false)
      assert.deepEqual(beside.errors, ['The coophub server (process 4242) is using this data folder: stop it, restore, then start it again.'])
      const inUse = memoryOutput()
      assert.equal(await runRestore(handle, null, file, { replace: false }, inUse), false)
      assert.match(inUse.errors[0]!, /^This database is not empty/)
    })

    it('restores, saying from what', async () => {
      const out = memoryOutput()
      assert.equal(await runRestore(fresh, null, file, { replace: false }, out), true)
      assert.match(out.lines[0]!, /^Restored \d+ rows of \d+ tables into .*, from a backup of .* made \d{4}-\d{2}-\d{2}T.*Z \(schema 00\d\d_\w+\)\.$/)
      const names = await fresh.pool.query<{ name: string }>(`SELECT name FROM organisations`)
      assert.deepEqual(
        names.rows.map((r) => r.name),
        ['Printed Council'],
      )
    })
  })
}
