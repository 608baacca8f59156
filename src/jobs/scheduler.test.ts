import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import Fastify from 'fastify'
import { createTestDatabase, testDatabaseKinds } from '../../test/databases.ts'
import type { DatabaseHandle } from '../db/client.ts'
import { startScheduler, type Scheduler } from './scheduler.ts'

for (const kind of testDatabaseKinds()) {
  describe(`scheduled work [${kind}]`, () => {
    let handle: DatabaseHandle
    let scheduler: Scheduler | undefined
    const runs: string[] = []
    let ran: () => void = () => undefined

    before(async () => {
      handle = await createTestDatabase(kind)
      const job = {
        name: 'test-job',
        cron: '0 4 * * *',
        run: async () => {
          runs.push('ran')
          ran()
        },
      }
      scheduler = await startScheduler(handle.pool, [job], Fastify({ logger: false }).log, 0.5)
    })
    after(async () => {
      await scheduler?.stop()
      await handle.close()
    })

    it('keeps its queue in the database and runs a job sent to it once', async () => {
      const done = new Promise<void>((resolve) => (ran = resolve))
      await scheduler!.runNow('test-job')
      await done
      assert.deepEqual(runs, ['ran'])
      const schedules = await handle.pool.query("SELECT name, cron FROM pgboss.schedule WHERE name = 'test-job'")
      assert.deepEqual(schedules.rows, [{ name: 'test-job', cron: '0 4 * * *' }], 'the schedule itself is stored, so it survives a restart')
    })
  })
}
