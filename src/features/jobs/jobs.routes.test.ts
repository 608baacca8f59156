import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import { Agent, signedInAgent } from '../../../test/agent.ts'
import { buildOrganisation } from '../../../test/factories.ts'
import { failedJob } from '../../../test/jobs.ts'
import { startScheduler } from '../../jobs/scheduler.ts'

describeEachDatabase('admin: scheduled work', (get) => {
  let admin: Agent
  let failedId: string

  before(async () => {
    await buildOrganisation(get().handle.db, { slug: 'jobs-council' })
    ;({ agent: admin } = await signedInAgent(get().app, get().handle.db, 'admin'))
  })

  const stateOf = async (id: string) =>
    (
      await get().handle.db.execute<{ state: string; retry_limit: number }>(
        sql`SELECT state::text AS state, retry_limit FROM pgboss.job WHERE id = ${id}::uuid`,
      )
    ).rows[0]

  it('sends visitors who are not signed in to sign in', async () => {
    const res = await new Agent(get().app).get('/admin/jobs')
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `/sign-in?next=${encodeURIComponent('/admin/jobs')}`)
  })

  it('is forbidden to member officers and editors', async () => {
    for (const role of ['officer', 'editor'] as const) {
      const { agent } = await signedInAgent(get().app, get().handle.db, role, 'jobs-council')
      assert.equal((await agent.get('/admin/jobs')).statusCode, 403, role)
      assert.equal((await agent.post(`/admin/jobs/${randomUUID()}/retry`)).statusCode, 403, role)
    }
  })

  it('says so while scheduled work has never started on the database', async () => {
    const res = await admin.get('/admin/jobs')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /data-qa="jobs-not-started"/)
  })

  it('lists the schedules with their next run, and a failed job first with its error and a button to try it again', async () => {
    const { handle, app } = get()
    // The site's scheduler leaves its queues and schedules in the database; a worker failed a job.
    const scheduler = await startScheduler(handle.pool, [{ name: 'test-daily', cron: '0 6 * * *', run: async () => undefined }], app.log, 60)
    await scheduler.stop()
    await failedJob(handle.pool, 'test-reminders', 'connect ECONNREFUSED 127.0.0.1:25', { date: '2026-12-06' })
    failedId = await failedJob(handle.pool, 'test-reminders', 'Greeting never received', { date: '2026-12-07' })
    await handle.pool.query(`UPDATE pgboss.job SET created_on = now() - interval '1 day' WHERE id = $1`, [failedId])
    const res = await admin.get('/admin/jobs')
    assert.equal(res.statusCode, 200)
    assert.doesNotMatch(res.body, /jobs-not-started/)
    assert.match(res.body, /data-qa="schedules-table"[\s\S]*test-daily[\s\S]*0 6 \* \* \*/)
    assert.doesNotMatch(res.body, /__pgboss__/, 'pg-boss’s own queues are not ours to show')
    assert.ok(res.body.indexOf('test-reminders') < res.body.indexOf('id="queue-test-daily"'), 'a queue with failed jobs comes first')
    assert.match(res.body, /2 failed jobs/)
    const table = res.body.slice(res.body.indexOf('data-qa="jobs-table-test-reminders"'))
    assert.match(table, /Failed[\s\S]*1 of 1[\s\S]*Error: <span lang="en">connect ECONNREFUSED 127.0.0.1:25<\/span>/)
    assert.match(table, /Greeting never received/)
    assert.match(table, /\{&quot;date&quot;:&quot;2026-12-07&quot;\}/)
    assert.match(table, new RegExp(`action="/admin/jobs/${failedId}/retry"[\\s\\S]*?name="_csrf"[\\s\\S]*?Try again`))
  })

  it('tries a failed job again, once', async () => {
    const res = await admin.post(`/admin/jobs/${failedId}/retry`)
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `/admin/jobs?retried=${failedId}`)
    assert.deepEqual(await stateOf(failedId), { state: 'retry', retry_limit: 1 }, 'waiting to run, with one more try allowed')
    const page = await admin.get(res.headers.location as string)
    assert.match(page.body, /data-qa="saved-banner"[\s\S]*The test-reminders job will be tried again within a minute\./)
    assert.match(page.body, /Waiting to retry/)
    const audit = await get().handle.db.execute<{ action: string; subject_id: string }>(
      sql`SELECT action, subject_id FROM audit_events WHERE action = 'job-retried'`,
    )
    assert.deepEqual(audit.rows, [{ action: 'job-retried', subject_id: failedId }])

    const again = await admin.post(`/admin/jobs/${failedId}/retry`)
    assert.equal(again.statusCode, 409)
    assert.match(again.body, /There is a problem[\s\S]*That job has not failed/)
    assert.match(again.body, /<title>Error: /)
    assert.deepEqual(await stateOf(failedId), { state: 'retry', retry_limit: 1 })
  })

  it('answers a job that does not exist, or an id that is not one, with a clear message and the list', async () => {
    for (const id of [randomUUID(), 'not-a-job', '1', `${'9'.repeat(40)}`, '%27%3B--']) {
      const res = await admin.post(`/admin/jobs/${id}/retry`)
      assert.equal(res.statusCode, 404, id)
      assert.match(res.body, /There is a problem[\s\S]*That job could not be found/, id)
      assert.match(res.body, /data-qa="jobs-table-test-reminders"/, id)
    }
    for (const query of ['?retried=x', `?retried=${randomUUID()}`, '?retried[]=1']) {
      const res = await admin.get(`/admin/jobs${query}`)
      assert.equal(res.statusCode, 200, query)
      assert.doesNotMatch(res.body, /saved-banner/, query)
    }
  })
})
