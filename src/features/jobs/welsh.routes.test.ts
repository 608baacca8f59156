// The scheduled-work page in Welsh (a job's error stays in the words it was thrown with, marked English).
import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { describeEachDatabase } from '../../../test/app.ts'
import { signedInAgent, type Agent } from '../../../test/agent.ts'
import { failedJob } from '../../../test/jobs.ts'
import { englishOn } from '../../../test/welsh.ts'
import { startScheduler } from '../../jobs/scheduler.ts'

describeEachDatabase('scheduled work in Welsh', (get) => {
  let admin: Agent
  let failedId: string
  before(async () => {
    const { app, handle } = get()
    ;({ agent: admin } = await signedInAgent(app, handle.db, 'admin'))
  })

  it('says in Welsh that scheduled work has not started', async () => {
    const res = await admin.get('/cy/admin/jobs')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /<html lang="cy"/)
    assert.deepEqual(englishOn(res.body), [])
    assert.ok(res.body.includes('Nid yw’r gwaith wedi’i amserlennu wedi dechrau'))
  })

  it('lists schedules and jobs in Welsh, with the button to try a failed job again', async () => {
    const { app, handle } = get()
    const scheduler = await startScheduler(handle.pool, [{ name: 'test-daily', cron: '0 6 * * *', run: async () => undefined }], app.log, 60)
    await scheduler.stop()
    failedId = await failedJob(handle.pool, 'test-reminders', 'connect ECONNREFUSED 127.0.0.1:25')
    const res = await admin.get('/cy/admin/jobs')
    assert.equal(res.statusCode, 200)
    assert.deepEqual(englishOn(res.body), [])
    for (const words of ['Gwaith wedi’i amserlennu', 'Amserlenni', 'Rhediad nesaf', '1 dasg wedi methu', 'Wedi methu', 'Rhoi cynnig arall arni'])
      assert.ok(res.body.includes(words), words)
    assert.match(res.body, new RegExp(`action="/cy/admin/jobs/${failedId}/retry"`))
  })

  it('keeps the retry in Welsh: its banner, and the message for a job that has not failed', async () => {
    const res = await admin.post(`/cy/admin/jobs/${failedId}/retry`)
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `/cy/admin/jobs?retried=${failedId}`)
    const page = await admin.get(res.headers.location as string)
    assert.ok(page.body.includes('Bydd cynnig arall ar y dasg test-reminders o fewn munud.'))
    const again = await admin.post(`/cy/admin/jobs/${failedId}/retry`)
    assert.equal(again.statusCode, 409)
    assert.deepEqual(englishOn(again.body), [])
    assert.ok(again.body.includes('Nid yw’r dasg honno wedi methu'))
  })
})
