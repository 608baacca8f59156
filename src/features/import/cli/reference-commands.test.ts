import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, describe, it } from 'node:test'
import { asc, eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../../test/app.ts'
import { auditEvents, localAuthorities, principleRevisions, principles } from '../../../db/schema/index.ts'
import { commandLineActor } from '../../audit/record-audit.ts'
import { AUTHORITIES_CSV, PRINCIPLES_JSON, tempFolder } from '../../../../test/import/cli-fixtures.ts'
import type { TempFolder } from '../../../../test/import/cli-fixtures.ts'
import { memoryOutput } from './progress.ts'
import { parseAuthoritiesCsv } from '../parse-authorities-csv.ts'
import { runAuthoritiesImport, runPrinciplesImport, shippedAuthoritiesFile } from './reference-commands.ts'

describeEachDatabase('coophub principles import and authorities import', (get) => {
  let folder: TempFolder
  before(() => {
    folder = tempFolder()
  })
  after(() => folder.remove())

  it('adds the principles in order, with sub-points kept inline, and says so', async () => {
    const { db } = get().handle
    const out = memoryOutput()
    const result = await runPrinciplesImport(db, commandLineActor, folder.write('principles.json', PRINCIPLES_JSON), out)
    assert.deepEqual(result?.added, ['Sharing power', 'Trying new things', 'Living our values'])
    const rows = await db.select().from(principles).orderBy(asc(principles.position))
    assert.deepEqual(
      rows.map((r) => [r.slug, r.position]),
      [
        ['sharing-power', 1],
        ['trying-new-things', 2],
        ['living-our-values', 3],
      ],
    )
    assert.match(rows[2]!.statement, /practice through: • Helping each other: Members lend .* • Open to all: Any council/)
    assert.match(out.lines.join('\n'), /Added +3: Sharing power; Trying new things; Living our values/)
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.action, 'principle-created'))
    assert.equal(audit.length, 3)
    assert.equal(audit[0]!.actorLabel, 'command line')
  })

  it('is idempotent, then updates by short name (any case) and keeps the old wording', async () => {
    const { db } = get().handle
    const again = await runPrinciplesImport(db, commandLineActor, folder.write('principles.json', PRINCIPLES_JSON), memoryOutput())
    assert.deepEqual(again?.unchanged.length, 3)
    assert.equal((await db.select().from(principleRevisions)).length, 0)

    const changed = JSON.parse(PRINCIPLES_JSON) as Array<{ name: string; statement: string; order: number }>
    changed[1] = { name: 'TRYING NEW THINGS', statement: 'We will try new ideas together with neighbourhoods.', order: 5 }
    changed.push({ name: 'Learning together', statement: 'We will share what each project teaches us.', order: 4 })
    const out = memoryOutput()
    const result = await runPrinciplesImport(db, commandLineActor, folder.write('v2.json', JSON.stringify(changed)), out)
    assert.deepEqual(result?.updated, ['TRYING NEW THINGS'])
    assert.deepEqual(result?.added, ['Learning together'])
    const [row] = await db.select().from(principles).where(eq(principles.slug, 'trying-new-things'))
    assert.equal(row!.shortName, 'TRYING NEW THINGS')
    assert.equal(row!.position, 5)
    const history = await db.select().from(principleRevisions)
    assert.deepEqual(
      history.map((h) => [h.shortName, h.statement, h.position, h.source]),
      [['Trying new things', 'We will test fresh ideas with neighbourhoods and keep what works.', 2, 'v2.json']],
    )
    assert.match(out.lines.join('\n'), /earlier wording of each updated principle is kept/)
  })

  it('refuses a bad principles file with every problem, changing nothing', async () => {
    const { db } = get().handle
    const out = memoryOutput()
    const result = await runPrinciplesImport(db, commandLineActor, folder.write('bad.json', '[{"statement": "x"}, 3]'), out)
    assert.equal(result, null)
    assert.deepEqual(out.errors.slice(1), ['  Principle 1 has no "name" (its short name).', '  Principle 2 is not an object.'])
    assert.equal(await runPrinciplesImport(db, commandLineActor, folder.dir + '/missing.json', out), null)
    assert.match(out.errors.at(-1)!, /missing\.json does not exist\./)
  })

  it('loads the register idempotently and credits mySociety', async () => {
    const { db } = get().handle
    const file = folder.write('authorities.csv', AUTHORITIES_CSV)
    const out = memoryOutput()
    const first = await runAuthoritiesImport(db, commandLineActor, file, out, false)
    assert.deepEqual(first, { total: 3, added: 3, updated: 0, unchanged: 0 })
    assert.match(out.lines.join('\n'), /mySociety .*CC BY 4\.0/)
    const second = await runAuthoritiesImport(db, commandLineActor, file, memoryOutput(), false)
    assert.deepEqual(second, { total: 3, added: 0, updated: 0, unchanged: 3 })
    const third = await runAuthoritiesImport(
      db,
      commandLineActor,
      folder.write('a2.csv', AUTHORITIES_CSV.replace('Elmstead City Council', 'Elmstead Council')),
      memoryOutput(),
      false,
    )
    assert.deepEqual(third, { total: 3, added: 0, updated: 1, unchanged: 2 })
    const [elm] = await db.select().from(localAuthorities).where(eq(localAuthorities.code, 'ELM'))
    assert.equal(elm!.officialName, 'Elmstead Council')
    assert.deepEqual(elm!.altNames, ['Elmstead', 'Elmstead UA'])
    assert.equal(elm!.startDate, '1996-04-01')
    assert.equal((await db.select().from(localAuthorities)).length, 3)
  })

  it('refuses a file that is not the register', async () => {
    const out = memoryOutput()
    assert.equal(await runAuthoritiesImport(get().handle.db, commandLineActor, folder.write('x.csv', 'code,name\nA,B'), out, false), null)
    assert.match(out.errors.join('\n'), /lacks the columns local-authority-code, official-name/)
  })
})

describe('the register shipped with coophub', () => {
  it('is there for `coophub authorities import` with no file, and reads whole', async () => {
    const parsed = parseAuthoritiesCsv(await readFile(shippedAuthoritiesFile, 'utf8'))
    assert.ok(parsed.ok)
    assert.equal(parsed.ok && parsed.value.length, 470)
  })
})
