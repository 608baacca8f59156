// Two coophub instances sharing one PostgreSQL database: each runs its own scheduler with the same
// jobs, as two app servers behind a load balancer would. Only on PostgreSQL: the embedded database
// is one process's alone.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import Fastify from 'fastify'
import pg from 'pg'
import { waitFor } from '../../test/jobs.ts'
import { openDatabase, type DatabaseHandle } from '../db/client.ts'
import { londonDate, previousRun } from './london-time.ts'
import { startScheduler, type JobRun, type Scheduler, type ScheduledJob } from './scheduler.ts'

const adminUrl = process.env.TEST_DATABASE_URL
const skip = adminUrl ? false : 'TEST_DATABASE_URL is not set: two instances need a PostgreSQL server to share'
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('two instances sharing one PostgreSQL database', { skip }, () => {
  const name = `coophub_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
  const handles: DatabaseHandle[] = []
  const schedulers: Scheduler[] = []
  /** Every run, by instance. */
  const runs: Array<{ instance: number; job: string; run: JobRun }> = []
  let startedAt = 0

  const jobsOf = (instance: number): ScheduledJob[] => [
    // Both instances hold this schedule; pg-boss fires it as they start (its minute has begun) and each minute after.
    { name: 'every-minute', cron: '* * * * *', run: async (run) => void runs.push({ instance, job: 'every-minute', run }) },
    { name: 'daily-notices', run: async (run) => void runs.push({ instance, job: 'daily-notices', run }) },
    // Both instances start after its 06:00: each asks for the day's missed run.
    { name: 'daily-renewals', cron: '0 6 * * *', daily: true, run: async (run) => void runs.push({ instance, job: 'daily-renewals', run }) },
    {
      name: 'failing-reminders',
      retry: { limit: 2, delaySeconds: 0, backoff: false },
      run: async (run) => {
        runs.push({ instance, job: 'failing-reminders', run })
        // Long enough that the other instance would start it too, if it could.
        await pause(300)
        throw new Error(`reminders could not be sent (try ${run.attempt})`)
      },
    },
  ]

  before(async () => {
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    await admin.end()
    const url = new URL(adminUrl!)
    url.pathname = `/${name}`
    // Start early in a minute, so that the cron test below sees one minute's run and not the next's.
    const second = new Date().getSeconds()
    if (second < 3 || second > 35) await pause(((63 - second) % 60) * 1000)
    startedAt = Date.now()
    for (const instance of [1, 2]) {
      const handle = await openDatabase({ url: url.toString() })
      handles.push(handle)
      schedulers.push(await startScheduler(handle.pool, jobsOf(instance), Fastify({ logger: false }).log, 0.5))
    }
  })

  after(async () => {
    for (const s of schedulers) await s.stop()
    for (const h of handles) await h.close()
    if (!adminUrl) return
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  })

  it('runs a daily job sent by both with the same singleton key once', async () => {
    const sent = await Promise.all(schedulers.map((s) => s.enqueue('daily-notices', { date: '2026-09-01' }, { singletonKey: 'daily-notices:2026-09-01' })))
    assert.equal(sent.filter(Boolean).length, 1, 'one send made a job; the other found it there')
    await waitFor(() => runs.some((r) => r.job === 'daily-notices'))
    // Both instances look every half second: time enough for a second run, if there were one.
    await pause(3000)
    const daily = runs.filter((r) => r.job === 'daily-notices')
    assert.equal(daily.length, 1)
    assert.equal(daily[0]!.run.day, '2026-09-01')
    assert.deepEqual(
      await Promise.all(schedulers.map((s) => s.enqueue('daily-notices', { date: '2026-09-01' }, { singletonKey: 'daily-notices:2026-09-01' }))),
      [null, null],
    )
  })

  it('runs a scheduled job once for its minute, though both instances hold the schedule', async () => {
    await waitFor(() => runs.some((r) => r.job === 'every-minute'))
    const waited = Date.now() - startedAt
    await pause(Math.max(0, 12_000 - waited))
    assert.ok(new Date().getSeconds() < 58, 'still the minute the instances started in')
    assert.equal(runs.filter((r) => r.job === 'every-minute').length, 1)
  })

  it('runs the day’s missed run of a daily job once, though both instances asked for it as they started', async () => {
    const day = londonDate(previousRun('0 6 * * *', new Date(startedAt)))
    await waitFor(() => runs.some((r) => r.job === 'daily-renewals'))
    await pause(3000)
    assert.deepEqual(
      runs.filter((r) => r.job === 'daily-renewals').map((r) => r.run.day),
      [day],
    )
  })

  it('retries a failing job on whichever instance is free, one try at a time, then keeps it failed with its error', async () => {
    const id = await schedulers[0]!.enqueue('failing-reminders', {})
    const state = async () =>
      (
        await handles[1]!.pool.query<{ state: string; message: string }>(
          "SELECT state::text AS state, output->>'message' AS message FROM pgboss.job WHERE id = $1",
          [id],
        )
      ).rows[0]
    await waitFor(async () => (await state())?.state === 'failed')
    const tries = runs.filter((r) => r.run.id === id)
    assert.deepEqual(
      tries.map((r) => r.run.attempt),
      [1, 2, 3],
      'the first try and two retries, each once',
    )
    assert.deepEqual(await state(), { state: 'failed', message: 'reminders could not be sent (try 3)' })
  })
})
