import assert from 'node:assert/strict'
import { it } from 'node:test'
import { eq } from 'drizzle-orm'
import { describeEachDatabase } from '../../test/app.ts'
import { buildMember, loadExampleSchedule } from '../../test/membership.ts'
import { memberships } from '../db/schema/index.ts'
import { scheduledJobs } from './scheduled-jobs.ts'

describeEachDatabase('the scheduled jobs', (get) => {
  it('run the membership job once a London day at 06:00, for the day it was due', async () => {
    const { app, handle } = get()
    const job = scheduledJobs(app).find((j) => j.name === 'membership-daily')
    assert.ok(job)
    assert.equal(job.cron, '0 6 * * *')
    assert.equal(job.daily, true)
    await loadExampleSchedule(handle.db, 2030)
    const member = await buildMember(handle.db, { name: 'Long Gone Charity', tier: 'affiliate', kind: 'organisation', paidThroughYear: 2028 })
    await job.run({ id: 'test', data: {}, createdOn: new Date('2031-01-10T06:00:00Z'), day: '2031-01-10', attempt: 1 })
    const [row] = await handle.db.select().from(memberships).where(eq(memberships.id, member.membership.id))
    assert.equal(row?.status, 'lapsed', 'a whole year unpaid')
  })
})
