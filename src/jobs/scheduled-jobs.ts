import type { FastifyInstance } from 'fastify'
import type pg from 'pg'
import type { Database } from '../db/client.ts'
import { claimEmailsDue } from '../features/email/commands/claim-emails-due.ts'
import { queueSubmissionDigests } from '../features/review/submission-digest.ts'
import type { ScheduledJob } from './scheduler.ts'

/** Every job the site runs on a schedule, composed here from the features that own them. */
export function scheduledJobs(app: FastifyInstance): ScheduledJob[] {
  const { config, db } = app.deps
  // No request to take an address from: PUBLIC_URL, or this server's own address.
  const baseUrl = config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`
  return [
    {
      name: 'submission-digests',
      cron: '*/5 * * * *',
      // The next run, five minutes on, does the same work: two quick retries, then the schedule carries on.
      retry: { limit: 2, delaySeconds: 60, backoff: true },
      run: async () => app.mailer.deliver(await queueSubmissionDigests(db, { baseUrl, networkName: config.networkName })),
    },
    {
      name: 'email-retries',
      // Each email's own waits (5 min, 30 min, 2 h, 12 h) are its rule; this only looks for those due.
      cron: '*/5 * * * *',
      retry: { limit: 2, delaySeconds: 60, backoff: true },
      run: async () => {
        // No mail server: emails are kept in the outbox by design, never tried.
        if (!config.smtpUrl) return
        await app.mailer.deliver(await claimEmailsDue(db))
      },
    },
    {
      // Statuses, reminders, and from 1 September the renewal invoices: once per London day, at 06:00.
      name: 'membership-daily',
      cron: '0 6 * * *',
      daily: true,
      timeoutMinutes: 30,
      run: async (job) => {
        const { runDaily } = await import('../features/membership/renewals.ts')
        const { runContext } = await import('../features/membership/cli/run-commands.ts')
        const summary = await runDaily(db, { ...runContext(config, job.day), baseUrl })
        await app.mailer.deliver(summary.emailIds)
        app.log.info({ job: 'membership-daily', day: job.day, ...summary, emailIds: summary.emailIds.length }, 'membership: the daily job ran')
      },
    },
    {
      // Reports due within 14 days, and overdue ones: each reminder once per report, at 07:00 London.
      name: 'project-reminders',
      cron: '0 7 * * *',
      daily: true,
      run: async (job) => {
        const { sendReportReminders, reminderJobActor } = await import('../features/projects/commands/send-report-reminders.ts')
        const summary = await sendReportReminders(db, { today: job.day, baseUrl, network: config.networkName, actor: reminderJobActor })
        await app.mailer.deliver(summary.emailIds)
        app.log.info({ job: 'project-reminders', day: job.day, sent: summary.sent, emails: summary.emailIds.length }, 'projects: the reminders ran')
      },
    },
    {
      // Offers past their time lapse and pass to the next person: every five minutes, so an offer lasts its hours and no more.
      name: 'event-waiting-lists',
      cron: '*/5 * * * *',
      retry: { limit: 2, delaySeconds: 60, backoff: true },
      run: async () => {
        const { settleAllWaitingLists } = await import('../features/events/commands/scheduled-work.ts')
        await app.mailer.deliver(await settleAllWaitingLists(db, { network: config.networkName, site: baseUrl }))
      },
    },
    {
      // Reminders before events, access and dietary needs erased once their days are up, and the feedback form after: at 08:00 London.
      name: 'events-daily',
      cron: '0 8 * * *',
      daily: true,
      run: async () => {
        const { eraseNeeds, sendEventReminders } = await import('../features/events/commands/scheduled-work.ts')
        const erased = await eraseNeeds(db)
        const emailIds = await sendEventReminders(db, { network: config.networkName, site: baseUrl })
        await app.mailer.deliver(emailIds)
        // The feedback form, the London day after each event ends: asked once, however often this runs.
        const { sendFeedbackRequests } = await import('../features/events/commands/feedback.ts')
        const feedbackIds = await sendFeedbackRequests(db, { network: config.networkName, site: baseUrl })
        await app.mailer.deliver(feedbackIds)
        app.log.info({ job: 'events-daily', erased, reminders: emailIds.length, feedback: feedbackIds.length }, 'events: the daily job ran')
      },
    },
    ...backupJob(app),
  ]
}

/** With BACKUP_DIR set: a backup of the whole database at 02:30 London, when the site is quietest. */
function backupJob(app: FastifyInstance): ScheduledJob[] {
  const { config, db, dbKind } = app.deps
  const dir = config.backup.dir
  if (!dir) return []
  return [
    {
      name: 'nightly-backup',
      cron: '30 2 * * *',
      daily: true,
      timeoutMinutes: 60,
      // A failed night (a full disk) is tried twice more, an hour apart; the newest backups stay.
      retry: { limit: 2, delaySeconds: 3600, backoff: false },
      run: async (job) => {
        const { runScheduledBackup } = await import('../features/backup/scheduled-backup.ts')
        const pool = (db as Database & { $client: pg.Pool }).$client
        const result = await runScheduledBackup(pool, dbKind, { dir, keep: config.backup.keep })
        app.log.info(
          { job: 'nightly-backup', day: job.day, file: result.file, bytes: result.bytes, rows: result.rows, deleted: result.deleted.length },
          'backup: the nightly backup was written',
        )
      },
    },
  ]
}
