// `coophub pb count` as a person runs it: the real entry point, in a child process.

import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'

const root = path.resolve(import.meta.dirname, '../../../..')
const sharedData = path.resolve(root, '../shared/data/pabulib')
const skip = existsSync(sharedData) ? false : `../shared/data/pabulib is absent (${sharedData}): the command is not run on real elections`
if (skip) console.log(`# ${skip}`)

const scratch = mkdtempSync(path.join(os.tmpdir(), 'coophub-pb-'))
after(() => rmSync(scratch, { recursive: true, force: true }))
// A data folder that must still not exist afterwards: counting opens no database.
const dataDir = path.join(scratch, 'data')
const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' }
const coophub = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/coophub.js', 'pb', 'count', ...args], { cwd: root, env, encoding: 'utf8', timeout: 60_000 })
/** stderr without bin/coophub.js's note that it runs the TypeScript sources. */
const errors = (stderr: string) => stderr.split('\n').filter((line) => line !== '' && !line.startsWith('coophub: '))

describe('coophub pb count on real elections', { skip }, () => {
  it('prints exactly one JSON object with --json', () => {
    const result = coophub(path.join(sharedData, 'Poland_Czestochowa_2020_Grabowka.pb'), '--rule', 'greedy', '--json')
    assert.equal(result.status, 0, result.stderr)
    assert.equal(result.stdout, '{"rule":"greedy","completion":"none","budget":225862,"cost":215294,"winners":["196","443","463","47","198"]}\n')
    assert.deepEqual(errors(result.stderr), [])
  })

  it('reproduces pabutools’ Equal Shares outcome', () => {
    const result = coophub(path.join(sharedData, 'netherlands_amsterdam_2022_west.pb'), '--rule', 'equal-shares', '--completion', 'none', '--json')
    assert.equal(result.status, 0, result.stderr)
    const printed = JSON.parse(result.stdout) as { rule: string; completion: string; budget: number; cost: number; winners: string[] }
    assert.deepEqual(Object.keys(printed), ['rule', 'completion', 'budget', 'cost', 'winners'])
    assert.equal(printed.cost, 238373)
    assert.equal(printed.winners.length, 26)
    assert.ok(printed.winners.includes('44485'))
  })

  it('prints a table of the funded projects and the totals, with Add1', () => {
    const result = coophub(path.join(sharedData, 'netherlands_amsterdam_2022_west.pb'), '--rule', 'equal-shares', '--completion', 'add1')
    assert.equal(result.status, 0, result.stderr)
    assert.match(result.stdout, /^412 ballots, 62 projects, budget 300000 EUR\. Counted by Method of Equal Shares \(cost satisfaction, completed by Add1\)\.$/m)
    assert.match(result.stdout, /^Add1: each voter's share raised from 728 to \d+ in \d+ raises/m)
    assert.match(result.stdout, /^#\s+project\s+cost\s+supporters\s+each paid\s+name$/m)
    assert.match(result.stdout, /^Funded: \d+ of 62 projects, costing \d+ EUR of 300000 EUR \(\d+ EUR left\)\.$/m)
    assert.equal(existsSync(dataDir), false)
  })

  it('prints greedy’s outcome for Toulouse', () => {
    const result = coophub(path.join(sharedData, 'France_Toulouse_2022_17_-_Mirail-Universite_Reynerie_Bellefontaine.pb'), '--rule', 'greedy')
    assert.equal(result.status, 0, result.stderr)
    assert.match(result.stdout, /^1\s+182\s+200000\.0\s+33\s+Aménagement de cours "OASIS"/m)
    assert.match(result.stdout, /^Funded: 2 of 10 projects, costing 400000\.0 EUR of 400000\.0 EUR \(0\.0 EUR left\)\.$/m)
  })
})

describe('coophub pb count refusing', () => {
  const broken = path.join(scratch, 'broken.pb')
  writeFileSync(broken, 'META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\nA;4\nVOTES\nvoter_id;vote\n1;A,Z\n')

  for (const [what, args, message] of [
    [
      'a malformed file, naming the line',
      [broken, '--rule', 'greedy'],
      `coophub pb count: ${broken}: line 9: voter 1 votes for project "Z", which PROJECTS does not list`,
    ],
    ['a missing file', [path.join(scratch, 'absent.pb'), '--rule', 'greedy'], `coophub pb count: cannot read ${path.join(scratch, 'absent.pb')}: no such file`],
    ['an unknown rule', [broken, '--rule', 'borda'], "error: option '--rule <rule>' argument 'borda' is invalid. Allowed choices are greedy, equal-shares."],
    ['no rule', [broken], "error: required option '--rule <rule>' not specified"],
    [
      'a completion for greedy',
      [broken, '--rule', 'greedy', '--completion', 'add1'],
      'coophub pb count: --completion, --compare-with-greedy and --step apply only to --rule equal-shares',
    ],
  ] as const)
    it(`refuses ${what} in one line, with exit code 1`, () => {
      const result = coophub(...args)
      assert.equal(result.status, 1)
      assert.equal(result.stdout, '')
      assert.deepEqual(errors(result.stderr), [message])
    })
})

describe('coophub pb count during a long Add1 count', () => {
  it('warns that it may take long, and stops on Ctrl-C', async () => {
    // Shares of half a billion units raised one unit at a time: hundreds of millions of counts.
    const huge = path.join(scratch, 'huge.pb')
    writeFileSync(
      huge,
      'META\nkey;value\nbudget;1000000000\nvote_type;approval\nPROJECTS\nproject_id;cost\nA;900000000\nB;600000000\nVOTES\nvoter_id;vote\n1;A,B\n2;A\n',
    )
    const child = spawn(process.execPath, ['bin/coophub.js', 'pb', 'count', huge, '--rule', 'equal-shares', '--completion', 'add1'], { cwd: root, env })
    let stderr = ''
    child.stderr.setEncoding('utf8')
    const warned = new Promise<void>((resolve) =>
      child.stderr.on('data', (chunk: string) => {
        stderr += chunk
        if (stderr.includes('Add1 may count very many times')) resolve()
      }),
    )
    const exited = once(child, 'exit')
    await warned
    await new Promise((resolve) => setTimeout(resolve, 500))
    const asked = Date.now()
    child.kill('SIGINT')
    const [code, signal] = (await exited) as [number | null, NodeJS.Signals | null]
    assert.ok(signal === 'SIGINT' || code === 130, `ended with ${code ?? signal}`)
    assert.ok(Date.now() - asked < 5000)
  })
})
