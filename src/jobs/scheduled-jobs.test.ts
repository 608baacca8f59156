import assert from 'node:assert/strict'
import { it } from 'node:test'
import { eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { createTestApp, describeEachDatabase } from '../../test/app.ts'
import type { Database } from '../db/client.ts'
import { emails } from '../db/schema/index.ts'
import { queueEmail } from '../features/email/outbox.ts'
import { nextRuns } from './london-time.ts'
import { scheduledJobs } from './scheduled-jobs.ts'

const run = { id: 'test', data: {}, createdOn: new Date(), day: '2026-12-06', attempt: 1 }

describeEachDatabase('the site’s scheduled jobs', (get) => {
  it('each has a cron pg-boss can read, in London time, and a retry policy within pg-boss’s bounds', () => {
    for (const job of scheduledJobs(get().app)) {
      if (job.cron) assert.equal(nextRuns(job.cron, new Date('2026-03-28T12:00:00Z'), 3).length, 3, job.name)
      if (job.retry) assert.ok(Number.isInteger(job.retry.limit) && job.retry.limit >= 0 && Number.isInteger(job.retry.delaySeconds), job.name)
    }
  })

  it('tries a failed email again once its wait is over, only with a mail server set up', async () => {
    const longAgo = new Date(Date.now() - 60 * 60_000)
    const failedEmail = async (db: Database) => {
      const id = await queueEmail(db, { to: 'bounce@example.org', subject: 'Renewal', body: 'Hello' })
      await db.update(emails).set({ status: 'failed', attempts: 1, error: 'greylisted', createdAt: longAgo, lastAttemptAt: longAgo }).where(eq(emails.id, id))
      return id
    }
    const retriesOf = (app: FastifyInstance) => scheduledJobs(app).find((j) => j.name === 'email-retries')!

    const kept = await failedEmail(get().handle.db)
    await retriesOf(get().app).run(run)
    const [untouched] = await get().handle.db.select().from(emails).where(eq(emails.id, kept))
    assert.equal(untouched!.attempts, 1, 'no SMTP_URL: the outbox is the delivery, nothing is tried')

    // A mail server that refuses: nothing listens on port 1.
    const withSmtp = await createTestApp(get().handle.kind, { SMTP_URL: 'smtp://127.0.0.1:1' })
    try {
      const id = await failedEmail(withSmtp.handle.db)
      await retriesOf(withSmtp.app).run(run)
      const [tried] = await withSmtp.handle.db.select().from(emails).where(eq(emails.id, id))
      assert.equal(tried!.status, 'failed')
      assert.equal(tried!.attempts, 2)
      assert.match(tried!.error ?? '', /ECONNREFUSED/)
      assert.ok(tried!.lastAttemptAt!.getTime() > longAgo.getTime(), 'the try is timed: the next waits 30 minutes from it')
    } finally {
      await withSmtp.close()
    }
  })
})
