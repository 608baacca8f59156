// The audit log in Welsh: actions, subjects and the changes in words.
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import type { Agent } from '../../../test/agent.ts'
import { signedInAgent } from '../../../test/agent.ts'
import { englishOn } from '../../../test/welsh.ts'

describeEachDatabase('audit log in Welsh', (get) => {
  let admin: Agent
  before(async () => {
    ;({ agent: admin } = await signedInAgent(get().app, get().handle.db, 'admin'))
    const res = await admin.post('/admin/organisations', { name: 'Cyngor Archwilio', slug: '', kind: 'council', tier: 'full', verified: 'yes' })
    assert.equal(res.statusCode, 303)
  })

  it('says every action, subject and heading in Welsh, the English summary marked as English', async () => {
    const res = await admin.get('/cy/admin/audit')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<html lang="cy"/)
    assert.deepEqual(englishOn(res.body), [])
    for (const words of ['Wedi ychwanegu sefydliad', 'Wedi creu cyfrif', 'Sefydliad 1', 'Pob gweithred', 'Beth a newidiodd', 'Maes', 'Gwerth', 'Hidlo']) {
      assert.ok(res.body.includes(words), words)
    }
    assert.match(res.body, /<p class="govuk-body-s govuk-!-margin-bottom-1" lang="en">/)
  })

  it('counts matching events by the Welsh plural rules', async () => {
    const res = await admin.get('/cy/admin/audit?action=organisation-created')
    assert.equal(res.statusCode, 200)
    assert.deepEqual(englishOn(res.body), [])
    assert.match(res.body, /1 digwyddiad yn cyfateb\./)
    assert.match(res.body, /Dangos pob digwyddiad/)
  })
})
