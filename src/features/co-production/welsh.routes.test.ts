// The pages of calls and bids in Welsh, signed in as those who use them, errors included: no
// English from the catalogue or left in a template, content marked as English.
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import { agentWithSession, signedInAgent, type Agent } from '../../../test/agent.ts'
import { buildBid, buildCall } from '../../../test/co-production.ts'
import { buildOrganisation, buildPrinciple } from '../../../test/factories.ts'
import { englishOn, englishPhrasesOn } from '../../../test/welsh.ts'

describeEachDatabase('calls and bids in Welsh', (get) => {
  let officer: Agent
  let admin: Agent
  let bidId = 0
  let callId = 0
  before(async () => {
    const db = get().handle.db
    const home = await buildOrganisation(db, { slug: 'cyngor-cartref', name: 'Cyngor Cartref', tier: 'full' })
    const principle = await buildPrinciple(db, { slug: 'rhannu-grym', shortName: 'Sharing power with the people of the area', shortNameCy: 'Rhannu grym' })
    const call = await buildCall(db, {
      slug: 'labordai',
      title: 'Labordai',
      principleIds: [principle.id],
      settings: { leadTiers: ['full'], minWorkingGroup: 2, oneLedProjectAtATime: true, themes: ['Tai'] },
    })
    callId = call.id
    bidId = (await buildBid(db, { callId: call.id, leadOrganisationId: home.id, title: 'Ôl-osod' })).id
    officer = await agentWithSession(get().app, db, 'officer', 'cyngor-cartref')
    admin = (await signedInAgent(get().app, db, 'admin')).agent
  })

  const noEnglish = (html: string, where: string) => {
    assert.match(html, /<html lang="cy"/, where)
    assert.deepEqual([...englishOn(html).map((e) => e.phrase), ...englishPhrasesOn(html)], [], where)
  }

  it('shows the officer’s bid pages in Welsh, with the call’s rules and the form’s errors', async () => {
    const edit = await officer.get(`/cy/bids/${bidId}/edit`)
    assert.equal(edit.statusCode, 200)
    noEnglish(edit.body, 'edit')
    assert.match(edit.body, /Rhaid i o leiaf 2 aelod arall dderbyn lle yn y gweithgor \(hyd yma: 0\)/)
    assert.match(edit.body, /yn erbyn yr egwyddor Rhannu grym/)
    const invalid = await officer.post(`/cy/bids/${bidId}/edit`, {
      revision: '1',
      title: '',
      milestoneRows: '1',
      'lineDescription-0': 'Lleoliadau',
      'lineAmount-0': 'tri',
      lineRows: '1',
    })
    assert.equal(invalid.statusCode, 400)
    noEnglish(invalid.body, 'edit with errors')
    assert.match(invalid.body, /Rhowch swm cost 1 mewn punnoedd, fel 1,250.00/)
    const start = await officer.get('/cy/calls/labordai/bids/new')
    noEnglish(start.body, 'new')
    noEnglish((await officer.get(`/cy/bids/${bidId}`)).body, 'show')
    noEnglish((await officer.get('/cy/dashboard')).body, 'dashboard')
  })

  it('shows the administrators’ call form in Welsh, with its errors', async () => {
    const form = await admin.get(`/cy/admin/calls/${callId}`)
    noEnglish(form.body, 'call form')
    const invalid = await admin.post('/cy/admin/calls', {
      title: '',
      pot: 'llawer',
      cap: '',
      'closesOn-day': '31',
      'closesOn-month': '2',
      'closesOn-year': '2027',
    })
    assert.equal(invalid.statusCode, 400)
    noEnglish(invalid.body, 'call form with errors')
    assert.match(invalid.body, /Rhowch y cyfanswm sydd ar gael fel swm mewn punnoedd, fel 60,000/)
    assert.match(invalid.body, /Rhaid i’r dyddiad y mae ceisiadau’n cau fod yn ddyddiad go iawn/)
    noEnglish((await admin.get('/cy/admin/calls')).body, 'calls list')
    noEnglish((await admin.get('/cy/admin')).body, 'admin home')
  })
})
