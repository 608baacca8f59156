// The administrators' pages about principles, in Welsh: the list, the form and earlier wordings.
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import { inputValue, summaryLinks } from '../../../test/admin-support.ts'
import type { Agent } from '../../../test/agent.ts'
import { signedInAgent } from '../../../test/agent.ts'
import { buildPrinciple } from '../../../test/factories.ts'
import { englishOn } from '../../../test/welsh.ts'

describeEachDatabase('admin: principles in Welsh', (get) => {
  let admin: Agent
  let id = 0
  before(async () => {
    ;({ agent: admin } = await signedInAgent(get().app, get().handle.db, 'admin'))
    const p = await buildPrinciple(get().handle.db, { slug: 'rhannu-pwer', shortName: 'Rhannu pŵer', statement: 'Rydym yn rhannu pŵer.' })
    id = p.id
    const page = await admin.get(`/admin/principles/${id}`)
    const res = await admin.post(`/cy/admin/principles/${id}`, {
      shortName: 'Rhannu grym',
      slug: 'rhannu-pwer',
      statement: 'Rydym yn rhannu grym.',
      position: String(p.position),
      version: inputValue(page.body, 'version')!,
    })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `/cy/admin/principles?saved=${id}`)
  })

  const welsh = (html: string) => {
    assert.match(html, /<html lang="cy"/)
    assert.deepEqual(englishOn(html), [])
  }

  it('lists principles in Welsh, with the banner after a save', async () => {
    const res = await admin.get(`/cy/admin/principles?saved=${id}`)
    assert.equal(res.statusCode, 200)
    welsh(res.body)
    for (const words of ['Mae Rhannu grym wedi’i chadw', 'Ychwanegu egwyddor', 'Newidiwyd ddiwethaf', 'Enw byr']) assert.ok(res.body.includes(words), words)
  })

  it('shows a principle and its earlier wording in Welsh', async () => {
    const res = await admin.get(`/cy/admin/principles/${id}`)
    assert.equal(res.statusCode, 200)
    welsh(res.body)
    for (const words of ['Geiriadau cynharach', 'Disodlwyd', '(gweinyddu)', 'Cadw’r egwyddor', 'Gweld y dudalen gyhoeddus'])
      assert.ok(res.body.includes(words), words)
  })

  it('explains a wrong principle in Welsh', async () => {
    const res = await admin.post('/cy/admin/principles', { shortName: '', slug: '', statement: '', position: '1000' })
    assert.equal(res.statusCode, 400)
    welsh(res.body)
    assert.deepEqual(summaryLinks(res.body), [
      '#shortName Rhowch yr enw byr',
      '#statement Rhowch y datganiad',
      '#position Rhaid i’r safle fod yn rhif cyfan rhwng 1 a 999',
    ])
  })
})
