// The outbox pages in Welsh (the emails themselves are in their recipient's language).
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import type { Agent } from '../../../test/agent.ts'
import { signedInAgent } from '../../../test/agent.ts'
import { englishOn } from '../../../test/welsh.ts'

describeEachDatabase('outbox in Welsh', (get) => {
  let admin: Agent
  before(async () => {
    ;({ agent: admin } = await signedInAgent(get().app, get().handle.db, 'admin'))
    const res = await admin.post('/admin/users', { email: 'gwahoddiad@example.org', name: 'Gwahoddedig', role: 'editor', organisation: '' })
    assert.equal(res.statusCode, 303)
  })

  it('lists emails in Welsh', async () => {
    const res = await admin.get('/cy/admin/outbox')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<html lang="cy"/)
    assert.deepEqual(englishOn(res.body), [])
    for (const words of ['Blwch anfon', '1 neges e-bost, y diweddaraf yn gyntaf.', 'Does dim gweinydd e-bost wedi’i sefydlu', 'Yn y ciw', 'Danfon'])
      assert.ok(res.body.includes(words), words)
  })

  it('shows an email’s delivery record in Welsh', async () => {
    const list = await admin.get('/admin/outbox')
    const href = /href="(\/admin\/outbox\/\d+)"/.exec(list.body)![1]!
    const res = await admin.get(`/cy${href}`)
    assert.equal(res.statusCode, 200)
    assert.deepEqual(englishOn(res.body), [])
    for (const words of ['Rhoddwyd yn y ciw', 'Ymdrechion', 'Neges']) assert.ok(res.body.includes(words), words)
  })
})
