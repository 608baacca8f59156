import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import Fastify from 'fastify'
import { createTestDatabase, testDatabaseKinds } from '../../test/databases.ts'
import { waitFor } from '../../test/jobs.ts'
import type { DatabaseHandle } from '../db/client.ts'
import { londonDate, previousRun } from './london-time.ts'
import { jobSender, singletonJobId, startScheduler, type JobRun, type ScheduledJob, type Scheduler } from './scheduler.ts'

describe('a singleton key’s job id', () => {
  it('is a UUID, the same for the same queue and key, different otherwise', () => {
    const id = singletonJobId('membership-daily', 'membership-daily:2026-12-06')
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    assert.equal(singletonJobId('membership-daily', 'membership-daily:2026-12-06'), id)
    assert.notEqual(singletonJobId('membership-daily', 'membership-daily:2026-12-07'), id)
    assert.notEqual(singletonJobId('renewals', 'membership-daily:2026-12-06'), id)
  })
})

for (const kind of testDatabaseKinds()) {
  describe(`scheduled work [${kind}]`, () => {
    let handle: DatabaseHandle
    let scheduler: Scheduler | undefined
    const runs: JobRun[] = []
    const failures: JobRun[] = []
    const daily: JobRun[] = []
    let jobs: ScheduledJob[] = []

    before(async () => {
      handle = await createTestDatabase(kind)
      jobs = [
        { name: 'test-job', cron: '0 4 * * *', run: async (job: JobRun) => void runs.push(job) },
        { name: 'daily-job', cron: '0 6 * * *', daily: true, run: async (job: JobRun) => void daily.push(job) },
        {
          name: 'failing-job',
          // No wait between tries, so that the test sees the retry at once.
          retry: { limit: 1, delaySeconds: 0, backoff: false },
          timeoutMinutes: 2,
          run: async (job: JobRun) => {
            failures.push(job)
            throw new Error(`the mail server said no (try ${job.attempt})`)
          },
        },
      ]
      scheduler = await startScheduler(handle.pool, jobs, Fastify({ logger: false }).log, 0.5)
    })
    after(async () => {
      await scheduler?.stop()
      await handle.close()
    })

    it('keeps its queue in the database and runs a job sent to it once', async () => {
      const id = await scheduler!.runNow('test-job')
      await waitFor(() => runs.some((r) => r.id === id))
      assert.equal(runs.filter((r) => r.id === id).length, 1)
      const schedules = await handle.pool.query("SELECT name, cron, timezone FROM pgboss.schedule WHERE name IN ('test-job', 'failing-job')")
      assert.deepEqual(
        schedules.rows,
        [{ name: 'test-job', cron: '0 4 * * *', timezone: 'Europe/London' }],
        'the schedule itself is stored, so it survives a restart; a job without a cron has none',
      )
    })

    it('gives every queue its retries with back-off', async () => {
      const queues = await handle.pool.query(
        "SELECT name, retry_limit, retry_delay, retry_backoff, expire_seconds FROM pgboss.queue WHERE name IN ('test-job', 'failing-job') ORDER BY name",
      )
      assert.deepEqual(queues.rows, [
        { name: 'failing-job', retry_limit: 1, retry_delay: 0, retry_backoff: false, expire_seconds: 120 },
        { name: 'test-job', retry_limit: 6, retry_delay: 60, retry_backoff: true, expire_seconds: 900 },
      ])
    })

    it('tells a daily job its London day: the date it was sent with, else the day it was created', async () => {
      const dated = await scheduler!.enqueue('test-job', { date: '2026-09-01' })
      const undated = await scheduler!.enqueue('test-job', {})
      await waitFor(() => runs.some((r) => r.id === dated) && runs.some((r) => r.id === undated))
      assert.equal(runs.find((r) => r.id === dated)!.day, '2026-09-01')
      const plain = runs.find((r) => r.id === undated)!
      assert.equal(plain.day, londonDate(plain.createdOn))
      assert.equal(plain.attempt, 1)
    })

    it('sends a job with a singleton key once, however often it is sent', async () => {
      const first = await scheduler!.enqueue('test-job', { date: '2026-09-02' }, { singletonKey: 'test-job:2026-09-02' })
      assert.ok(first)
      assert.equal(await scheduler!.enqueue('test-job', { date: '2026-09-02' }, { singletonKey: 'test-job:2026-09-02' }), null)
      await waitFor(() => runs.some((r) => r.id === first))
      assert.equal(await scheduler!.enqueue('test-job', { date: '2026-09-02' }, { singletonKey: 'test-job:2026-09-02' }), null, 'nor after it ran')
      await new Promise((resolve) => setTimeout(resolve, 1500))
      assert.equal(runs.filter((r) => r.day === '2026-09-02').length, 1)
    })

    it('takes one-off jobs sent from elsewhere with the app’s database (a route, the command line)', async () => {
      const sender = jobSender(handle.db)
      const id = await sender.enqueue('test-job', { date: '2026-09-03' }, { singletonKey: 'test-job:2026-09-03' })
      await waitFor(() => runs.some((r) => r.id === id))
      assert.equal(runs.find((r) => r.id === id)!.day, '2026-09-03')
      assert.equal(await scheduler!.enqueue('test-job', {}, { singletonKey: 'test-job:2026-09-03' }), null, 'the scheduler knows the key was sent')
      await assert.rejects(sender.enqueue('no-such-queue', {}), /there is no queue "no-such-queue"/, 'never a job silently dropped')
      await assert.rejects(sender.enqueue('no-such-queue', {}, { singletonKey: 'k' }), /there is no queue "no-such-queue"/)
    })

    it('runs a daily job once a day: the latest day’s run missed while the site was down is sent at start, and never twice', async () => {
      const latestDay = londonDate(previousRun('0 6 * * *', new Date()))
      await waitFor(() => daily.some((r) => r.day === latestDay))
      // A restart asks for the same day's run again; the cron's tick asks for today's.
      const restarted = await startScheduler(handle.pool, jobs, Fastify({ logger: false }).log, 0.5)
      await restarted.stop()
      await scheduler!.runNow('daily-job')
      await waitFor(() => daily.some((r) => r.day === londonDate(new Date())))
      await new Promise((resolve) => setTimeout(resolve, 1500))
      const days = daily.map((r) => r.day)
      assert.deepEqual(days, [...new Set(days)], 'no day ran twice')
      assert.ok(days.length <= 2, days.join(', '))
      // A date given by hand runs as sent (catch-up after a long outage).
      const id = await scheduler!.runNow('daily-job', { date: '2026-01-05' })
      await waitFor(() => daily.some((r) => r.id === id))
      assert.equal(daily.find((r) => r.id === id)!.day, '2026-01-05')
    })

    it('tries a failing job again, then keeps it as failed with its error', async () => {
      const id = await scheduler!.enqueue('failing-job', {})
      const state = async () =>
        (
          await handle.pool.query<{ state: string; retry_count: number; message: string | null }>(
            "SELECT state, retry_count, output->>'message' AS message FROM pgboss.job WHERE id = $1",
            [id],
          )
        ).rows[0]
      await waitFor(async () => (await state())?.state === 'failed')
      assert.deepEqual(
        failures.filter((f) => f.id === id).map((f) => f.attempt),
        [1, 2],
      )
      assert.deepEqual(await state(), { state: 'failed', retry_count: 1, message: 'the mail server said no (try 2)' })
    })
  })
}
