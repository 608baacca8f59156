// Backing, comments, moderation and withdrawal in Welsh, as each person sees them, errors included:
// no English from the catalogue or left in a template, the bid's own words marked as English.
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { summaryLinks } from '../../../test/admin-support.ts'
import { agentWithSession, type Agent } from '../../../test/agent.ts'
import { buildBid, buildCall } from '../../../test/co-production.ts'
import { buildOrganisation } from '../../../test/factories.ts'
import { englishOn, englishPhrasesOn } from '../../../test/welsh.ts'
import { bidComments } from '../../db/schema/index.ts'

describeEachDatabase('backing and comments in Welsh', (get) => {
  let lead: Agent
  let backer: Agent
  let admin: Agent
  let bidId = 0
  before(async () => {
    const db = get().handle.db
    const home = await buildOrganisation(db, { slug: 'cyngor-cartref', name: 'Cyngor Cartref', tier: 'full' })
    await buildOrganisation(db, { slug: 'cyngor-arall', name: 'Cyngor Arall', tier: 'associate' })
    const call = await buildCall(db, { slug: 'labordai-cymdeithasol', title: 'Labordai' })
    bidId = (await buildBid(db, { callId: call.id, leadOrganisationId: home.id, title: 'Ôl-osod', status: 'submitted' })).id
    lead = await agentWithSession(get().app, db, 'officer', 'cyngor-cartref')
    backer = await agentWithSession(get().app, db, 'officer', 'cyngor-arall')
    admin = await agentWithSession(get().app, db, 'admin')
  })

  const noEnglish = (html: string, where: string) => {
    assert.match(html, /<html lang="cy"/, where)
    assert.deepEqual([...englishOn(html).map((e) => e.phrase), ...englishPhrasesOn(html)], [], where)
  }

  it('shows backing, the request to join, comments and their errors in Welsh', async () => {
    noEnglish((await backer.get(`/cy/bids/${bidId}`)).body, 'before backing')
    assert.equal((await backer.post(`/cy/bids/${bidId}/backing`, { join: 'yes' })).statusCode, 303)
    const backed = await backer.get(`/cy/bids/${bidId}?backed=1`)
    noEnglish(backed.body, 'backed')
    assert.match(backed.body, /Mae 1 aelod yn cefnogi’r cais hwn:/)
    assert.match(backed.body, /Mae eich sefydliad wedi gofyn am gael ymuno/)
    const leadPage = await lead.get(`/cy/bids/${bidId}`)
    noEnglish(leadPage.body, 'lead with a request')
    assert.match(leadPage.body, /a hoffai ymuno â’r gweithgor/)

    const tooLong = await backer.post(`/cy/bids/${bidId}/comments`, { body: 'x'.repeat(2001) })
    assert.equal(tooLong.statusCode, 400)
    noEnglish(tooLong.body, 'comment too long')
    assert.deepEqual(summaryLinks(tooLong.body), ['#body Rhaid i sylw fod yn 2,000 o nodau neu lai (mae gan hwn 2,001)'])
    assert.equal((await backer.post(`/cy/bids/${bidId}/comments`, { body: 'Diolch' })).statusCode, 303)
    const [comment] = await get().handle.db.select().from(bidComments).where(eq(bidComments.bidId, bidId))
    const replyError = await lead.post(`/cy/bids/${bidId}/comments`, { body: ' ', parent: String(comment!.id) })
    noEnglish(replyError.body, 'reply error')

    const hidePage = await admin.get(`/cy/bids/${bidId}/comments/${comment!.id}/hide`)
    noEnglish(hidePage.body, 'hide form')
    const noReason = await admin.post(`/cy/bids/${bidId}/comments/${comment!.id}/hide`, { reason: '' })
    noEnglish(noReason.body, 'hide without a reason')
    assert.equal((await admin.post(`/cy/bids/${bidId}/comments/${comment!.id}/hide`, { reason: 'Oddi ar y pwnc' })).statusCode, 303)
    const hidden = await admin.get(`/cy/bids/${bidId}`)
    noEnglish(hidden.body, 'hidden, as an administrator')
    assert.match(hidden.body, /Cuddiwyd y sylw hwn gan y rhwydwaith: Oddi ar y pwnc/)
  })

  it('asks the lead to confirm a withdrawal in Welsh', async () => {
    const page = await lead.get(`/cy/bids/${bidId}/withdraw`)
    noEnglish(page.body, 'withdraw')
    assert.match(page.body, /Tynnu’r cais hwn yn ôl\?/)
  })
})
