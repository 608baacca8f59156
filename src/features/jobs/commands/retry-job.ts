import type { Database } from '../../../db/client.ts'
import { queueOver } from '../../../jobs/scheduler.ts'
import { notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { findJob } from '../queries.ts'

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Tries a failed job again, with pg-boss's own `retry` (the job waits to run again, one more try
 * allowed); a worker of any instance takes it at its next look. Not in one transaction with the
 * audit entry: on the embedded database pg-boss's statement and a transaction would need two
 * connections. The retry is one statement that only moves a job still failed; the entry follows it.
 */
export async function retryJob(db: Database, actor: AuditActor, input: { id: string }): Promise<Result<{ queue: string }>> {
  if (!uuid.test(input.id)) return notFound()
  const job = await findJob(db, input.id)
  if (!job) return notFound()
  if (job.state !== 'failed') return refused('jobs.retry.notFailed')
  const { affected } = (await queueOver(db).retry(job.queue, input.id)) as unknown as { affected: number }
  // Someone (another administrator, another instance) moved it between the look and the retry.
  if (affected !== 1) return refused('jobs.retry.notFailed')
  await recordAudit(db, actor, { action: 'job-retried', subjectType: 'job', subjectId: input.id, summary: `Tried a failed ${job.queue} job again` })
  return ok({ queue: job.queue })
}
