// The administrators' pages about contacts, in Welsh.
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import { summaryLinks } from '../../../test/admin-support.ts'
import type { Agent } from '../../../test/agent.ts'
import { signedInAgent } from '../../../test/agent.ts'
import { buildOrganisation, buildPerson } from '../../../test/factories.ts'
import { englishOn, englishPhrasesOn } from '../../../test/welsh.ts'

describeEachDatabase('admin: contacts in Welsh', (get) => {
  let admin: Agent
  let id = 0
  before(async () => {
    ;({ agent: admin } = await signedInAgent(get().app, get().handle.db, 'admin'))
    const org = await buildOrganisation(get().handle.db)
    id = (await buildPerson(get().handle.db, { name: 'Siân Jones', organisationId: org.id, publishContact: true })).id
  })

  const welsh = (html: string) => {
    assert.match(html, /<html lang="cy"/)
    assert.deepEqual(englishOn(html), [])
    assert.deepEqual(englishPhrasesOn(html), [])
  }

  it('lists contacts in Welsh', async () => {
    const res = await admin.get(`/cy/admin/contacts?saved=${id}`)
    assert.equal(res.statusCode, 200)
    welsh(res.body)
    for (const words of ['Mae Siân Jones wedi’i gadw', 'Ychwanegu cyswllt', 'Manylion yn gyhoeddus', '>Ie<']) assert.ok(res.body.includes(words), words)
  })

  it('shows the form to add and to edit a contact in Welsh', async () => {
    for (const url of ['/cy/admin/contacts/new', `/cy/admin/contacts/${id}`]) {
      const res = await admin.get(url)
      assert.equal(res.statusCode, 200, url)
      welsh(res.body)
      assert.match(res.body, /Manylion cyswllt cyhoeddus/)
      assert.match(res.body, /Cadw’r cyswllt/)
    }
  })

  it('explains wrong details in Welsh', async () => {
    const res = await admin.post('/cy/admin/contacts', { name: '', email: 'nid-e-bost', phone: 'ffôn', organisation: 'nid-yw-yn-bod' })
    assert.equal(res.statusCode, 400)
    welsh(res.body)
    const links = summaryLinks(res.body)
    assert.ok(links.includes('#name Rhowch enw’r cyswllt'), links.join('\n'))
    assert.ok(links.includes('#phone Rhowch rif ffôn, fel 01632 960 001 neu +44 808 157 0192'), links.join('\n'))
  })
})
