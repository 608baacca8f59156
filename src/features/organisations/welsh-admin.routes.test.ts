// The administrators' pages about organisations, in Welsh: the list, adding one, and confirming an unverified one.
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import { inputValue, summaryLinks } from '../../../test/admin-support.ts'
import type { Agent } from '../../../test/agent.ts'
import { signedInAgent } from '../../../test/agent.ts'
import { buildOrganisation } from '../../../test/factories.ts'
import { englishOn, englishPhrasesOn } from '../../../test/welsh.ts'

describeEachDatabase('admin: organisations in Welsh', (get) => {
  let admin: Agent
  let orgId = 0
  before(async () => {
    ;({ agent: admin } = await signedInAgent(get().app, get().handle.db, 'admin'))
    orgId = (await buildOrganisation(get().handle.db, { name: 'Cyngor Heb ei Wirio', verified: false, nation: 'Wales', region: 'Gwent', tier: 'associate' })).id
  })

  const welsh = (html: string) => {
    assert.match(html, /<html lang="cy"/)
    assert.deepEqual(englishOn(html), [])
    assert.deepEqual(englishPhrasesOn(html), [])
  }

  it('lists organisations in Welsh, an unverified one tagged', async () => {
    const res = await admin.get('/cy/admin/organisations')
    assert.equal(res.statusCode, 200)
    welsh(res.body)
    for (const words of ['Ychwanegu sefydliad', 'Heb ei ddilysu', 'Aelod cyswllt', 'Gwent, Cymru', '1 sefydliad:']) assert.ok(res.body.includes(words), words)
  })

  it('shows the form to add one in Welsh', async () => {
    const res = await admin.get('/cy/admin/organisations/new')
    assert.equal(res.statusCode, 200)
    welsh(res.body)
    for (const words of ['Math o sefydliad', 'Dewiswch haen', 'Gogledd Iwerddon', 'Cadw’r sefydliad']) assert.ok(res.body.includes(words), words)
  })

  it('explains wrong details in Welsh', async () => {
    const res = await admin.post('/cy/admin/organisations', { name: '', slug: 'Dim Da', kind: 'council', tier: '', gssCode: 'x', website: 'ftp://x' })
    assert.equal(res.statusCode, 400)
    welsh(res.body)
    const links = summaryLinks(res.body)
    assert.ok(links.includes('#name Rhowch enw’r sefydliad'), links.join('\n'))
    assert.ok(
      links.some((l) => l.startsWith('#slug Rhaid i’r cyfeiriad gwe ddefnyddio')),
      links.join('\n'),
    )
    assert.ok(links.includes('#tier Dewiswch haen aelodaeth'), links.join('\n'))
  })

  it('confirms an unverified organisation from its Welsh page, and says so in Welsh', async () => {
    const page = await admin.get(`/cy/admin/organisations/${orgId}`)
    assert.equal(page.statusCode, 200)
    welsh(page.body)
    assert.match(page.body, /Mae rhywun wedi gwirio’r manylion hyn/)
    const form = {
      name: 'Cyngor Heb ei Wirio',
      slug: '',
      kind: 'council',
      tier: 'associate',
      councilType: '',
      nation: 'Wales',
      region: 'Gwent',
      gssCode: '',
      website: '',
    }
    const saved = await admin.post(`/cy/admin/organisations/${orgId}`, { ...form, verified: 'yes', version: inputValue(page.body, 'version')! })
    assert.equal(saved.statusCode, 303)
    assert.equal(saved.headers.location, `/cy/admin/organisations?saved=${orgId}`)
    const list = await admin.get(String(saved.headers.location))
    welsh(list.body)
    assert.match(list.body, /Mae Cyngor Heb ei Wirio wedi’i gadw/)
    assert.doesNotMatch(list.body, /Heb ei ddilysu</)

    const clash = await admin.post(`/cy/admin/organisations/${orgId}`, { ...form, verified: 'yes', version: inputValue(page.body, 'version')! })
    assert.equal(clash.statusCode, 400)
    welsh(clash.body)
    assert.match(summaryLinks(clash.body)[0]!, /^#conflict Mae rhywun arall wedi newid y sefydliad hwn ers i chi ei agor\./)
    assert.match(clash.body, /Eu fersiwn nhw, a gadwyd ers i chi agor y dudalen hon/)
  })
})
