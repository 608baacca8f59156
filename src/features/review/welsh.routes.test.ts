// The editors' queue and the review page in Welsh: every word from the catalogue, a refusal and
// the ask-for-changes form's error in Welsh.
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { signedInAgent, type Agent } from '../../../test/agent.ts'
import { buildCaseStudy, buildOrganisation } from '../../../test/factories.ts'
import { englishOn } from '../../../test/welsh.ts'
import { caseStudies } from '../../db/schema/index.ts'

const inWelsh = (body: string, url: string) => {
  assert.match(body, /<html lang="cy"/, url)
  assert.deepEqual(englishOn(body), [], url)
}

describeEachDatabase('the review pages in Welsh', (get) => {
  let editor: Agent

  before(async () => {
    const { app, handle } = get()
    const home = (await buildOrganisation(handle.db, { slug: 'cartref', name: 'Cyngor Cartref' })).id
    await buildCaseStudy(handle.db, { slug: 'aros', title: 'Yn aros', leadId: home, status: 'draft' })
    await handle.db.update(caseStudies).set({ reviewState: 'submitted', submittedAt: new Date() }).where(eq(caseStudies.slug, 'aros'))
    await buildCaseStudy(handle.db, { slug: 'cyhoeddus', title: 'Cyhoeddus', leadId: home })
    editor = (await signedInAgent(app, handle.db, 'editor')).agent
  })

  it('the queue, with its banner', async () => {
    const res = await editor.get('/cy/admin/review?sent-back=aros')
    assert.equal(res.statusCode, 200)
    inWelsh(res.body, 'queue')
    assert.match(res.body, /Adolygu cyflwyniadau/)
    assert.match(res.body, /Yn aros i gael eu hadolygu \(1\)/)
    assert.match(res.body, /Mae eich cais am newidiadau wedi’i anfon\./)
    assert.match(res.body, /href="\/cy\/admin\/review\/aros"/)
  })

  it('the review page of a new case study, and the ask-for-changes error', async () => {
    const page = await editor.get('/cy/admin/review/aros')
    assert.equal(page.statusCode, 200)
    inWelsh(page.body, 'review')
    assert.match(page.body, /Astudiaeth achos newydd: mae popeth yn newydd/)
    assert.match(page.body, /Cyhoeddi fersiwn 1/)
    assert.match(page.body, /Beth sydd angen ei newid\?/)

    const empty = await editor.post('/cy/admin/review/aros/request-changes', { revision: '1', comment: '' })
    assert.equal(empty.statusCode, 400)
    inWelsh(empty.body, 'request-changes error')
    assert.match(empty.body, /<a href="#comment">Rhowch beth sydd angen ei newid<\/a>/)
  })

  it('a decision refused, said in Welsh', async () => {
    const res = await editor.post('/cy/admin/review/aros/publish', { revision: '99' })
    assert.equal(res.statusCode, 409)
    inWelsh(res.body, 'refused')
    assert.match(res.body, /Cafodd ei newid tra oeddech chi’n ei hadolygu\. Adolygwch y fersiwn ddiweddaraf cyn cyhoeddi\./)
  })

  it('the review page of a published case study', async () => {
    const res = await editor.get('/cy/admin/review/cyhoeddus?done=archive')
    assert.equal(res.statusCode, 200)
    inWelsh(res.body, 'published')
    assert.match(res.body, /Wedi’i gyhoeddi/)
    assert.match(res.body, /Dad-gyhoeddi/)
    assert.match(res.body, /Wedi’i wneud\./)
  })
})
