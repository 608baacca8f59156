// The one-led-project rule of a call, counting the projects that exist: an organisation leading a
// project still underway may not submit another bid to a call that allows one at a time.
import assert from 'node:assert/strict'
import { it } from 'node:test'
import { eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { agentWithSession } from '../../../test/agent.ts'
import { buildBid, buildCall } from '../../../test/co-production.ts'
import { buildOrganisation } from '../../../test/factories.ts'
import { buildFundedProject } from '../../../test/projects.ts'
import { bids, projects } from '../../db/schema/index.ts'
import { countLedProjectsUnderway } from './queries.ts'

describeEachDatabase('one led project at a time', (get) => {
  it('counts the projects an organisation leads that are underway', async () => {
    const { handle } = get()
    const lead = await buildOrganisation(handle.db)
    assert.equal(await countLedProjectsUnderway(handle.db, lead.id), 0)
    assert.equal(await countLedProjectsUnderway(handle.db, null), 0)
    const { project } = await buildFundedProject(handle.db, { leadOrganisationId: lead.id, title: 'Counted' })
    assert.equal(await countLedProjectsUnderway(handle.db, lead.id), 1)
    await handle.db.update(projects).set({ status: 'closed', closedAt: new Date() }).where(eq(projects.id, project.id))
    assert.equal(await countLedProjectsUnderway(handle.db, lead.id), 0)
  })

  it('tells the lead as they write, refuses the submission, and lets them bid again once the project closes', async () => {
    const { app, handle } = get()
    const lead = await buildOrganisation(handle.db, { slug: 'busy-council' })
    const officer = await agentWithSession(app, handle.db, 'officer', 'busy-council')
    const { project } = await buildFundedProject(handle.db, { leadOrganisationId: lead.id, title: 'Already leading' })
    const call = await buildCall(handle.db, { settings: { oneLedProjectAtATime: true } })
    const bid = await buildBid(handle.db, { callId: call.id, leadOrganisationId: lead.id })

    const page = await officer.get(`/bids/${bid.id}/edit`)
    assert.match(page.body, /already leads a funded project, and a member may lead only one at a time/)
    const refused = await officer.post(`/bids/${bid.id}/submit`, { revision: '1' })
    assert.equal(refused.statusCode, 400)
    assert.match(refused.body, /govuk-error-summary[\s\S]*already leads a funded project/)
    assert.equal((await handle.db.select().from(bids).where(eq(bids.id, bid.id)))[0]!.status, 'draft')

    // A call without the rule does not mind.
    const open = await buildCall(handle.db)
    const other = await buildBid(handle.db, { callId: open.id, leadOrganisationId: lead.id })
    assert.doesNotMatch((await officer.get(`/bids/${other.id}/edit`)).body, /already leads a funded project/)

    await handle.db.update(projects).set({ status: 'closed', closedAt: new Date() }).where(eq(projects.id, project.id))
    const submitted = await officer.post(`/bids/${bid.id}/submit`, { revision: '1' })
    assert.equal(submitted.statusCode, 303)
    assert.equal((await handle.db.select().from(bids).where(eq(bids.id, bid.id)))[0]!.status, 'submitted')
  })
})
