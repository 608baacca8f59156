import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import type { Agent } from '../../../test/agent.ts'
import { agentWithSession } from '../../../test/agent.ts'
import { buildEvent, inDays } from '../../../test/events.ts'
import { buildOrganisation, buildPrinciple } from '../../../test/factories.ts'
import { caseStudies, caseStudyOrganisations, caseStudyPrinciples, eventSessionPrinciples, eventSessions } from '../../db/schema/index.ts'

describeEachDatabase('events: after the event', (get) => {
  let admin: Agent
  let lead: { id: number }
  let other: { id: number }
  let principle: { id: number }
  before(async () => {
    const { app, handle } = get()
    admin = await agentWithSession(app, handle.db, 'admin')
    lead = await buildOrganisation(handle.db, { slug: 'after-northbrook', name: 'After Northbrook Council' })
    other = await buildOrganisation(handle.db, { slug: 'after-riverside', name: 'After Riverside Council' })
    principle = await buildPrinciple(handle.db, { shortName: 'After co-production' })
  })

  it('turns a past session into a draft case study with the right fields, once, linked both ways', async () => {
    const { app, handle } = get()
    const startsAt = inDays(-10, 9)
    const { event, sessions } = await buildEvent(handle.db, {
      title: 'Spring lab',
      kind: 'policy-lab-workshop',
      startsAt,
      sessions: [
        {
          title: 'Tenants on the board',
          startsAt,
          endsAt: new Date(startsAt.getTime() + 3_600_000),
          speakers: 'Ann Jones, after northbrook council\nBo Li, Tenants Federation\nCarys Ap, After Riverside Council',
        },
      ],
    })
    const session = sessions[0]!
    await handle.db.update(eventSessions).set({ description: 'How tenants joined.\n\nMore.' }).where(eq(eventSessions.id, session.id))
    await handle.db.insert(eventSessionPrinciples).values({ sessionId: session.id, principleId: principle.id })

    const page = await admin.get(`/admin/events/${event.id}/sessions/${session.id}`)
    assert.match(page.body, /data-qa="session-case-study"/)
    assert.match((await admin.get(`/cy/admin/events/${event.id}/sessions/${session.id}`)).body, /Troi’n astudiaeth achos/)

    const made = await admin.post(`/admin/events/${event.id}/sessions/${session.id}/case-study`)
    assert.equal(made.statusCode, 303)
    assert.match(String(made.headers.location), /^\/case-studies\/tenants-on-the-board(-\d+)?\/edit$/)
    const [linked] = await handle.db.select().from(eventSessions).where(eq(eventSessions.id, session.id))
    const [cs] = await handle.db.select().from(caseStudies).where(eq(caseStudies.id, linked!.caseStudyId!))
    assert.equal(cs!.status, 'draft')
    assert.equal(cs!.title, 'Tenants on the board')
    assert.equal(cs!.summary, 'How tenants joined.')
    assert.equal(cs!.kind, 'policy-lab')
    assert.equal(cs!.yearStart, startsAt.getUTCFullYear())
    assert.equal(cs!.ownerOrganisationId, lead.id)
    const roles = await handle.db.select().from(caseStudyOrganisations).where(eq(caseStudyOrganisations.caseStudyId, cs!.id))
    assert.deepEqual(roles.map((r) => `${r.organisationId}:${r.role}`).sort(), [`${lead.id}:lead`, `${other.id}:participant`].sort())
    const principles = await handle.db.select().from(caseStudyPrinciples).where(eq(caseStudyPrinciples.caseStudyId, cs!.id))
    assert.deepEqual(
      principles.map((p) => p.principleId),
      [principle.id],
    )
    assert.equal((await admin.get(String(made.headers.location))).statusCode, 200)

    const second = await admin.post(`/admin/events/${event.id}/sessions/${session.id}/case-study`)
    assert.equal(second.statusCode, 400)
    assert.match(second.body, /already has a case study/)
    assert.match(second.body, new RegExp(`href="/case-studies/${cs!.slug}/edit"`))
    assert.equal((await handle.db.select().from(caseStudies).where(eq(caseStudies.title, 'Tenants on the board'))).length, 1)

    // The public page links to it once it is published, not before.
    assert.doesNotMatch((await app.inject(`/events/${event.slug}`)).body, new RegExp(`/case-studies/${cs!.slug}`))
    await handle.db.update(caseStudies).set({ status: 'published', publishedRevision: 1, publishedAt: new Date() }).where(eq(caseStudies.id, cs!.id))
    assert.match((await app.inject(`/events/${event.slug}`)).body, new RegExp(`href="/case-studies/${cs!.slug}"`))
  })

  it('refuses a session still to come, and one of another event', async () => {
    const { handle } = get()
    const startsAt = inDays(10, 9)
    const { event, sessions } = await buildEvent(handle.db, {
      sessions: [{ title: 'Not yet', startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) }],
    })
    const { event: another } = await buildEvent(handle.db)
    assert.doesNotMatch((await admin.get(`/admin/events/${event.id}/sessions/${sessions[0]!.id}`)).body, /data-qa="session-case-study"/)
    const early = await admin.post(`/admin/events/${event.id}/sessions/${sessions[0]!.id}/case-study`)
    assert.equal(early.statusCode, 400)
    assert.match(early.body, /Only a session that has taken place/)
    assert.equal((await admin.post(`/admin/events/${another.id}/sessions/${sessions[0]!.id}/case-study`)).statusCode, 404)
  })
})
