import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import { Agent, signedInAgent } from '../../../test/agent.ts'
import { buildOrganisation } from '../../../test/factories.ts'

const adminOnly = [
  '/admin/users',
  '/admin/organisations',
  '/admin/principles',
  '/admin/calls',
  '/admin/projects',
  '/admin/contacts',
  '/admin/outbox',
  '/admin/audit',
]

describeEachDatabase('admin: front page', (get) => {
  before(async () => {
    await buildOrganisation(get().handle.db, { slug: 'front-council' })
  })

  it('sends visitors who are not signed in to sign in', async () => {
    const res = await new Agent(get().app).get('/admin')
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/sign-in?next=%2Fadmin')
  })

  it('is forbidden to member officers', async () => {
    const { agent } = await signedInAgent(get().app, get().handle.db, 'officer', 'front-council')
    assert.equal((await agent.get('/admin')).statusCode, 403)
  })

  it('shows editors the review queue only', async () => {
    const { agent } = await signedInAgent(get().app, get().handle.db, 'editor')
    const res = await agent.get('/admin')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /href="\/admin\/review"/)
    for (const href of adminOnly) assert.doesNotMatch(res.body, new RegExp(`href="${href}"`), href)
  })

  it('shows administrators every admin page', async () => {
    const { agent } = await signedInAgent(get().app, get().handle.db, 'admin')
    const res = await agent.get('/admin')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<title>Admin – /)
    for (const href of ['/admin/review', ...adminOnly]) {
      assert.match(res.body, new RegExp(`href="${href}"`), href)
      assert.equal((await agent.get(href)).statusCode, 200, href)
    }
  })
})
