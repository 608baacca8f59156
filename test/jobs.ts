// Helpers for tests of scheduled work: waiting for a worker, and a failed job to show and retry.
import type pg from 'pg'
import PgBoss from 'pg-boss'

/** Resolves once `check` holds, looking every 100 ms; fails after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`still not so after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/**
 * A job of `queue` that failed with `message` and has no tries left, as a worker leaves it:
 * pg-boss's own tables (created here when missing), its own calls. Returns the job's id.
 */
export async function failedJob(pool: pg.Pool, queue: string, message: string, data: object = {}): Promise<string> {
  const boss = new PgBoss({ db: { executeSql: async (text: string, values?: unknown[]) => pool.query(text, values) }, schedule: false, supervise: false })
  await boss.start()
  try {
    await boss.createQueue(queue, { name: queue })
    const id = await boss.send(queue, data, { retryLimit: 0 })
    if (!id) throw new Error('pg-boss sent nothing')
    const [job] = await boss.fetch(queue)
    if (job?.id !== id) throw new Error('pg-boss gave back another job')
    await boss.fail(queue, id, new Error(message))
    return id
  } finally {
    await boss.stop({ graceful: false, wait: true })
  }
}
