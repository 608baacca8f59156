// The admin area's front page in Welsh.
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import type { Agent } from '../../../test/agent.ts'
import { signedInAgent } from '../../../test/agent.ts'
import { englishOn } from '../../../test/welsh.ts'

describeEachDatabase('admin front page in Welsh', (get) => {
  let admin: Agent
  let editor: Agent
  before(async () => {
    ;({ agent: admin } = await signedInAgent(get().app, get().handle.db, 'admin'))
    ;({ agent: editor } = await signedInAgent(get().app, get().handle.db, 'editor'))
  })

  it('shows every link and its description in Welsh, links kept under /cy', async () => {
    const res = await admin.get('/cy/admin')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<html lang="cy"/)
    assert.deepEqual(englishOn(res.body), [])
    for (const words of ['Ciw adolygu', 'Pobl', 'Sefydliadau', 'Egwyddorion', 'Cysylltiadau', 'Blwch anfon', 'Log archwilio', 'Pwy newidiodd beth, a phryd.']) {
      assert.ok(res.body.includes(words), words)
    }
    assert.match(res.body, /href="\/cy\/admin\/users"/)
    assert.match(res.body, /<title>Gweinyddu/)
  })

  it('shows an editor the review queue only, in Welsh', async () => {
    const res = await editor.get('/cy/admin')
    assert.equal(res.statusCode, 200)
    assert.deepEqual(englishOn(res.body), [])
    assert.match(res.body, /Ciw adolygu/)
    assert.doesNotMatch(res.body, /Log archwilio/)
  })
})
