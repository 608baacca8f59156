import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { asc, eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { summaryLinks } from '../../../test/admin-support.ts'
import { Agent, agentWithSession } from '../../../test/agent.ts'
import { buildBid, buildCall } from '../../../test/co-production.ts'
import { buildOrganisation } from '../../../test/factories.ts'
import { auditEvents, bidBackings, bidComments, bidParticipants, bidVersions, bids, calls, emails, users } from '../../db/schema/index.ts'

describeEachDatabase('bids: backing, comments, moderation and withdrawal', (get) => {
  let leadId: number
  let backerId: number
  let lead: Agent
  let backer: Agent
  let admin: Agent
  before(async () => {
    const db = get().handle.db
    leadId = (await buildOrganisation(db, { slug: 'lead-council', name: 'Lead Council', tier: 'full' })).id
    backerId = (await buildOrganisation(db, { slug: 'backing-council', name: 'Backing Council', tier: 'associate' })).id
    await buildOrganisation(db, { slug: 'third-council', name: 'Third Council', tier: 'full' })
    await buildOrganisation(db, { slug: 'not-a-member', name: 'Not A Member Ltd', tier: 'none', kind: 'organisation' })
    lead = await agentWithSession(get().app, db, 'officer', 'lead-council')
    backer = await agentWithSession(get().app, db, 'officer', 'backing-council')
    admin = await agentWithSession(get().app, db, 'admin')
  })
  const db = () => get().handle.db

  async function submittedBid(over: Parameters<typeof buildCall>[1] = {}) {
    const call = await buildCall(db(), over)
    const bid = await buildBid(db(), { callId: call.id, leadOrganisationId: leadId, status: 'submitted' })
    return { call, bid }
  }
  const mailTo = async (address: string) => db().select().from(emails).where(eq(emails.toAddress, address)).orderBy(asc(emails.id))
  const leadEmail = async () => (await db().select({ email: users.email }).from(users).where(eq(users.organisationId, leadId)))[0]!.email

  it('lets a member back a bid once, names its backers, emails the lead, and withdraws the backing', async () => {
    const { bid } = await submittedBid()
    const before = await backer.get(`/bids/${bid.id}`)
    assert.match(before.body, /No member has backed this bid yet\./)
    assert.match(before.body, /data-qa="back-form"/)
    // The lead cannot back its own bid, and is not offered to.
    assert.doesNotMatch((await lead.get(`/bids/${bid.id}`)).body, /data-qa="back-form"/)
    assert.equal((await lead.post(`/bids/${bid.id}/backing`, {})).statusCode, 403)

    const res = await backer.post(`/bids/${bid.id}/backing`, {})
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `/bids/${bid.id}?backed=1#backing`)
    const page = await get().app.inject(`/bids/${bid.id}`)
    assert.match(page.body, /1 member backs this bid:/)
    assert.match(page.body, /data-qa="backers"[^]*<li lang="en">Backing Council<\/li>/)
    const [mail] = await mailTo(await leadEmail())
    assert.equal(mail!.subject, 'Backing Council backs your bid Tenant-led retrofit')
    assert.match(mail!.bodyText, new RegExp(`You can see who backs it on the bid’s page:\\nhttp://[^/]+/bids/${bid.id}`))

    // Once per organisation, whichever of its officers asks.
    const colleague = await agentWithSession(get().app, db(), 'officer', 'backing-council')
    assert.match((await colleague.get(`/bids/${bid.id}`)).body, /data-qa="unback-form"/)
    assert.deepEqual(summaryLinks((await colleague.post(`/bids/${bid.id}/backing`, {})).body), ['#backing Your organisation already backs this bid'])
    assert.equal((await db().select().from(bidBackings).where(eq(bidBackings.bidId, bid.id))).length, 1)

    // Not a member: refused. An editor or administrator does not back for an organisation.
    const outsider = await agentWithSession(get().app, db(), 'officer', 'not-a-member')
    assert.deepEqual(summaryLinks((await outsider.post(`/bids/${bid.id}/backing`, {})).body), ['#backing Only member organisations can back a bid'])
    assert.equal((await admin.post(`/bids/${bid.id}/backing`, {})).statusCode, 403)

    const withdrawn = await colleague.post(`/bids/${bid.id}/backing/withdraw`, {})
    assert.equal(withdrawn.headers.location, `/bids/${bid.id}?unbacked=1#backing`)
    assert.match((await get().app.inject(`/bids/${bid.id}`)).body, /No member has backed this bid yet\./)
    assert.deepEqual(summaryLinks((await colleague.post(`/bids/${bid.id}/backing/withdraw`, {})).body), ['#backing Your organisation does not back this bid'])
  })

  it('turns "we would like to join" into a request the lead accepts or declines from the bid page', async () => {
    const { bid } = await submittedBid()
    await db().update(users).set({ language: 'cy' }).where(eq(users.organisationId, leadId))
    const res = await backer.post(`/bids/${bid.id}/backing`, { join: 'yes' })
    assert.equal(res.statusCode, 303)
    const [place] = await db().select().from(bidParticipants).where(eq(bidParticipants.bidId, bid.id))
    assert.deepEqual([place!.organisationId, place!.role, place!.acceptedAt], [backerId, 'member', null])
    // In the lead officer's own language.
    const mails = await mailTo(await leadEmail())
    assert.equal(mails.at(-1)!.subject, 'Mae Backing Council yn cefnogi eich cais Tenant-led retrofit')
    assert.match(mails.at(-1)!.bodyText, new RegExp(`a hoffai ymuno â’i weithgor[^]*http://[^/]+/cy/bids/${bid.id}`))

    // The member waits for the lead: it cannot accept its own request, and has no invitation on its dashboard.
    const mine = await backer.get(`/bids/${bid.id}`)
    assert.match(mine.body, /data-qa="own-request"/)
    assert.doesNotMatch(mine.body, /data-qa="invitation"/)
    assert.doesNotMatch((await backer.get('/dashboard')).body, new RegExp(`data-qa="bid-invitations"[^]*href="/bids/${bid.id}"`))
    assert.equal((await backer.post(`/bids/${bid.id}/working-group/${place!.id}/accept`, {})).statusCode, 403)

    const leadPage = await lead.get(`/bids/${bid.id}`)
    assert.match(leadPage.body, /data-qa="join-requests"[^]*Backing Council backs this bid and would like to join the working group\./)
    assert.match(leadPage.body, /Backing Council<\/span> <span class="govuk-body-s">Member · asked to join, not yet accepted/)
    const accepted = await lead.post(`/bids/${bid.id}/working-group/${place!.id}/accept`, { from: 'page' })
    assert.equal(accepted.headers.location, `/bids/${bid.id}?answered=1#workingGroup`)
    const [after] = await db().select().from(bidParticipants).where(eq(bidParticipants.id, place!.id))
    assert.ok(after!.acceptedAt)
    assert.match((await get().app.inject(`/bids/${bid.id}`)).body, /Backing Council<\/span> <span class="govuk-body-s">Member · accepted/)

    // Declined: a second member asks, the lead says no.
    const third = await agentWithSession(get().app, db(), 'officer', 'third-council')
    await third.post(`/bids/${bid.id}/backing`, { join: 'yes' })
    const pending = (await db().select().from(bidParticipants).where(eq(bidParticipants.bidId, bid.id))).find((p) => p.acceptedAt === null)!
    assert.equal((await lead.post(`/bids/${bid.id}/working-group/${pending.id}/remove`, { from: 'page' })).statusCode, 303)
    assert.equal((await db().select().from(bidParticipants).where(eq(bidParticipants.bidId, bid.id))).length, 1)
    // The backing stays when the request is declined.
    assert.match((await get().app.inject(`/bids/${bid.id}`)).body, /2 members back this bid:/)
    await db().update(users).set({ language: 'en' }).where(eq(users.organisationId, leadId))
  })

  it('takes no backing once the call has closed, nor on a draft', async () => {
    const { call, bid } = await submittedBid()
    const draft = await buildBid(db(), { callId: call.id, leadOrganisationId: leadId })
    assert.equal((await backer.post(`/bids/${draft.id}/backing`, {})).statusCode, 404)
    await db().update(calls).set({ opensOn: '2020-01-01', closesOn: '2020-02-01' }).where(eq(calls.id, call.id))
    assert.doesNotMatch((await backer.get(`/bids/${bid.id}`)).body, /data-qa="back-form"/)
    assert.deepEqual(summaryLinks((await backer.post(`/bids/${bid.id}/backing`, {})).body), ['#backing This call has closed: backing can no longer change'])
  })

  it('keeps threads of comments and replies, escaped, and emails the lead', async () => {
    const { bid } = await submittedBid()
    const anonymous = new Agent(get().app)
    assert.match((await anonymous.get(`/bids/${bid.id}`)).body, /Sign in to comment/)
    assert.match(String((await anonymous.post(`/bids/${bid.id}/comments`, { body: 'Hi' })).headers.location), /^\/sign-in/)

    const first = await backer.post(`/bids/${bid.id}/comments`, { body: 'We did this in 2022 <script>alert(1)</script>\nHappy to share.' })
    assert.equal(first.statusCode, 303)
    const [comment] = await db().select().from(bidComments).where(eq(bidComments.bidId, bid.id))
    assert.equal(first.headers.location, `/bids/${bid.id}?commented=1#comment-${comment!.id}`)
    const page = (await anonymous.get(`/bids/${bid.id}`)).body
    assert.match(page, /We did this in 2022 &lt;script&gt;alert\(1\)&lt;\/script&gt;<br \/>\nHappy to share\./)
    assert.doesNotMatch(page, /<script>alert/)
    const mails = await mailTo(await leadEmail())
    assert.equal(mails.at(-1)!.subject, 'Test officer commented on your bid Tenant-led retrofit')
    assert.match(mails.at(-1)!.bodyText, /We did this in 2022 <script>alert\(1\)<\/script>\nHappy to share\./)

    // The lead replies; its own officers are not emailed about their own reply.
    const before = (await mailTo(await leadEmail())).length
    assert.equal((await lead.post(`/bids/${bid.id}/comments`, { body: 'Thank you!', parent: String(comment!.id) })).statusCode, 303)
    assert.equal((await mailTo(await leadEmail())).length, before)
    const [, replyRow] = await db().select().from(bidComments).where(eq(bidComments.bidId, bid.id)).orderBy(asc(bidComments.id))
    assert.equal(replyRow!.parentId, comment!.id)
    // One level deep: a reply to a reply is refused, named on the reply's own box.
    const deeper = await backer.post(`/bids/${bid.id}/comments`, { body: 'And more', parent: String(replyRow!.id) })
    assert.deepEqual(summaryLinks(deeper.body), [`#reply-${replyRow!.id} Reply to the comment that starts the thread`])

    const errors: Array<[Record<string, string>, string]> = [
      [{ body: '  ' }, '#body Enter your comment'],
      [{ body: 'x'.repeat(2001) }, '#body A comment must be 2,000 characters or fewer (this one has 2,001)'],
      [{ body: '', parent: String(comment!.id) }, `#reply-${comment!.id} Enter your comment`],
    ]
    for (const [form, expected] of errors) {
      const res = await backer.post(`/bids/${bid.id}/comments`, form)
      assert.equal(res.statusCode, 400, expected)
      assert.deepEqual(summaryLinks(res.body), [expected])
    }
    // A person of an organisation that is not a member may read, not comment.
    const outsider = await agentWithSession(get().app, db(), 'officer', 'not-a-member')
    assert.match((await outsider.get(`/bids/${bid.id}`)).body, /People of member organisations, the bid’s working group and the network’s staff can comment\./)
    assert.equal((await outsider.post(`/bids/${bid.id}/comments`, { body: 'Hello' })).statusCode, 403)
    // An administrator may.
    assert.equal((await admin.post(`/bids/${bid.id}/comments`, { body: 'From the network' })).statusCode, 303)
  })

  it('lets an administrator hide a comment with a reason, shown in its place; the text is served to administrators only', async () => {
    const { bid } = await submittedBid()
    await backer.post(`/bids/${bid.id}/comments`, { body: 'Call Mrs Jones on 07700 900123' })
    const [comment] = await db().select().from(bidComments).where(eq(bidComments.bidId, bid.id))
    const hideUrl = `/bids/${bid.id}/comments/${comment!.id}/hide`
    assert.match((await admin.get(`/bids/${bid.id}`)).body, new RegExp(`href="${hideUrl}"`))
    assert.doesNotMatch((await lead.get(`/bids/${bid.id}`)).body, /data-qa="hide-comment"/)
    assert.equal((await lead.get(hideUrl)).statusCode, 403)
    assert.equal((await lead.post(hideUrl, { reason: 'No' })).statusCode, 403)

    const form = await admin.get(hideUrl)
    assert.equal(form.statusCode, 200)
    assert.match(form.body, /Call Mrs Jones on 07700 900123/)
    const blank = await admin.post(hideUrl, { reason: ' ' })
    assert.equal(blank.statusCode, 400)
    assert.deepEqual(summaryLinks(blank.body), ['#reason Enter why the comment is being hidden'])
    const hidden = await admin.post(hideUrl, { reason: 'Personal details of a resident' })
    assert.equal(hidden.headers.location, `/bids/${bid.id}?hidden=1#comment-${comment!.id}`)

    for (const page of [(await get().app.inject(`/bids/${bid.id}`)).body, (await lead.get(`/bids/${bid.id}`)).body]) {
      assert.match(page, /This comment was hidden by the network: Personal details of a resident/)
      assert.doesNotMatch(page, /07700 900123/)
    }
    const adminPage = (await admin.get(`/bids/${bid.id}`)).body
    assert.match(adminPage, /Hidden text \(administrators only\)[^]*07700 900123/)
    // A hidden comment cannot be answered, nor hidden twice.
    const reply = await backer.post(`/bids/${bid.id}/comments`, { body: 'Answer', parent: String(comment!.id) })
    assert.deepEqual(summaryLinks(reply.body), [`#reply-${comment!.id} The comment you replied to has been hidden: it can no longer be answered`])
    assert.deepEqual(summaryLinks((await admin.post(hideUrl, { reason: 'Again' })).body), ['#reason This comment has already been hidden'])
    const [audit] = await db().select().from(auditEvents).where(eq(auditEvents.action, 'bid-comment-hidden'))
    assert.match(audit!.summary, /Personal details of a resident/)
    assert.equal((await admin.get(`/bids/${bid.id}/comments/99999/hide`)).statusCode, 404)
  })

  it('lets the lead withdraw a bid after confirming: a withdrawn version is kept and the bid leaves the call', async () => {
    const { call, bid } = await submittedBid()
    assert.match((await lead.get(`/bids/${bid.id}`)).body, new RegExp(`href="/bids/${bid.id}/withdraw"`))
    assert.doesNotMatch((await backer.get(`/bids/${bid.id}`)).body, /data-qa="withdraw-bid"/)
    assert.equal((await backer.get(`/bids/${bid.id}/withdraw`)).statusCode, 403)
    assert.equal((await backer.post(`/bids/${bid.id}/withdraw`, {})).statusCode, 403)
    assert.equal((await admin.post(`/bids/${bid.id}/withdraw`, {})).statusCode, 403)
    const confirm = await lead.get(`/bids/${bid.id}/withdraw`)
    assert.match(confirm.body, /The bid will leave the call’s list and will not be assessed/)
    const res = await lead.post(`/bids/${bid.id}/withdraw`, {})
    assert.equal(res.headers.location, `/bids/${bid.id}?withdrawn=1`)
    const [row] = await db().select().from(bids).where(eq(bids.id, bid.id))
    assert.equal(row!.status, 'withdrawn')
    const versions = await db().select().from(bidVersions).where(eq(bidVersions.bidId, bid.id))
    assert.deepEqual(
      versions.map((v) => v.action),
      ['withdrawn'],
    )
    assert.equal((versions[0]!.snapshot as { milestones: unknown[] }).milestones.length, 1)
    assert.doesNotMatch((await get().app.inject(`/calls/${call.slug}`)).body, new RegExp(`href="/bids/${bid.id}"`))
    assert.equal((await get().app.inject(`/bids/${bid.id}`)).statusCode, 404)
    assert.match((await lead.get(`/bids/${bid.id}`)).body, /The bid has been withdrawn\.|Withdrawn/)
    // Once only.
    assert.match((await lead.get(`/bids/${bid.id}/withdraw`)).body, /This bid can no longer be withdrawn/)
    assert.equal((await lead.post(`/bids/${bid.id}/withdraw`, {})).statusCode, 400)
    // A draft may be withdrawn too; nothing once the call has closed.
    const draft = await buildBid(db(), { callId: call.id, leadOrganisationId: leadId })
    assert.equal((await lead.post(`/bids/${draft.id}/withdraw`, {})).statusCode, 303)
    const late = await buildBid(db(), { callId: call.id, leadOrganisationId: leadId, status: 'submitted' })
    await db().update(calls).set({ opensOn: '2020-01-01', closesOn: '2020-02-01' }).where(eq(calls.id, call.id))
    const refused = await lead.post(`/bids/${late.id}/withdraw`, {})
    assert.equal(refused.statusCode, 400)
    assert.match(refused.body, /This call has closed/)
  })

  it('gives the short form to an expression of interest: why it matters, no plan or budget', async () => {
    const call = await buildCall(db())
    await db().update(calls).set({ kind: 'action-learning-eoi' }).where(eq(calls.id, call.id))
    const started = await lead.post(`/calls/${call.slug}/bids/new`, { title: 'Action learning on energy' })
    const id = Number(/^\/bids\/(\d+)\/edit$/.exec(String(started.headers.location))![1])
    const edit = (await lead.get(`/bids/${id}/edit`)).body
    assert.match(edit, /Why it matters/)
    assert.doesNotMatch(edit, /data-qa="milestone-row"|data-qa="budget-row"/)
    assert.match(edit, /Say why it matters/)
    assert.doesNotMatch(edit, /Add at least one milestone|budget/i)
    const saved = await lead.post(`/bids/${id}/edit`, {
      revision: '1',
      title: 'Action learning on energy',
      summary: 'Five councils.',
      problem: 'Bills.',
      action: 'save',
    })
    assert.equal(saved.statusCode, 303)
    assert.equal((await lead.post(`/bids/${id}/submit`, { revision: '2' })).statusCode, 303)
    assert.match((await get().app.inject(`/bids/${id}`)).body, /<h2 class="govuk-heading-m">Why it matters<\/h2>/)
  })

  it('answers malformed posts without a server error', async () => {
    const { bid } = await submittedBid()
    await backer.post(`/bids/${bid.id}/comments`, { body: 'A thread' })
    const [comment] = await db().select().from(bidComments).where(eq(bidComments.bidId, bid.id))
    const urls = [
      `/bids/${bid.id}/backing`,
      `/bids/${bid.id}/backing/withdraw`,
      `/bids/${bid.id}/comments`,
      `/bids/${bid.id}/comments/${comment!.id}/hide`,
      `/bids/${bid.id}/withdraw`,
      `/bids/nope/comments`,
      `/bids/${bid.id}/comments/nope/hide`,
      `/bids/99999999999999999999/backing`,
    ]
    const forms = [
      {},
      { body: ['a', 'b'], parent: ['1', '2'], join: ['yes', 'no'], reason: ['x', 'y'] },
      { body: '\u0000'.repeat(10), parent: '-1' },
      { parent: '1e9', body: 'x' },
      { reason: 'r'.repeat(10_000) },
    ]
    for (const agent of [backer, admin, lead]) {
      for (const url of urls) {
        for (const form of forms) {
          const res = await agent.post(url, form as Record<string, string | string[]>)
          assert.ok(res.statusCode < 500, `${url} ${JSON.stringify(form).slice(0, 60)}: ${res.statusCode}`)
          if (res.statusCode === 400) assert.match(res.body, /govuk-error-summary/, url)
        }
      }
    }
  })
})
