// The command line end to end, as a person runs it: a fresh embedded database, the real
// reference data, then `coophub import --dry-run --json` on the two seed pages.

import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { DATA_DIR, NO_SEEDS, NO_SHARED_DATA, SEEDS_DIR } from '../../../../test/import/reading-support.ts'

const root = path.resolve(import.meta.dirname, '../../../..')
const skip = !existsSync(SEEDS_DIR) ? NO_SEEDS : !existsSync(DATA_DIR) ? NO_SHARED_DATA : false
if (skip) console.log(`# ${skip}`)

describe('coophub import --dry-run --json on the seeds', { skip }, () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'coophub-cli-'))
  after(() => rmSync(dataDir, { recursive: true, force: true }))
  // Never the developer's database: an embedded one of its own, whatever the environment says.
  // DATABASE_URL set but empty ("not set"), so that a developer's .env cannot fill it in.
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: '' }
  const coophub = (...args: string[]) => spawnSync(process.execPath, ['bin/coophub.js', ...args], { cwd: root, env, encoding: 'utf8', timeout: 60_000 })

  it('loads the reference data, then reads both seeds exactly, one JSON line each', () => {
    const principles = coophub('principles', 'import', path.join(DATA_DIR, 'ccin-principles.json'))
    assert.equal(principles.status, 0, principles.stderr)
    assert.match(principles.stdout, /Added +10:/)
    const authorities = coophub('authorities', 'import', path.join(DATA_DIR, 'uk_local_authorities_current.csv'))
    assert.equal(authorities.status, 0, authorities.stderr)
    assert.match(authorities.stdout, /470 in the file — 470 added/)

    const seeds = readdirSync(SEEDS_DIR)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => path.join(SEEDS_DIR, f))
    const result = coophub('import', '--dry-run', '--json', ...seeds)
    assert.equal(result.status, 0, result.stderr)
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    assert.equal(lines.length, 2)
    const [first, second] = lines
    assert.deepEqual(first!.principles, [
      'Co-production',
      'Innovation',
      'Learning',
      'New models of meeting priority needs',
      'Social partnership',
      'Walking the talk',
    ])
    assert.deepEqual(first!.contact, { name: 'Emma Moseley', jobTitle: 'Senior Policy Officer', organisation: 'Trafford Council' })
    assert.deepEqual([first!.leadMember, first!.authorities], ['Trafford Council', ['TRF']])
    assert.deepEqual(second!.principles, [
      'Co-production',
      'Community leadership and a new role for councillors',
      'Enterprise and social economy',
      'Innovation',
      'Learning',
      'New models of meeting priority needs',
      'Walking the talk',
    ])
    assert.equal(second!.contact, null)
    assert.deepEqual([second!.leadMember, second!.authorities], ['Bury', ['BUR']])
  })

  it('a file that cannot be read is a JSON error line and exit code 1', () => {
    const result = coophub('import', '--dry-run', '--json', path.join(dataDir, 'missing.txt'))
    assert.equal(result.status, 1)
    assert.deepEqual(JSON.parse(result.stdout.trim()), {
      file: path.join(dataDir, 'missing.txt'),
      error: `"${path.join(dataDir, 'missing.txt')}" does not exist.`,
    })
  })
})
