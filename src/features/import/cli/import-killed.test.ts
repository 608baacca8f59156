// `coophub import` as a person runs it, killed (SIGKILL) as soon as it has said it imported
// something: every document it said it imported must be stored, and running it again must store
// the rest without duplicates. An import used to print a batch as soon as its commit returned,
// with asynchronous commit: the embedded database, killed with the process, lost the batch.

import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { openDatabase, type DatabaseKind } from '../../../db/client.ts'
import { createEmptyPostgresDatabase, testDatabaseKinds } from '../../../../test/databases.ts'
import { caseStudyText, tempFolder, type TempFolder } from '../../../../test/import/cli-fixtures.ts'

const root = path.resolve(import.meta.dirname, '../../../..')
// Two and a half batches of 500: the kill lands while the second is written.
const documents = 1_250

interface Printed {
  file: string
  status: string
}

/** Runs `coophub import --json` and kills it the moment its first line is out. */
function importKilledAfterFirstLines(env: NodeJS.ProcessEnv, folder: string): Promise<Printed[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/coophub.js', 'import', '--json', `${folder}/*.txt`], { cwd: root, env })
    let out = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8')
      if (out.includes('\n')) child.kill('SIGKILL')
    })
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`The import ended by itself (${code}) before it could be killed: ${stderr}`))
      // The last line may be cut by the kill: only whole lines were said.
      const whole = out.slice(0, out.lastIndexOf('\n'))
      resolve(whole.split('\n').map((line) => JSON.parse(line) as Printed))
    })
  })
}

async function storedSources(target: { url: string } | { embedded: string }): Promise<string[]> {
  const handle = await openDatabase(target)
  try {
    const rows = await handle.pool.query<{ source_url: string }>(`SELECT source_url FROM case_studies WHERE source_url IS NOT NULL`)
    return rows.rows.map((r) => r.source_url)
  } finally {
    await handle.close()
  }
}

for (const kind of testDatabaseKinds()) {
  describe(`coophub import killed with SIGKILL, then run again [${kind as DatabaseKind}]`, () => {
    let folder: TempFolder
    let env: NodeJS.ProcessEnv
    let target: { url: string } | { embedded: string }
    let cleanUp: () => Promise<void>

    before(async () => {
      folder = tempFolder()
      for (let i = 1; i <= documents; i++)
        folder.write(`docs/case-${String(i).padStart(4, '0')}.txt`, caseStudyText(`Killed import number ${i} of ${documents}`))
      if (kind === 'postgres') {
        const database = await createEmptyPostgresDatabase()
        env = { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent' }
        target = { url: database.url }
        cleanUp = database.drop
      } else {
        const dataDir = mkdtempSync(path.join(os.tmpdir(), 'coophub-killed-'))
        // Never the developer's database: DATABASE_URL set but empty ("not set").
        env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' }
        target = { embedded: dataDir }
        cleanUp = async () => rmSync(dataDir, { recursive: true, force: true })
      }
      const migrated = spawnSync(process.execPath, ['bin/coophub.js', 'migrate'], { cwd: root, env, encoding: 'utf8', timeout: 120_000 })
      assert.equal(migrated.status, 0, migrated.stderr)
    })
    after(async () => {
      folder?.remove()
      await cleanUp?.()
    })

    it('has stored every document it printed as imported, and a second run stores the rest once each', { timeout: 300_000 }, async () => {
      const printed = await importKilledAfterFirstLines(env, path.join(folder.dir, 'docs'))
      const imported = printed.filter((p) => p.status === 'imported').map((p) => path.resolve(folder.dir, p.file))
      assert.ok(imported.length > 0 && imported.length < documents, `killed part-way (${imported.length} printed)`)
      // The data folder opens again at once: the dead process's lock is taken over.
      const stored = new Set(await storedSources(target))
      assert.deepEqual(
        imported.filter((file) => !stored.has(file)),
        [],
        'every document printed as imported is stored',
      )

      const again = spawnSync(process.execPath, ['bin/coophub.js', 'import', '--json', `${folder.dir}/docs/*.txt`], {
        cwd: root,
        env,
        encoding: 'utf8',
        timeout: 240_000,
        maxBuffer: 256 * 1024 * 1024,
      })
      assert.equal(again.status, 0, again.stderr)
      const second = again.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Printed)
      assert.equal(second.length, documents)
      assert.equal(second.filter((p) => p.status === 'unchanged').length, stored.size, 'what was stored is recognised, not stored again')
      const sources = await storedSources(target)
      assert.equal(sources.length, documents)
      assert.equal(new Set(sources).size, documents, 'no document stored twice')
    })
  })
}
