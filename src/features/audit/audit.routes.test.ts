import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import { inputValue } from '../../../test/admin-support.ts'
import { Agent, signedInAgent } from '../../../test/agent.ts'
import { buildOrganisation } from '../../../test/factories.ts'
import { recordAudit } from './record-audit.ts'

describeEachDatabase('admin: audit log', (get) => {
  let admin: Agent
  let organisationId: number
  before(async () => {
    const db = get().handle.db
    organisationId = (await buildOrganisation(db, { slug: 'audited-council', name: 'Audited Council' })).id
    ;({ agent: admin } = await signedInAgent(get().app, db, 'admin'))
    for (let i = 0; i < 60; i++) {
      await recordAudit(db, { id: null, label: 'bulk script' }, { action: 'bulk-tested', subjectType: 'thing', subjectId: i, summary: `Bulk event ${i}` })
    }
  })

  it('sends visitors who are not signed in to sign in', async () => {
    const res = await new Agent(get().app).get('/admin/audit?action=signed-in')
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `/sign-in?next=${encodeURIComponent('/admin/audit?action=signed-in')}`)
  })

  it('is forbidden to member officers and editors', async () => {
    for (const role of ['officer', 'editor'] as const) {
      const { agent } = await signedInAgent(get().app, get().handle.db, role, 'audited-council')
      assert.equal((await agent.get('/admin/audit')).statusCode, 403)
    }
  })

  it('shows who changed what and when, with the changes, newest first', async () => {
    const page = await admin.get(`/admin/organisations/${organisationId}`)
    const form = {
      name: 'Audited <b>Council</b>',
      slug: 'audited-council',
      kind: 'council',
      tier: 'associate',
      councilType: '',
      nation: '',
      region: '',
      gssCode: '',
      website: '',
      verified: 'yes',
    }
    assert.equal((await admin.post(`/admin/organisations/${organisationId}`, { ...form, version: inputValue(page.body, 'version')! })).statusCode, 303)
    const res = await admin.get('/admin/audit')
    assert.equal(res.statusCode, 200)
    const rowsHtml = res.body.slice(res.body.indexOf('<tbody'))
    const firstRow = rowsHtml.slice(0, rowsHtml.indexOf('\n    <tr class="govuk-table__row">', 40))
    assert.match(firstRow, />Changed an organisation</, 'the action in words, not its code')
    assert.match(firstRow, /href="\/admin\/organisations\/\d+"/)
    assert.match(firstRow, /<time datetime="\d{4}-/)
    assert.match(firstRow, /admin\d+@example.org/)
    assert.match(firstRow, /tier[\s\S]*full[\s\S]*associate/)
    assert.match(firstRow, /Audited &lt;b&gt;Council&lt;\/b&gt;/, 'values are escaped')
    assert.doesNotMatch(res.body, /<b>Council<\/b>/)
  })

  it('filters by action and by subject type, and pages through', async () => {
    const bulk = await admin.get('/admin/audit?action=bulk-tested')
    assert.match(bulk.body, /60 events match/)
    assert.doesNotMatch(bulk.body, /signed-in<\/strong>/)
    assert.match(bulk.body, /href="\/admin\/audit\?action=bulk-tested&amp;page=2"/)
    const second = await admin.get('/admin/audit?action=bulk-tested&page=2')
    assert.match(second.body, /Bulk event 0</)
    assert.doesNotMatch(second.body, /Bulk event 59</)
    const users = await admin.get('/admin/audit?subject=user')
    assert.match(users.body, /signed-in/)
    assert.doesNotMatch(users.body, /bulk-tested<\/strong>/)
    assert.match(users.body, /<option value="user" selected>/)
  })

  it('never fails on a strange querystring', async () => {
    for (const query of [
      '?action=',
      '?action[]=a&action[]=b',
      '?page=-1',
      '?page=abc',
      '?subject=%ff%fe',
      '?action=' + 'a'.repeat(5000),
      '?action=DROP%20TABLE',
      '?page=99999',
    ]) {
      assert.equal((await admin.get(`/admin/audit${query}`)).statusCode, 200, query)
    }
  })
})
