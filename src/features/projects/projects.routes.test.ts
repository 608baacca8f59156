import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { Agent, agentWithSession } from '../../../test/agent.ts'
import { buildOrganisation, buildPrinciple } from '../../../test/factories.ts'
import { buildFundedProject, submitFinalReport } from '../../../test/projects.ts'
import { inTransaction } from '../../db/unit-of-work.ts'
import { turnIntoCaseStudy } from './commands/turn-into-case-study.ts'
import { caseStudies, caseStudyOrganisations, caseStudyPrinciples, projectMilestones, projectReports, projects } from '../../db/schema/index.ts'

describeEachDatabase('projects: pages, reports, closing and the case study', (get) => {
  let lead: { id: number; slug: string }
  let member: { id: number; slug: string }
  let invited: { id: number }
  let principle: { id: number }
  let leadOfficer: Agent

  before(async () => {
    const { app, handle } = get()
    lead = await buildOrganisation(handle.db, { slug: 'northbrook', name: 'Northbrook City Council' })
    member = await buildOrganisation(handle.db, { slug: 'riverside', name: 'Riverside Borough Council' })
    invited = await buildOrganisation(handle.db, { slug: 'eastmoor', name: 'Eastmoor District Council' })
    principle = await buildPrinciple(handle.db, { shortName: 'Co-production' })
    leadOfficer = await agentWithSession(app, handle.db, 'officer', 'northbrook')
  })

  const fund = (title: string, over: Parameters<typeof buildFundedProject>[1] extends infer O ? Partial<O> : never = {}) =>
    buildFundedProject(get().handle.db, {
      leadOrganisationId: lead.id,
      title,
      memberIds: [member.id],
      invitedIds: [invited.id],
      partnerName: 'Tenants Federation',
      principleIds: [principle.id],
      ...over,
    })

  it('shows a project to anyone: lead, accepted members, partners, call, budget, dates and milestones', async () => {
    const { app } = get()
    const { project } = await fund('Energy co-operatives')
    const res = await app.inject(`/projects/${project.slug}`)
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<h1 class="govuk-heading-xl">Energy co-operatives<\/h1>/)
    assert.match(res.body, /href="\/members\/northbrook">Northbrook City Council/)
    assert.match(res.body, /Riverside Borough Council/)
    assert.doesNotMatch(res.body, /Eastmoor District Council/, 'an invitation never accepted is not participation')
    assert.match(res.body, /Tenants Federation/)
    assert.match(res.body, /£15,000/)
    assert.match(res.body, /1 May 2026 to 1 May 2028/)
    assert.match(res.body, /Launch/)
    assert.match(res.body, /govuk-tag--blue">\s*Underway/)
    assert.match(res.body, /No report has been submitted yet/)
    assert.doesNotMatch(res.body, /Reports to write/, 'the public is not asked to write reports')
    const list = await app.inject('/projects')
    assert.match(list.body, /Energy co-operatives/)
    const welsh = await app.inject(`/cy/projects/${project.slug}`)
    assert.match(welsh.body, /<html lang="cy"/)
    assert.match(welsh.body, /Ar y gweill/)
    assert.match(welsh.body, /<h1 class="govuk-heading-xl" lang="en">Energy co-operatives/)
    for (const url of ['/projects/no-such-project', '/projects/NOT_A_SLUG', `/projects/${project.slug}/reports/abc/edit`]) {
      assert.equal((await leadOfficer.get(url)).statusCode, 404, url)
    }
  })

  it('lets only the lead’s officers write reports', async () => {
    const { app, handle } = get()
    const { project, reports } = await fund('Only the lead reports')
    const url = `/projects/${project.slug}/reports/${reports[0]!.id}/edit`
    const anonymous = await new Agent(app).get(url)
    assert.equal(anonymous.statusCode, 303)
    assert.match(String(anonymous.headers.location), /^\/sign-in/)
    for (const role of ['editor', 'admin'] as const) assert.equal((await (await agentWithSession(app, handle.db, role)).get(url)).statusCode, 403, role)
    const other = await agentWithSession(app, handle.db, 'officer', 'riverside')
    assert.equal((await other.get(url)).statusCode, 403)
    assert.equal((await other.post(url, { revision: '1', whatHappened: 'Not mine', action: 'save' })).statusCode, 403)
    const [row] = await handle.db.select().from(projectReports).where(eq(projectReports.id, reports[0]!.id))
    assert.equal(row!.whatHappened, '')
    const page = await leadOfficer.get(url)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Progress report due 1 November 2026/)
    const show = await leadOfficer.get(`/projects/${project.slug}`)
    assert.match(show.body, /Reports to write/)
    const dashboard = await leadOfficer.get('/dashboard')
    assert.match(dashboard.body, /data-qa="your-projects"[\s\S]*Only the lead reports[\s\S]*Progress report due 1 November 2026/)
    assert.doesNotMatch((await other.get('/dashboard')).body, /Only the lead reports/)
  })

  it('saves a draft, explains bad input, detects a stale save, submits, and then keeps the report as it was', async () => {
    const { handle } = get()
    const { project, reports } = await fund('Draft then submit')
    const report = reports[0]!
    const [milestone] = await handle.db.select().from(projectMilestones).where(eq(projectMilestones.projectId, project.id))
    const url = `/projects/${project.slug}/reports/${report.id}/edit`

    const notAmount = await leadOfficer.post(url, { revision: '1', whatHappened: 'Started', spend: 'lots', action: 'save' })
    assert.equal(notAmount.statusCode, 400)
    assert.match(notAmount.body, /govuk-error-summary/)
    assert.match(notAmount.body, /href="#spend">Enter the spend as an amount in pounds, like 1250.50/)

    const draft = await leadOfficer.post(url, {
      revision: '1',
      whatHappened: 'Started',
      spend: '£1,250.50',
      [`milestone-${milestone!.id}`]: 'on-track',
      action: 'save',
    })
    assert.equal(draft.statusCode, 303)
    let [row] = await handle.db.select().from(projectReports).where(eq(projectReports.id, report.id))
    assert.deepEqual([row!.spendToDatePence, row!.submittedAt, row!.revision], [125_050, null, 2])

    const stale = await leadOfficer.post(url, { revision: '1', whatHappened: 'Older tab', spend: '10', action: 'save' })
    assert.equal(stale.statusCode, 400)
    assert.match(stale.body, /Someone else saved this report/)
    assert.match(stale.body, /name="revision" value="2"/)
    assert.match(stale.body, /Older tab/, 'what this person typed is kept')

    const incomplete = await leadOfficer.post(url, { revision: '2', whatHappened: '', spend: '', action: 'submit' })
    assert.equal(incomplete.statusCode, 400)
    assert.match(incomplete.body, /href="#whatHappened">Enter what happened since the last report/)
    assert.match(incomplete.body, /href="#spend">Enter how much has been spent to date/)
    assert.match(incomplete.body, new RegExp(`href="#milestone-${milestone!.id}">Choose where this milestone stands`))

    const submitted = await leadOfficer.post(url, {
      revision: '2',
      whatHappened: 'Six **workshops** with tenants. <script>alert(1)</script>',
      spend: '20,000',
      [`milestone-${milestone!.id}`]: 'at-risk',
      action: 'submit',
    })
    assert.equal(submitted.statusCode, 303)
    ;[row] = await handle.db.select().from(projectReports).where(eq(projectReports.id, report.id))
    assert.ok(row!.submittedAt)
    assert.equal(row!.spendToDatePence, 2_000_000)
    const [moved] = await handle.db.select().from(projectMilestones).where(eq(projectMilestones.id, milestone!.id))
    assert.equal(moved!.status, 'at-risk', 'the milestones follow the latest report')

    const page = await leadOfficer.get(`/projects/${project.slug}`)
    assert.match(page.body, /Six <strong>workshops<\/strong> with tenants/)
    assert.doesNotMatch(page.body, /<script>alert/)
    assert.match(page.body, /Spent to date: £20,000 of £15,000/)
    assert.match(page.body, /more than the project’s budget/, 'over budget: recorded, and said')
    assert.match(page.body, /govuk-tag--orange">\s*At risk/)

    const again = await leadOfficer.post(url, { revision: '3', whatHappened: 'Rewritten', spend: '1', action: 'save' })
    assert.equal(again.statusCode, 400)
    assert.match(again.body, /submitted on .* and can no longer be changed/)
    ;[row] = await handle.db.select().from(projectReports).where(eq(projectReports.id, report.id))
    assert.match(row!.whatHappened, /^Six/)
    const readOnly = await leadOfficer.get(url)
    assert.match(readOnly.body, /data-qa="report-read-only"/)
    assert.doesNotMatch(readOnly.body, /data-qa="report-form"/)
  })

  it('answers malformed report posts with 400, never 500', async () => {
    const { project, reports } = await fund('Malformed posts')
    const url = `/projects/${project.slug}/reports/${reports[0]!.id}/edit`
    for (const form of <Array<Record<string, string | string[]>>>[
      {},
      { revision: ['1', '2'], whatHappened: ['a', 'b'], spend: ['1', '2'], action: ['submit', 'save'] },
      { revision: '1', whatHappened: 'x'.repeat(100_000), spend: '9'.repeat(40), action: 'submit' },
      { revision: 'abc', spend: '1e999', action: 'nonsense' },
    ]) {
      const res = await leadOfficer.post(url, form)
      assert.equal(res.statusCode, 400, JSON.stringify(form).slice(0, 80))
    }
  })

  it('refuses to close without the final report, then closes with it', async () => {
    const { handle } = get()
    const { project } = await fund('Close me')
    const refused = await leadOfficer.post(`/projects/${project.slug}/close`)
    assert.equal(refused.statusCode, 400)
    assert.match(refused.body, /Closing asks for the final report: submit it first/)
    assert.equal((await handle.db.select().from(projects).where(eq(projects.id, project.id)))[0]!.status, 'underway')
    await submitFinalReport(handle.db, project.id)
    const closed = await leadOfficer.post(`/projects/${project.slug}/close`)
    assert.equal(closed.statusCode, 303)
    const [row] = await handle.db.select().from(projects).where(eq(projects.id, project.id))
    assert.equal(row!.status, 'closed')
    assert.ok(row!.closedAt)
    const twice = await leadOfficer.post(`/projects/${project.slug}/close`)
    assert.equal(twice.statusCode, 400)
    assert.match(twice.body, /already closed/)
  })

  it('turns a closed project into a draft case study with the right fields, once, linked both ways', async () => {
    const { app, handle } = get()
    const { project } = await fund('Learning loop', { awardedPence: 900_000 })
    const early = await leadOfficer.post(`/projects/${project.slug}/case-study`)
    assert.equal(early.statusCode, 400)
    assert.match(early.body, /Only a closed project can be turned into a case study/)

    await submitFinalReport(handle.db, project.id, { whatHappened: 'We **co-designed** the scheme.', outcomes: 'Tenants sit on the board.' })
    assert.equal((await leadOfficer.post(`/projects/${project.slug}/close`)).statusCode, 303)
    const made = await leadOfficer.post(`/projects/${project.slug}/case-study`)
    assert.equal(made.statusCode, 303)
    assert.match(String(made.headers.location), /^\/case-studies\/learning-loop(-\d+)?\/edit$/)

    const [linked] = await handle.db.select().from(projects).where(eq(projects.id, project.id))
    const [cs] = await handle.db.select().from(caseStudies).where(eq(caseStudies.id, linked!.caseStudyId!))
    assert.equal(cs!.status, 'draft')
    assert.equal(cs!.title, 'Learning loop')
    assert.equal(cs!.kind, 'policy-lab')
    assert.equal(cs!.stage, 'completed')
    assert.equal(cs!.yearStart, 2026)
    assert.equal(cs!.ownerOrganisationId, lead.id)
    // The partner the lead named, not an organisation coophub knows, is named at the end of the body.
    assert.equal(cs!.body, 'We **co-designed** the scheme.\n\nWorked with Tenants Federation.')
    assert.equal(cs!.outcomes, 'Tenants sit on the board.')
    const roles = await handle.db.select().from(caseStudyOrganisations).where(eq(caseStudyOrganisations.caseStudyId, cs!.id))
    assert.deepEqual(roles.map((r) => `${r.organisationId}:${r.role}`).sort(), [`${lead.id}:lead`, `${member.id}:participant`].sort())
    const principles = await handle.db.select().from(caseStudyPrinciples).where(eq(caseStudyPrinciples.caseStudyId, cs!.id))
    assert.deepEqual(
      principles.map((p) => p.principleId),
      [principle.id],
    )

    const editor = await leadOfficer.get(String(made.headers.location))
    assert.equal(editor.statusCode, 200)
    const second = await leadOfficer.post(`/projects/${project.slug}/case-study`)
    assert.equal(second.statusCode, 400)
    assert.match(second.body, /already has a case study/)
    assert.match(second.body, new RegExp(`href="/case-studies/${cs!.slug}/edit"`))
    assert.equal((await handle.db.select().from(caseStudies).where(eq(caseStudies.title, 'Learning loop'))).length, 1)

    // Public once published: each page links to the other.
    await handle.db.update(caseStudies).set({ status: 'published', publishedRevision: 1, publishedAt: new Date() }).where(eq(caseStudies.id, cs!.id))
    const page = await app.inject(`/case-studies/${cs!.slug}`)
    assert.match(page.body, new RegExp(`From the project <a class="govuk-link" href="/projects/${project.slug}">Learning loop</a>`))
    const projectPage = await app.inject(`/projects/${project.slug}`)
    assert.match(projectPage.body, new RegExp(`href="/case-studies/${cs!.slug}"`))
  })

  it('makes one case study when asked twice at once', async () => {
    const { handle } = get()
    const { project } = await fund('Asked twice')
    await submitFinalReport(handle.db, project.id)
    await handle.db.update(projects).set({ status: 'closed', closedAt: new Date() }).where(eq(projects.id, project.id))
    const ask = () => inTransaction(handle.db, (tx) => turnIntoCaseStudy(tx, { id: null, label: 'test' }, { projectId: project.id }))
    const results = await Promise.all([ask(), ask()])
    assert.deepEqual(results.map((r) => r.ok).sort(), [false, true])
    assert.equal((await handle.db.select().from(caseStudies).where(eq(caseStudies.title, 'Asked twice'))).length, 1)
  })

  it('shows administrators every project at a glance, filtered; nobody else', async () => {
    const { app, handle } = get()
    const { project } = await fund('At a glance')
    const admin = await agentWithSession(app, handle.db, 'admin')
    const all = await admin.get('/admin/projects')
    assert.equal(all.statusCode, 200)
    assert.match(all.body, /data-qa="project-table"/)
    assert.match(all.body, /At a glance/)
    assert.match(all.body, /Progress report, 1 November 2026/)
    const closed = await admin.get('/admin/projects?status=closed')
    assert.doesNotMatch(closed.body, /At a glance/)
    assert.equal((await admin.get('/admin/projects?status=%00')).statusCode, 200)
    assert.equal((await leadOfficer.get('/admin/projects')).statusCode, 403)
    assert.equal((await (await agentWithSession(app, handle.db, 'editor')).get('/admin/projects')).statusCode, 403)
    assert.ok(project)
  })

  it('tells each year’s round in words and a table', async () => {
    const { app } = get()
    const res = await app.inject('/calls/rounds')
    assert.equal(res.statusCode, 200)
    // The test calls close 30 days from today: this year's round or next.
    const match = /In (\d{4}) the network ran \d+ calls: \d+ bids were submitted and \d+ were funded, with £[\d,]+ awarded in all/.exec(res.body)
    assert.ok(match, 'the round in words')
    // The eight projects funded above, each from a call of its own; three of them closed.
    assert.match(res.body, /ran 8 calls: 8 bids were submitted and 8 were funded, with £114,000 awarded in all. 8 projects started, of which 3 have closed./)
    const year = match[1]!
    assert.match(res.body, /data-qa="round-table"/)
    const cy = await app.inject('/cy/calls/rounds')
    assert.match(cy.body, new RegExp(`Yn ${year} cynhaliodd y rhwydwaith`))
  })
})
