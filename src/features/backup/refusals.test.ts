import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { gunzipSync, gzipSync } from 'node:zlib'
import type { DatabaseHandle } from '../../db/client.ts'
import { createTestDatabase, testDatabaseKinds } from '../../../test/databases.ts'
import { buildCaseStudy, buildOrganisation } from '../../../test/factories.ts'
import { databaseFingerprint } from '../../../test/fingerprint.ts'
import { RestoreRefused } from './manifest.ts'
import { restoreBackup } from './restore-backup.ts'
import { takeBackup } from './take-backup.ts'

/** The file's lines changed by `edit`, signed again (a file a newer coophub could have written). */
async function rewritten(file: string, to: string, edit: (lines: string[]) => string[], resign = true): Promise<string> {
  const lines = gunzipSync(await readFile(file))
    .toString('utf8')
    .trimEnd()
    .split('\n')
  const body = edit(lines.slice(0, -1))
  const text = body.map((l) => `${l}\n`).join('')
  const trailer = resign ? JSON.stringify({ end: true, sha256: createHash('sha256').update(text).digest('hex') }) : lines.at(-1)!
  await writeFile(to, gzipSync(`${text}${trailer}\n`))
  return to
}

for (const kind of testDatabaseKinds()) {
  describe(`restore refuses a bad file or a database in use, changing nothing [${kind}]`, () => {
    let source: DatabaseHandle
    let target: DatabaseHandle
    let folder: string
    let good: string
    let before_: Record<string, string>

    before(async () => {
      folder = await mkdtemp(path.join(os.tmpdir(), 'coophub-refusals-'))
      good = path.join(folder, 'good.backup')
      source = await createTestDatabase(kind)
      const lead = await buildOrganisation(source.db, { name: 'Backed-up Council' })
      for (let i = 0; i < 3; i++) await buildCaseStudy(source.db, { leadId: lead.id, title: `Backed up ${i}` })
      await takeBackup(source.pool, source.kind, good)
      target = await createTestDatabase(kind)
      await buildOrganisation(target.db, { name: 'Already Here Council' })
      before_ = await databaseFingerprint(target.db)
    })
    after(async () => {
      await source?.close()
      await target?.close()
      await rm(folder, { recursive: true, force: true })
    })

    const refuses = async (file: string, replace: boolean, message: RegExp) => {
      await assert.rejects(restoreBackup(target.pool, file, { replace }), (error: unknown) => {
        assert.ok(error instanceof RestoreRefused, String(error))
        assert.match(error.message, message)
        return true
      })
      assert.deepEqual(await databaseFingerprint(target.db), before_, 'nothing changed')
    }

    it('refuses a database in use without --replace', async () => {
      await refuses(good, false, /This database is not empty \(.*public\.organisations.*\)\. Restore into a new database, or add --replace/)
    })

    it('refuses a backup from a newer schema, naming both versions', async () => {
      const newer = await rewritten(good, path.join(folder, 'newer.backup'), ([header, ...rest]) => {
        const parsed = JSON.parse(header!) as { schema: { migration: number; tag: string } }
        parsed.schema = { migration: parsed.schema.migration + 1, tag: '0099_from_the_future' }
        return [JSON.stringify(parsed), ...rest]
      })
      await refuses(
        newer,
        true,
        /made by a newer coophub: its database schema is at migration 0099_from_the_future, this database at 00\d\d_\w+\. Upgrade coophub/,
      )
    })

    it('refuses a backup from an older schema, whose rows later migrations never saw', async () => {
      const older = await rewritten(good, path.join(folder, 'older.backup'), ([header, ...rest]) => {
        const parsed = JSON.parse(header!) as { schema: { migration: number; tag: string } }
        parsed.schema = { migration: parsed.schema.migration - 1, tag: '0001_foundation' }
        return [JSON.stringify(parsed), ...rest]
      })
      await refuses(
        older,
        true,
        /made by an older coophub: its database schema is at migration 0001_foundation, .* Restore it with the coophub version that made it/,
      )
    })

    it('refuses a truncated file', async () => {
      const bytes = await readFile(good)
      const cut = path.join(folder, 'cut.backup')
      await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length * 0.7)))
      await refuses(cut, true, /This backup is truncated/)
    })

    it('refuses a file whose last line (the checksum) is missing', async () => {
      const noEnd = path.join(folder, 'no-end.backup')
      const lines = gunzipSync(await readFile(good))
        .toString('utf8')
        .trimEnd()
        .split('\n')
      await writeFile(noEnd, gzipSync(lines.slice(0, -1).join('\n') + '\n'))
      await refuses(noEnd, true, /This backup is truncated: its last line, with the checksum, is missing/)
    })

    it('refuses a file altered after it was written, after loading every row (all rolled back)', async () => {
      const altered = await rewritten(good, path.join(folder, 'altered.backup'), (lines) => lines.map((l) => l.replace('Backed up 2', 'Backed up X')), false)
      await refuses(altered, true, /This backup is corrupt: its checksum does not match its contents/)
    })

    it('refuses a damaged gzip stream', async () => {
      const bytes = Buffer.from(await readFile(good))
      for (let i = 40; i < 60; i++) bytes[i] = bytes[i]! ^ 0xff
      const damaged = path.join(folder, 'damaged.backup')
      await writeFile(damaged, bytes)
      await refuses(damaged, true, /This backup is (corrupt|truncated)/)
    })

    it('refuses a file that is not a backup', async () => {
      const other = path.join(folder, 'other.backup')
      await writeFile(other, gzipSync('{"hello": "world"}\n'))
      await refuses(other, true, /not a coophub backup/)
      await refuses(path.join(folder, 'missing.backup'), true, /There is no file/)
    })

    it('with --replace, puts the backup in place of what the database held', async () => {
      await restoreBackup(target.pool, good, { replace: true })
      assert.deepEqual(await databaseFingerprint(target.db), await databaseFingerprint(source.db))
    })
  })
}
