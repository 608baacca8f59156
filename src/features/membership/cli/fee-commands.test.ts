import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { DatabaseHandle } from '../../../db/client.ts'
import { councilFigures, feeSchedules } from '../../../db/schema/index.ts'
import { createTestDatabase, testDatabaseKinds } from '../../../../test/databases.ts'
import { buildRegisterCouncil, exampleScheduleFile } from '../../../../test/membership.ts'
import { commandLineActor } from '../../audit/record-audit.ts'
import { runFeeCommand, runFeesImport, runFiguresImport, type Output } from './fee-commands.ts'

function collect(): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = []
  const errors: string[] = []
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) }
}

const folder = mkdtempSync(path.join(tmpdir(), 'coophub-fees-'))
const file = (name: string, text: string) => {
  const p = path.join(folder, name)
  writeFileSync(p, text)
  return p
}

for (const kind of testDatabaseKinds()) {
  describe(`membership fee commands [${kind}]`, () => {
    let handle: DatabaseHandle
    before(async () => {
      handle = await createTestDatabase(kind)
      await buildRegisterCouncil(handle.db, { code: 'BIG', name: 'Bigcity', population: 640_000 })
      await buildRegisterCouncil(handle.db, { code: 'SML', name: 'Smallton', population: 90_000 })
    })
    after(() => handle.close())

    it('loads the example schedule, and a second load of the year is its next version', async () => {
      const first = collect()
      assert.equal(await runFeesImport(handle.db, commandLineActor, exampleScheduleFile, first), true)
      assert.match(first.lines[0]!, /Loaded the 2026\/27 fee schedule, version 1: Example schedule/)
      const second = collect()
      assert.equal(await runFeesImport(handle.db, commandLineActor, exampleScheduleFile, second), true)
      assert.match(second.lines[0]!, /version 2/)
      assert.equal((await handle.db.select().from(feeSchedules)).length, 2)
    })

    it('refuses a bad schedule with a message per problem, loading nothing', async () => {
      const out = collect()
      const bad = file('bad.json', JSON.stringify({ year: 2027, currency: 'GBP', label: 'x', joining: 'sometimes', tiers: { full: { fixed: '12.345' } } }))
      assert.equal(await runFeesImport(handle.db, commandLineActor, bad, out), false)
      assert.match(out.errors[0]!, /nothing was loaded/)
      assert.ok(
        out.errors.some((e) => e.includes('joining')),
        out.errors.join('\n'),
      )
      assert.ok(
        out.errors.some((e) => e.includes('tiers.full.fixed')),
        out.errors.join('\n'),
      )
      assert.ok(
        out.errors.some((e) => e.includes('tiers.associate')),
        out.errors.join('\n'),
      )
      assert.ok(!out.errors.some((e) => /membership\.\w+\./.test(e)), 'every message is words, not a key')
      const missing = collect()
      assert.equal(await runFeesImport(handle.db, commandLineActor, path.join(folder, 'none.json'), missing), false)
      assert.match(missing.errors[0]!, /no such file/)
    })

    it('prints a fee as JSON for scripts, from a council’s register population or from figures', async () => {
      const out = collect()
      assert.equal(await runFeeCommand(handle.db, { tier: 'full', year: 2026, council: 'BIG', json: true }, out), true)
      assert.deepEqual(JSON.parse(out.lines[0]!), {
        tier: 'full',
        year: 2026,
        amount: '5000.00',
        currency: 'GBP',
        band: 'Over 600,000 residents',
        schedule: "Example schedule — not the network's real fees",
      })
      const typed = collect()
      assert.equal(await runFeeCommand(handle.db, { tier: 'full', year: 2026, population: 100_000, json: true }, typed), true)
      assert.equal(JSON.parse(typed.lines[0]!).amount, '1500.00')
      const fixed = collect()
      assert.equal(await runFeeCommand(handle.db, { tier: 'supporter', year: 2026, json: false }, fixed), true)
      assert.match(fixed.lines[0]!, /Supporter, 2026\/27: £50.00 a year/)
    })

    it('says why it cannot price: no schedule for the year, no figure, an unknown tier or council', async () => {
      const cases: Array<[Parameters<typeof runFeeCommand>[1], RegExp]> = [
        [{ tier: 'full', year: 2031, population: 5, json: false }, /No fee schedule has been loaded for 2031\/32/],
        [{ tier: 'full', year: 2026, json: false }, /population/i],
        [{ tier: 'gold', year: 2026, json: false }, /--tier must be one of/],
        [{ tier: 'full', year: 2026, council: 'NOPE', json: false }, /no council with the code NOPE/],
        [{ tier: 'full', year: 2026, council: 'SML', population: 4, json: false }, /either --council or --population/],
      ]
      for (const [options, message] of cases) {
        const out = collect()
        assert.equal(await runFeeCommand(handle.db, options, out), false)
        assert.match(out.errors.join('\n'), message)
      }
    })

    it('imports figures in bulk, and nothing when a row is wrong', async () => {
      const good = file(
        'figures.csv',
        'code,population,population_year,population_source,budget_pounds,budget_year,budget_source\nSML,95000,2024,ONS mid-year estimate,250000000,2025,Budget book 2025/26\nBIG,650000,2024,ONS,,,\n',
      )
      const out = collect()
      assert.equal(await runFiguresImport(handle.db, commandLineActor, good, out), true)
      assert.match(out.lines.at(-1)!, /Imported the figures of 2 councils/)
      const rows = await handle.db.select().from(councilFigures)
      assert.equal(rows.find((r) => r.authorityCode === 'SML')?.budgetPence, 25_000_000_000)
      const priced = collect()
      await runFeeCommand(handle.db, { tier: 'full', year: 2026, council: 'SML', json: false }, priced)
      assert.match(priced.lines.join('\n'), /population 95,000 \(2024, ONS mid-year estimate\)/)

      const bad = file('bad.csv', 'code,population,population_year,population_source\nSML,-4,2024,ONS\nZZZ,100,2024,ONS\n')
      const refused = collect()
      assert.equal(await runFiguresImport(handle.db, commandLineActor, bad, refused), false)
      assert.match(refused.errors.join('\n'), /Line 2/)
      assert.match(refused.errors.join('\n'), /ZZZ/)
      const after = await handle.db.select().from(councilFigures)
      assert.equal(after.find((r) => r.authorityCode === 'SML')?.population, 95_000)
    })
  })
}
