// Scheduled and one-off work (digests, renewal notices, the invoice run, reminders, email retries)
// on pg-boss: a queue kept in PostgreSQL (its own schema, `pgboss`, which it creates and migrates
// itself), so jobs survive restarts, and each job is taken by one instance when several share the
// database (it claims a job with FOR UPDATE SKIP LOCKED; the cron check is claimed once a minute).
// It talks through the app's own pool: on the embedded database that is the one connection.
import { createHash } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import type pg from 'pg'
import PgBoss from 'pg-boss'
import type { Database } from '../db/client.ts'
import { dayOfJob, jobTimeZone, londonDate, parseDay, previousRun } from './london-time.ts'

/** How a failed job is tried again: `limit` more tries, the first after about `delaySeconds`. */
export interface RetryPolicy {
  limit: number
  delaySeconds: number
  /** Each wait doubles (pg-boss adds up to as much again at random, so instances do not retry in step). */
  backoff: boolean
}

/**
 * Every queue's retries unless its job says otherwise: 6 more tries, waiting 1–2, 2–4, 4–8, 8–16,
 * 16–32 and 32–64 minutes, so the last is 1–2 hours after the first failure. That rides out what
 * passes on its own (a restart, a failover of the database, a mail server or network down for a
 * while) and still finishes a 06:00 daily job the same morning; anything longer needs a person,
 * and by then the job shows as failed in /admin/jobs with its error and a "Try again" button.
 */
export const defaultRetry: RetryPolicy = { limit: 6, delaySeconds: 60, backoff: true }

/**
 * How long finished jobs stay where the admin page and "Try again" can reach them. Failed jobs
 * stay a week in the job table (pg-boss's default is 12 hours, which would lose a Friday night's
 * failure before Monday); completed ones are archived after 12 hours; the archive keeps both a
 * further week. A job is kept (`keep_until`) 14 days from its start, so a failed job tried again
 * within its week still runs.
 */
const retention = { archiveFailedAfterSeconds: 7 * 24 * 3600, archiveCompletedAfterSeconds: 12 * 3600, deleteAfterDays: 7 }

/** One run of a job, as its handler sees it. */
export interface JobRun {
  id: string
  /** What it was sent with: `{}` from the cron. */
  data: Record<string, unknown>
  /** When it was created: for a cron job, its scheduled time (within a minute); kept through retries. */
  createdOn: Date
  /** The London day it works for: `data.date` when sent with one, else the London date of `createdOn`. */
  day: string
  /** 1 for the first try. */
  attempt: number
}

export interface ScheduledJob {
  /** The queue's name, and the job's in the logs. */
  name: string
  /** When it runs: a cron expression in Europe/London time. None: it runs only when sent. */
  cron?: string
  /** Its retries; `defaultRetry` when left out. */
  retry?: RetryPolicy
  /**
   * How long a run may take before pg-boss counts it failed (and tries it again): 15 minutes when
   * left out. A run still going then is not stopped, so a long one (the September invoice run)
   * says so here, or a retry could start beside it.
   */
  timeoutMinutes?: number
  /**
   * Once per London day, never twice, never skipped (renewal notices, reminders). pg-boss's cron
   * fires only while an instance is up at that minute, and runs nothing it missed; so a daily job's
   * cron only asks for its day's run, keyed `name:YYYY-MM-DD` (sent once, whoever asks), and each
   * start of the scheduler asks for the latest day's run too: a site down at 06:00 runs that
   * morning's work when it comes back, the same day or the next. A run sent with a date by hand
   * (`runNow(name, { date })`: catch-up, tests) runs as sent.
   */
  daily?: boolean
  run(job: JobRun): Promise<void>
}

/** The key of a daily job's run for a day: one run per queue and day. */
export const dailyKey = (name: string, day: string) => `${name}:${day}`

/** The latest missed run is asked for within this long of its time; older ones need a person (`runNow` with the date). */
const catchUpWithinMs = 24 * 3600_000

export interface SendOptions {
  /**
   * One job per key, ever (while pg-boss keeps it: see `retention`): a second send with the same
   * key, from this instance or another sharing the database, sends nothing. E.g. `renewals:2027`.
   */
  singletonKey?: string
  /** Not before this time. */
  startAfter?: Date
}

export interface Scheduler {
  /** Sends a job of a queue to run once, now or at `startAfter`: its id, or null when the key was sent before. */
  enqueue(name: string, data?: Record<string, unknown>, options?: SendOptions): Promise<string | null>
  /**
   * Runs a job now, once, as its schedule would (the command line; tests). A daily job's run with
   * no date is today's, if today's has not been sent already; with `{ date }`, that day's, regardless.
   */
  runNow(name: string, data?: Record<string, unknown>): Promise<string | null>
  stop(): Promise<void>
}

/** The queue's settings in pg-boss's words. */
export function queueOptions(retry: RetryPolicy): { retryLimit: number; retryDelay: number; retryBackoff: boolean } {
  return { retryLimit: retry.limit, retryDelay: retry.delaySeconds, retryBackoff: retry.backoff }
}

/**
 * The job id a singleton key stands for: the same on every instance, so that the second send
 * meets the first job's primary key (pg-boss inserts with ON CONFLICT DO NOTHING). A name-based
 * UUID (version 8, from SHA-256), not a random one.
 */
