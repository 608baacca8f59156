// Scheduled work (digests now; renewals, reminders and retries later) on pg-boss: a queue kept in
// PostgreSQL (its own schema, `pgboss`, which it creates and migrates itself), so jobs survive
// restarts, and each scheduled run is taken by one instance when several share the database.
// It talks through the app's own pool: on the embedded database that is the one connection.
import type { FastifyBaseLogger } from 'fastify'
import type pg from 'pg'
import PgBoss from 'pg-boss'

export interface ScheduledJob {
  /** The queue's name, and the job's in the logs. */
  name: string
  /** When it runs: a cron expression, in Europe/London time. */
  cron: string
  run(): Promise<void>
}

export interface Scheduler {
  /** Runs a job now, once, as its schedule would (the command line; tests). */
  runNow(name: string): Promise<void>
  stop(): Promise<void>
}

/** `pollSeconds`: how often a worker looks for due jobs (tests look more often than the site). */
export async function startScheduler(pool: pg.Pool, jobs: readonly ScheduledJob[], log: FastifyBaseLogger, pollSeconds = 15): Promise<Scheduler> {
  const boss = new PgBoss({
    db: { executeSql: async (text: string, values?: unknown[]) => pool.query(text, values) },
    schedule: true,
    supervise: true,
  })
  boss.on('error', (error: Error) => log.warn({ err: error }, 'scheduled work: the queue reported an error'))
  await boss.start()
  for (const job of jobs) {
    await boss.createQueue(job.name)
    await boss.schedule(job.name, job.cron, {}, { tz: 'Europe/London' })
    await boss.work(job.name, { pollingIntervalSeconds: pollSeconds }, async () => {
      try {
        await job.run()
      } catch (error) {
        // Failed: pg-boss keeps the job and tries again later.
        log.warn({ err: error, job: job.name }, 'scheduled work failed; it will be tried again')
        throw error
      }
    })
  }
  return {
    async runNow(name) {
      await boss.send(name, {})
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  }
}
