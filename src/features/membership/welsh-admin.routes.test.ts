// The secretariat's membership pages, in Welsh.
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { Agent, signedInAgent } from '../../../test/agent.ts'
import { buildRegisterCouncil, loadExampleSchedule } from '../../../test/membership.ts'
import { englishOn, englishPhrasesOn } from '../../../test/welsh.ts'
import { membershipApplications, memberships } from '../../db/schema/index.ts'
import { currentYear } from './cli/commands.ts'

describeEachDatabase('admin: membership in Welsh', (get) => {
  let admin: Agent
  let applicationId = 0
  before(async () => {
    const { app, handle, config } = get()
    await loadExampleSchedule(handle.db, currentYear(config))
    await buildRegisterCouncil(handle.db, { code: 'ABT', name: 'Aberteifi', population: 90_000 })
    admin = (await signedInAgent(app, handle.db, 'admin')).agent
    const res = await new Agent(app).post('/cy/join', {
      tier: 'associate',
      'kind-associate': 'town-or-parish-council',
      organisationName: 'Cyngor Tref Aberteifi',
      contactName: 'Gwen Davies',
      contactEmail: 'gwen@example.org',
      consent: 'yes',
    })
    assert.equal(res.statusCode, 303)
    const [row] = await handle.db.select().from(membershipApplications).where(eq(membershipApplications.contactEmail, 'gwen@example.org'))
    applicationId = row!.id
  })

  const welsh = (html: string) => {
    assert.match(html, /<html lang="cy"/)
    assert.deepEqual(englishOn(html), [])
    assert.deepEqual(englishPhrasesOn(html), [])
  }

  it('shows the applications and one application with its decision form in Welsh', async () => {
    const list = await admin.get('/cy/admin/membership/applications')
    assert.equal(list.statusCode, 200)
    welsh(list.body)
    const one = await admin.get(`/cy/admin/membership/applications/${applicationId}`)
    assert.equal(one.statusCode, 200)
    welsh(one.body)
    assert.match(one.body, /Cofnodi’r penderfyniad/)
  })

  it('approves in Welsh and shows the membership, its invoice and its history in Welsh', async () => {
    const res = await admin.post(`/cy/admin/membership/applications/${applicationId}/decision`, { decision: 'approve' })
    assert.equal(res.statusCode, 303)
    assert.match(res.headers.location as string, /^\/cy\/admin\/membership\/members\/\d+/)
    const page = await admin.get(res.headers.location as string)
    assert.equal(page.statusCode, 200)
    welsh(page.body)
    assert.match(page.body, /Wedi cymeradwyo Cyngor Tref Aberteifi/)
    const [membership] = await get().handle.db.select().from(memberships)
    assert.ok(membership)
    const dashboard = await admin.get('/cy/admin/membership')
    assert.equal(dashboard.statusCode, 200)
    welsh(dashboard.body)
  })
})
