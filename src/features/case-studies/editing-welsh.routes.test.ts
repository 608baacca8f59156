// The editing form, its conflict page, the preview and the history in Welsh: every word from the
// catalogue (englishOn finds none of its English sentences), and the form's errors in Welsh.
import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import { signedInAgent, type Agent } from '../../../test/agent.ts'
import { buildCaseStudy, buildOrganisation, buildPrinciple } from '../../../test/factories.ts'
import { englishOn } from '../../../test/welsh.ts'

const inWelsh = (body: string, url: string) => {
  assert.match(body, /<html lang="cy"/, url)
  assert.deepEqual(englishOn(body), [], url)
}

describeEachDatabase('the editing pages in Welsh', (get) => {
  let officer: Agent
  let editor: Agent
  let home: number
  let principle: number

  before(async () => {
    const { app, handle } = get()
    home = (await buildOrganisation(handle.db, { slug: 'cartref', name: 'Cyngor Cartref' })).id
    principle = (await buildPrinciple(handle.db, { slug: 'rhannu', shortName: 'Rhannu grym', statement: 'Rydym yn rhannu grym.' })).id
    await buildCaseStudy(handle.db, { slug: 'marchnad', title: 'Marchnad y dref', leadId: home, principleIds: [principle] })
    officer = (await signedInAgent(app, handle.db, 'officer', 'cartref')).agent
    editor = (await signedInAgent(app, handle.db, 'editor')).agent
  })

  describe('pages', () => {
    it('the new case study form', async () => {
      const res = await officer.get('/cy/case-studies/new')
      assert.equal(res.statusCode, 200)
      inWelsh(res.body, 'new')
      assert.match(res.body, /Astudiaeth achos newydd/)
      assert.match(res.body, /Pa fath o waith ydyw\?/)
      assert.match(res.body, /Labordy polisi/)
      assert.match(res.body, /Sefydliad nad yw ar y rhestr/)
      assert.match(res.body, /Creu drafft/)
      assert.match(res.body, /action="\/cy\/case-studies\/new"/)
    })

    it('the edit form with its banner, the preview and the history', async () => {
      const edit = await officer.get('/cy/case-studies/marchnad/edit?saved=saved')
      assert.equal(edit.statusCode, 200)
      inWelsh(edit.body, 'edit')
      assert.match(edit.body, /Mae eich newidiadau wedi’u cadw\./)
      assert.match(edit.body, /Cadw a chyflwyno i’w adolygu/)

      const preview = await officer.get('/cy/case-studies/marchnad/preview')
      assert.equal(preview.statusCode, 200)
      inWelsh(preview.body, 'preview')
      assert.match(preview.body, /Dyma fersiwn 1 fel y byddai darllenwyr yn ei gweld ar ôl ei chyhoeddi\./)
      assert.match(preview.body, /href="\/cy\/case-studies\/marchnad\/edit"/)

      const history = await officer.get('/cy/case-studies/marchnad/history?restored=1')
      assert.equal(history.statusCode, 200)
      inWelsh(history.body, 'history')
      assert.match(history.body, /Hanes ‘Marchnad y dref’/)
      assert.match(history.body, /Cafodd fersiwn 1 ei hadfer fel fersiwn newydd\./)
      assert.match(history.body, /Fersiwn 1 \(llwythwyd, test\)/)
    })

    it('a comparison of two versions in the history, field by field', async () => {
      const form = { title: 'Marchnad y dref', kind: 'policy-lab', lead: String(home), principles: [String(principle)], baseRevision: '1', action: 'save' }
      assert.equal((await officer.post('/cy/case-studies/marchnad/edit', form)).statusCode, 303)
      const history = await officer.get('/cy/case-studies/marchnad/history?from=1&to=2')
      inWelsh(history.body, 'history compared')
      assert.match(history.body, /Fersiwn 1 o’i chymharu â fersiwn 2/)
      assert.match(history.body, /<th scope="row" class="govuk-table__header">Math<\/th>/)
      assert.match(history.body, /Labordy polisi/)
    })
  })

  describe('errors', () => {
    it('a form error, in the summary and beside the field', async () => {
      const res = await officer.post('/cy/case-studies/new', { title: '', kind: 'project', yearStart: 'ugain', action: 'save' })
      assert.equal(res.statusCode, 400)
      inWelsh(res.body, 'errors')
      assert.match(res.body, /<a href="#title">Rhowch deitl<\/a>/)
      assert.match(res.body, /<a href="#yearStart">Rhaid i’r flwyddyn gyntaf fod yn flwyddyn mewn 4 digid, fel 2022<\/a>/)
      assert.match(res.body, /<span class="govuk-visually-hidden">Gwall:<\/span> Rhowch deitl/)
    })

    it('a name typed into a picker that matched nothing, named in Welsh', async () => {
      const res = await officer.post('/cy/case-studies/new', { title: 'Gardd', kind: 'project', 'funders-typed': 'Sefydliad Unman', action: 'save' })
      assert.equal(res.statusCode, 400)
      inWelsh(res.body, 'unmatched')
      assert.match(res.body, /Nid yw ‘Sefydliad Unman’ ar y rhestr o sefydliadau/)
    })

    it('the conflict page when someone saved first', async () => {
      await buildCaseStudy(get().handle.db, { slug: 'gwrthdaro', title: 'Gwrthdaro', leadId: home, status: 'draft' })
      const base = { kind: 'project', lead: String(home), baseRevision: '1', action: 'save' }
      assert.equal((await editor.post('/cy/case-studies/gwrthdaro/edit', { ...base, title: 'Fersiwn y golygydd' })).statusCode, 303)
      const res = await officer.post('/cy/case-studies/gwrthdaro/edit', { ...base, title: 'Fersiwn y swyddog' })
      assert.equal(res.statusCode, 409)
      inWelsh(res.body, 'conflict')
      assert.match(res.body, /Mae rhywun arall wedi cadw’r astudiaeth achos hon tra oeddech chi’n ei golygu/)
      assert.match(res.body, /href="\/cy\/case-studies\/gwrthdaro\/edit">taflwch eich newidiadau/)
      assert.match(res.body, /<th scope="row" class="govuk-table__header">Teitl<\/th>/)
    })
  })
})