export function singletonJobId(name: string, singletonKey: string): string {
  const hex = createHash('sha256').update(`${name}\n${singletonKey}`).digest('hex').slice(0, 32).split('')
  hex[12] = '8'
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  const h = hex.join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/**
 * pg-boss over the app's database, not started (no workers, no cron, no maintenance): enough to
 * change a job from a page (try a failed one again) on any instance, whether or not its scheduler runs.
 */
export function queueOver(db: Database): PgBoss {
  // The app's database is drizzle over its pool (db/client.ts); pg-boss speaks to the pool itself.
  const pool = (db as Database & { $client: pg.Pool }).$client
  return new PgBoss({ db: { executeSql: async (text: string, values?: unknown[]) => pool.query(text, values) }, schedule: false, supervise: false })
}

/**
 * Sends one-off jobs from anywhere with the app's database (a route, the command line), whether or
 * not this process runs a scheduler: a worker of any instance takes them. The queue must exist
 * (the scheduler creates its queues as it starts); sending to one that does not is an error, never
 * a job silently dropped.
 */
export function jobSender(db: Database): Pick<Scheduler, 'enqueue'> {
  return { enqueue: enqueueOn(queueOver(db)) }
}

function enqueueOn(boss: PgBoss): Scheduler['enqueue'] {
  return async (name, data = {}, options = {}) => {
    const { singletonKey, startAfter } = options
    const timing = startAfter ? { startAfter } : {}
    if (singletonKey) {
      const id = singletonJobId(name, singletonKey)
      // Archived (finished over 12 hours ago): sent before, so not again.
      if (await boss.getJobById(name, id, { includeArchive: true })) return null
      const sent = await boss.send(name, data, { id, singletonKey, ...timing })
      if (sent || (await boss.getJobById(name, id))) return sent
    } else {
      const sent = await boss.send(name, data, timing)
      if (sent) return sent
    }
    // pg-boss inserts a job only into a queue it has: nothing was sent.
    throw new Error(`No job was sent: there is no queue "${name}" (scheduled work creates its queues as it starts)`)
  }
}

/** `pollSeconds`: how often a worker looks for due jobs (tests look more often than the site). */
export async function startScheduler(pool: pg.Pool, jobs: readonly ScheduledJob[], log: FastifyBaseLogger, pollSeconds = 15): Promise<Scheduler> {
  const boss = new PgBoss({
    db: { executeSql: async (text: string, values?: unknown[]) => pool.query(text, values) },
    schedule: true,
    supervise: true,
    // The cron is checked as often as workers look for jobs, within pg-boss's bounds: on the site
    // (15 s) its defaults, every 30 s and 5 s; in tests within a second or two.
    cronMonitorIntervalSeconds: Math.min(30, Math.max(1, Math.ceil(pollSeconds * 2))),
    cronWorkerIntervalSeconds: Math.min(5, Math.max(1, Math.ceil(pollSeconds))),
    ...retention,
  })
  boss.on('error', (error: Error) => log.warn({ err: error }, 'scheduled work: the queue reported an error'))
  await boss.start()
  const enqueue = enqueueOn(boss)
  for (const job of jobs) {
    const options = { ...queueOptions(job.retry ?? defaultRetry), expireInSeconds: (job.timeoutMinutes ?? 15) * 60 }
    await boss.createQueue(job.name, { name: job.name, ...options })
    // createQueue leaves an existing queue as it was: a changed retry policy is applied here.
    await boss.updateQueue(job.name, { name: job.name, ...options })
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: jobTimeZone })
    else await boss.unschedule(job.name)
    await boss.work<Record<string, unknown>>(job.name, { pollingIntervalSeconds: pollSeconds, includeMetadata: true, batchSize: 1 }, async (batch) => {
      for (const found of batch) {
        const data = found.data && typeof found.data === 'object' ? found.data : {}
        const createdOn = new Date(found.createdOn)
        const run: JobRun = { id: found.id, data, createdOn, day: dayOfJob(data, createdOn), attempt: found.retryCount + 1 }
        if (job.daily && parseDay(data.date) === null) {
          // The cron's tick: it asks for its day's run, which is sent once whoever asks.
          await enqueue(job.name, { date: run.day }, { singletonKey: dailyKey(job.name, run.day) })
          continue
        }
        try {
          await job.run(run)
        } catch (error) {
          // pg-boss records the error with the job and tries again after its delay; the last
          // failure leaves the job failed, shown on /admin/jobs, and is logged as an error.
          const last = found.retryCount >= found.retryLimit
          const context = { err: error, job: job.name, jobId: found.id, attempt: run.attempt }
          if (last) log.error(context, 'scheduled work failed for the last time: it needs a person (see /admin/jobs)')
          else log.warn(context, 'scheduled work failed; it will be tried again')
          throw error
        }
      }
    })
  }

  for (const job of jobs) {
    if (!job.daily || !job.cron) continue
    const due = previousRun(job.cron, new Date())
    if (Date.now() - due.getTime() < catchUpWithinMs) {
      const day = londonDate(due)
      const sent = await enqueue(job.name, { date: day }, { singletonKey: dailyKey(job.name, day) })
      if (sent) log.info({ job: job.name, day }, 'scheduled work: a daily run missed while the site was down is sent now')
    }
  }

  return {
    enqueue,
    runNow: (name, data = {}) => enqueue(name, data),
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  }
}
