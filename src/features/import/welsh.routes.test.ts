// The import's pages in Welsh: the upload page and its errors, and the review screen with the
// reader's warnings in Welsh (the command line's output stays English).
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import { signedInAgent, type Agent } from '../../../test/agent.ts'
import { buildOrganisation } from '../../../test/factories.ts'
import { englishOn } from '../../../test/welsh.ts'
import { commandLineActor } from '../audit/record-audit.ts'
import { AUTHORITIES_CSV, PRINCIPLES_JSON, tempFolder } from '../../../test/import/cli-fixtures.ts'
import { memoryOutput } from './cli/progress.ts'
import { runAuthoritiesImport, runPrinciplesImport } from './cli/reference-commands.ts'

const inWelsh = (body: string, url: string) => {
  assert.match(body, /<html lang="cy"/, url)
  assert.deepEqual(englishOn(body), [], url)
}

describeEachDatabase('the import pages in Welsh', (get) => {
  let officer: Agent

  before(async () => {
    const { app, handle } = get()
    const folder = tempFolder()
    await runPrinciplesImport(handle.db, commandLineActor, folder.write('p.json', PRINCIPLES_JSON), memoryOutput())
    await runAuthoritiesImport(handle.db, commandLineActor, folder.write('a.csv', AUTHORITIES_CSV), memoryOutput(), false)
    folder.remove()
    await buildOrganisation(handle.db, { slug: 'elmstead', name: 'Elmstead City Council' })
    officer = (await signedInAgent(app, handle.db, 'officer', 'elmstead')).agent
  })

  it('the upload page, and its error in Welsh', async () => {
    const page = await officer.get('/cy/import')
    assert.equal(page.statusCode, 200)
    inWelsh(page.body, 'upload')
    assert.match(page.body, /Mewnforio astudiaeth achos/)
    assert.match(page.body, /Darllen yr astudiaeth achos/)

    const empty = await officer.post('/cy/import', { text: '' })
    assert.equal(empty.statusCode, 400)
    inWelsh(empty.body, 'upload error')
    assert.match(empty.body, /<a href="#document">Dewiswch ffeil neu gludwch destun astudiaeth achos<\/a>/)
  })

  it('the review screen, its warnings in Welsh', async () => {
    const res = await officer.post('/cy/import', { text: 'A community garden\n\nResidents of Elmstead planted a garden together in the park by the river.' })
    assert.equal(res.statusCode, 200)
    inWelsh(res.body, 'review')
    assert.match(res.body, /Gwirio’r astudiaeth achos a fewnforiwyd/)
    assert.match(res.body, /Heb ddod o hyd i floc ‘Principles met’; ychwanegwch yr egwyddorion â llaw\./)
    assert.match(res.body, /Dim bloc ‘For more information contact:’; nid oes cyswllt wedi’i gofnodi\./)
    assert.match(res.body, /Cam yn y rhaglen/)
    assert.match(res.body, /action="\/cy\/import\/save"/)
  })
})
