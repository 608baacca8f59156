import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { eq, inArray } from 'drizzle-orm'
import { describeEachDatabase } from '../../../../test/app.ts'
import { agentWithSession } from '../../../../test/agent.ts'
import { buildOrganisation } from '../../../../test/factories.ts'
import { buildFundedProject } from '../../../../test/projects.ts'
import { emails, projectReminders, projectReports, users } from '../../../db/schema/index.ts'
import { scheduledJobs } from '../../../jobs/scheduled-jobs.ts'
import { sendReportReminders } from './send-report-reminders.ts'

const run = (today: string) => ({ today, baseUrl: 'https://network.example', network: 'Test Councils Network', actor: { id: null, label: 'test' } })

describeEachDatabase('project report reminders', (get) => {
  let leadId = 0

  before(async () => {
    const { app, handle } = get()
    const lead = await buildOrganisation(handle.db, { slug: 'afonwen', name: 'Afonwen County Borough Council' })
    leadId = lead.id
    await agentWithSession(app, handle.db, 'officer', 'afonwen')
    await agentWithSession(app, handle.db, 'officer', 'afonwen')
    // One officer reads in Welsh; a disabled account hears nothing.
    const officers = await handle.db.select().from(users).where(eq(users.organisationId, lead.id)).orderBy(users.id)
    await handle.db.update(users).set({ language: 'cy' }).where(eq(users.id, officers[1]!.id))
    await agentWithSession(app, handle.db, 'officer', 'afonwen')
    const all = await handle.db.select().from(users).where(eq(users.organisationId, lead.id)).orderBy(users.id)
    await handle.db.update(users).set({ status: 'disabled' }).where(eq(users.id, all[2]!.id))
  })

  it('sends "due soon" 14 days before and "overdue" after, each once, to the lead’s active officers in their language', async () => {
    const { handle } = get()
    const { project, reports } = await buildFundedProject(handle.db, {
      leadOrganisationId: leadId,
      title: 'Welsh language play schemes',
      decidedOn: '2026-05-01',
    })
    const first = reports[0]!
    assert.equal(first.dueOn, '2026-11-01')

    assert.equal((await sendReportReminders(handle.db, run('2026-10-17'))).sent, 0, '15 days before: nothing yet')
    const soon = await sendReportReminders(handle.db, run('2026-10-18'))
    assert.equal(soon.sent, 1)
    assert.equal(soon.emailIds.length, 2, 'two active officers')
    const sentEmails = await handle.db.select().from(emails).where(inArray(emails.id, soon.emailIds)).orderBy(emails.id)
    assert.match(sentEmails[0]!.subject, /^Progress report due 1 November 2026: Welsh language play schemes$/)
    assert.match(sentEmails[0]!.bodyText, new RegExp(`https://network.example/projects/${project.slug}/reports/${first.id}/edit`))
    assert.match(sentEmails[1]!.subject, /^Adroddiad cynnydd erbyn 1 Tachwedd 2026/)
    assert.match(sentEmails[1]!.bodyText, new RegExp(`https://network.example/cy/projects/${project.slug}/reports/${first.id}/edit`))

    const again = await sendReportReminders(handle.db, run('2026-10-19'))
    assert.deepEqual([again.sent, again.emailIds.length], [0, 0], 'the same reminder is not sent twice')
    assert.equal((await sendReportReminders(handle.db, run('2026-11-01'))).sent, 0, 'due today is not overdue')

    const late = await sendReportReminders(handle.db, run('2026-11-02'))
    assert.equal(late.sent, 1)
    const [overdue] = await handle.db.select().from(emails).where(eq(emails.id, late.emailIds[0]!))
    assert.match(overdue!.subject, /^Progress report overdue: Welsh language play schemes$/)
    assert.equal((await sendReportReminders(handle.db, run('2026-11-03'))).sent, 0)
    const rows = await handle.db.select().from(projectReminders).where(eq(projectReminders.reportId, first.id))
    assert.deepEqual(rows.map((r) => r.kind).sort(), ['report-due-soon', 'report-overdue'])
  })

  it('sends a reminder once when two runs race (two instances sharing the database)', async () => {
    const { handle } = get()
    const { reports } = await buildFundedProject(handle.db, { leadOrganisationId: leadId, title: 'Raced', decidedOn: '2025-01-10' })
    const [a, b] = await Promise.all([sendReportReminders(handle.db, run('2025-07-01')), sendReportReminders(handle.db, run('2025-07-01'))])
    assert.equal(a!.sent + b!.sent, 1)
    assert.equal(a!.emailIds.length + b!.emailIds.length, 2)
    const rows = await handle.db.select().from(projectReminders).where(eq(projectReminders.reportId, reports[0]!.id))
    assert.equal(rows.length, 1)
  })

  it('says nothing about a submitted report', async () => {
    const { handle } = get()
    const { reports } = await buildFundedProject(handle.db, { leadOrganisationId: leadId, title: 'Submitted on time', decidedOn: '2026-06-10' })
    await handle.db.update(projectReports).set({ submittedAt: new Date(), spendToDatePence: 0 }).where(eq(projectReports.id, reports[0]!.id))
    const summary = await sendReportReminders(handle.db, run('2026-12-01'))
    const about = await handle.db.select().from(projectReminders).where(eq(projectReminders.reportId, reports[0]!.id))
    assert.deepEqual(about, [])
    assert.ok(summary.sent >= 0)
  })

  it('runs as the daily scheduled job at 07:00 London time', async () => {
    const { app, handle } = get()
    const job = scheduledJobs(app).find((j) => j.name === 'project-reminders')
    assert.ok(job)
    assert.equal(job.cron, '0 7 * * *')
    assert.equal(job.daily, true)
    const { reports } = await buildFundedProject(handle.db, { leadOrganisationId: leadId, title: 'Run by the job', decidedOn: '2026-03-03' })
    await job.run({ id: 'test', data: {}, createdOn: new Date('2026-08-25T06:00:00Z'), day: '2026-08-25', attempt: 1 })
    const rows = await handle.db.select().from(projectReminders).where(eq(projectReminders.reportId, reports[0]!.id))
    assert.deepEqual(
      rows.map((r) => r.kind),
      ['report-due-soon'],
    )
  })
})
