import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { Agent, signedInAgent } from '../../../test/agent.ts'
import { summaryLinks } from '../../../test/admin-support.ts'
import { buildRegisterCouncil, loadExampleSchedule } from '../../../test/membership.ts'
import { emails, invoiceLines, invoices, membershipApplications, membershipEvents, memberships, organisations } from '../../db/schema/index.ts'
import { currentYear } from './cli/commands.ts'
import { londonDate, subscriptionYearOf, wholeMonthsRemaining } from './rules/subscription-year.ts'
import { prorate } from './rules/fees.ts'

const links = (html: string) => summaryLinks(html).map((l) => l.split(' ')[0])

async function apply(agent: Agent, form: Record<string, string>) {
  const res = await agent.post('/join', { contactName: 'Aled Jones', contactEmail: 'aled@example.org', consent: 'yes', ...form })
  assert.equal(res.statusCode, 303, res.body.slice(0, 300))
}

describeEachDatabase('admin: applications to join', (get) => {
  let admin: Agent
  let editor: Agent
  before(async () => {
    const { app, handle, config } = get()
    await loadExampleSchedule(handle.db, currentYear(config))
    await buildRegisterCouncil(handle.db, { code: 'NTH', name: 'Northtown', population: 120_000 })
    await buildRegisterCouncil(handle.db, { code: 'NOP', name: 'Nopop', population: null })
    admin = (await signedInAgent(app, handle.db, 'admin')).agent
    editor = (await signedInAgent(app, handle.db, 'editor')).agent
    const visitor = new Agent(app)
    await apply(visitor, {
      tier: 'full',
      council: 'NTH',
      sponsorName: 'Sam Lee',
      sponsorJobTitle: 'Director',
      sponsorEmail: 'sam@example.org',
      decisionMakerName: 'Cllr Evans',
      decisionMakerRole: 'Leader',
      contactEmail: 'northtown@example.org',
    })
    await apply(visitor, { tier: 'affiliate', 'kind-affiliate': 'charity', organisationName: 'Refused Charity', contactEmail: 'refused@example.org' })
    await apply(visitor, {
      tier: 'full',
      council: 'NOP',
      sponsorName: 'Sam Lee',
      sponsorJobTitle: 'Director',
      sponsorEmail: 'sam@example.org',
      decisionMakerName: 'Cllr Evans',
      decisionMakerRole: 'Leader',
    })
  })

  const applicationId = async (name: string) => {
    const [row] = await get().handle.db.select().from(membershipApplications).where(eq(membershipApplications.organisationName, name))
    return row!.id
  }

  it('is for administrators only', async () => {
    assert.equal((await new Agent(get().app).get('/admin/membership')).statusCode, 303)
    for (const url of ['/admin/membership', '/admin/membership/applications', `/admin/membership/applications/${await applicationId('Refused Charity')}`]) {
      assert.equal((await editor.get(url)).statusCode, 403, url)
    }
    const res = await editor.post(`/admin/membership/applications/${await applicationId('Refused Charity')}/decision`, { decision: 'approve' })
    assert.equal(res.statusCode, 403)
  })

  it('lists the applications, the waiting ones first', async () => {
    const res = await admin.get('/admin/membership/applications')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /Northtown Council/)
    assert.match(res.body, /Refused Charity/)
  })

  it('asks for a decision, and a reason to refuse', async () => {
    const id = await applicationId('Refused Charity')
    const none = await admin.post(`/admin/membership/applications/${id}/decision`, {})
    assert.equal(none.statusCode, 400)
    assert.deepEqual(links(none.body), ['#decision'])
    const noReason = await admin.post(`/admin/membership/applications/${id}/decision`, { decision: 'refuse', reason: '  ' })
    assert.deepEqual(links(noReason.body), ['#reason'])
  })

  it('refuses with a reason, emailed to the applicant, and will not decide twice', async () => {
    const { handle } = get()
    const id = await applicationId('Refused Charity')
    const res = await admin.post(`/admin/membership/applications/${id}/decision`, {
      decision: 'refuse',
      reason: 'We only admit charities working with councils.',
    })
    assert.equal(res.statusCode, 303)
    const [row] = await handle.db.select().from(membershipApplications).where(eq(membershipApplications.id, id))
    assert.equal(row?.status, 'refused')
    const mail = await handle.db.select().from(emails).where(eq(emails.toAddress, 'refused@example.org'))
    assert.ok(mail.some((m) => m.bodyText.includes('We only admit charities working with councils.')))
    const again = await admin.post(`/admin/membership/applications/${id}/decision`, { decision: 'approve' })
    assert.equal(again.statusCode, 400)
    assert.match(again.body, /already been decided/)
  })

  it('approves: adds the council from the register, starts the membership and issues the first invoice for the months left', async () => {
    const { handle, config } = get()
    const id = await applicationId('Northtown Council')
    const res = await admin.post(`/admin/membership/applications/${id}/decision`, { decision: 'approve' })
    assert.equal(res.statusCode, 303)
    const [organisation] = await handle.db.select().from(organisations).where(eq(organisations.authorityCode, 'NTH'))
    assert.equal(organisation?.kind, 'council')
    assert.equal(organisation?.tier, 'full')
    const [membership] = await handle.db.select().from(memberships).where(eq(memberships.organisationId, organisation!.id))
    assert.equal(membership?.status, 'approved')
    const events = await handle.db.select().from(membershipEvents).where(eq(membershipEvents.membershipId, membership!.id))
    assert.deepEqual(
      events.map((e) => [e.fromStatus, e.toStatus]),
      [['applied', 'approved']],
    )
    const [invoice] = await handle.db.select().from(invoices).where(eq(invoices.membershipId, membership!.id))
    const today = londonDate(new Date())
    const year = subscriptionYearOf(today)
    assert.equal(invoice?.number, `CCN-${year}-0001`)
    assert.equal(invoice?.kind, 'joining')
    assert.equal(invoice?.totalPence, prorate(150_000, wholeMonthsRemaining(today, year)))
    const lines = await handle.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice!.id))
    assert.equal(lines.length, 1)
    const mail = await handle.db.select().from(emails).where(eq(emails.toAddress, 'northtown@example.org'))
    assert.ok(mail.some((m) => m.subject.includes(invoice!.number)))
    assert.ok(mail.some((m) => m.subject.startsWith('Welcome to')))

    const page = await admin.get(res.headers.location as string)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Approved Northtown Council/)
    assert.ok(page.body.includes(invoice!.number))
    const dashboard = await admin.get('/admin/membership')
    assert.equal(dashboard.statusCode, 200)
    assert.match(dashboard.body, /Northtown Council/)
    assert.ok(config.membership.invoicePrefix === 'CCN')
  })

  it('will not approve a council whose fee it cannot work out, and says what is missing', async () => {
    const id = await applicationId('Nopop Council')
    const res = await admin.post(`/admin/membership/applications/${id}/decision`, { decision: 'approve' })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /figures \(its population, or its budget\) are needed/)
    const [row] = await get().handle.db.select().from(membershipApplications).where(eq(membershipApplications.id, id))
    assert.equal(row?.status, 'received')
  })

  it('answers a missing or malformed application with not found', async () => {
    for (const url of ['/admin/membership/applications/999999', '/admin/membership/applications/abc', '/admin/membership/members/999999']) {
      assert.equal((await admin.get(url)).statusCode, 404, url)
    }
    assert.equal((await admin.post('/admin/membership/applications/999999/decision', { decision: 'approve' })).statusCode, 404)
  })
})
