// The assessment pages in Welsh, as the assessor and the administrator see them, errors included:
// no English from the catalogue or left in a template.
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import type { Agent } from '../../../test/agent.ts'
import { makeAssessor, person } from '../../../test/assessment.ts'
import { buildBid, buildCall } from '../../../test/co-production.ts'
import { buildOrganisation } from '../../../test/factories.ts'
import { englishOn, englishPhrasesOn } from '../../../test/welsh.ts'
import { callCriteria } from '../../db/schema/index.ts'

describeEachDatabase('assessment in Welsh', (get) => {
  let admin: Agent
  let assessor: Agent
  let conflicted: Agent
  let callId = 0
  let bidId = 0
  let criterionId = 0
  before(async () => {
    const db = get().handle.db
    const home = await buildOrganisation(db, { slug: 'cyngor-asesu', name: 'Cyngor Asesu', tier: 'full' })
    const call = await buildCall(db, { slug: 'labordai-asesu', title: 'Labordai', status: 'closed' })
    callId = call.id
    const [criterion] = await db.insert(callCriteria).values({ callId, position: 0, title: 'Cyrhaeddiad', maxScore: 5 }).returning()
    criterionId = criterion!.id
    bidId = (await buildBid(db, { callId, leadOrganisationId: home.id, status: 'submitted', title: 'Ôl-osod' })).id
    admin = (await person(get().app, db, 'admin')).agent
    const a = await person(get().app, db, 'editor')
    const c = await person(get().app, db, 'officer', 'cyngor-asesu')
    for (const p of [a, c]) await makeAssessor(db, callId, p.userId)
    assessor = a.agent
    conflicted = c.agent
  })

  const noEnglish = (html: string, where: string) => {
    assert.match(html, /<html lang="cy"/, where)
    assert.deepEqual([...englishOn(html).map((e) => e.phrase), ...englishPhrasesOn(html)], [], where)
  }

  it('shows the assessor’s pages in Welsh, with the scoring form’s errors and the refusal of a conflict', async () => {
    noEnglish((await assessor.get('/cy/assess')).body, 'index')
    noEnglish((await assessor.get('/cy/assess/calls/labordai-asesu')).body, 'call')
    noEnglish((await assessor.get(`/cy/assess/bids/${bidId}`)).body, 'score')
    const invalid = await assessor.post(`/cy/assess/bids/${bidId}`, { revision: '0', action: 'submit', [`score-${criterionId}`]: '9' })
    assert.equal(invalid.statusCode, 400)
    noEnglish(invalid.body, 'score with errors')
    assert.match(
      invalid.body,
      /Rhaid i'r sgôr ar gyfer Cyrhaeddiad fod yn rhif cyfan o 0 i 5|Rhaid i&#39;r sgôr ar gyfer Cyrhaeddiad fod yn rhif cyfan o 0 i 5/,
    )
    const refused = await conflicted.get(`/cy/assess/bids/${bidId}`)
    assert.equal(refused.statusCode, 403)
    noEnglish(refused.body, 'conflict')
    noEnglish((await assessor.get('/cy/dashboard')).body, 'dashboard')
  })

  it('shows the administrators’ set-up, panel and decision pages in Welsh, with errors', async () => {
    noEnglish((await admin.get(`/cy/admin/calls/${callId}/assessment`)).body, 'set-up')
    const badAssessor = await admin.post(`/cy/admin/calls/${callId}/assessment/assessors`, { email: 'neb@example.org' })
    assert.equal(badAssessor.statusCode, 400)
    noEnglish(badAssessor.body, 'set-up with errors')
    await assessor.post(`/assess/bids/${bidId}`, { revision: '0', action: 'submit', [`score-${criterionId}`]: '4', comment: 'Da' })
    noEnglish((await admin.get(`/cy/admin/calls/${callId}/panel`)).body, 'panel')
    noEnglish((await admin.get(`/cy/admin/calls/${callId}/panel/bids/${bidId}`)).body, 'decision')
    const bad = await admin.post(`/cy/admin/calls/${callId}/panel/bids/${bidId}`, { outcome: 'decline', feedback: '' })
    assert.equal(bad.statusCode, 400)
    noEnglish(bad.body, 'decision with errors')
  })
})
