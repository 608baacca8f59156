// pg-boss's jobs as the admin page shows them: the tries made, the error in words, failed first.
import type { Formatter } from '../../i18n/format.ts'
import type { Translate } from '../../i18n/catalogue.ts'
import { nextRuns } from '../../jobs/london-time.ts'
import type { JobRow, JobState, QueueRow } from './queries.ts'

const stateColours: Record<JobState, string> = {
  created: 'govuk-tag--grey',
  retry: 'govuk-tag--yellow',
  active: 'govuk-tag--light-blue',
  completed: 'govuk-tag--green',
  cancelled: 'govuk-tag--grey',
  failed: 'govuk-tag--red',
}

/** Tries made so far: pg-boss counts retries (`retry_count`) from the second start. */
export function attemptsOf(job: Pick<JobRow, 'startedOn' | 'retryCount'>): number {
  return job.startedOn ? job.retryCount + 1 : 0
}

/**
 * The error a failed try left, in the words it was thrown with: pg-boss stores a thrown error
 * serialised (`{ name, message, stack }`), its own reasons as `{ value: { message } }` (a time-out)
 * or `{ value: '…' }` (shut down while running). The stack is left out: the log has it.
 */
export function errorOf(output: unknown): string | null {
  if (!output || typeof output !== 'object') return null
  const o = output as Record<string, unknown>
  if (typeof o.message === 'string') return o.message
  const value = o.value
  if (typeof value === 'string') return value
  if (value && typeof value === 'object' && typeof (value as Record<string, unknown>).message === 'string') return (value as { message: string }).message
  return null
}

/** What a job was sent with, shown when it says anything (a daily job's date). */
export function dataOf(data: unknown): string {
  if (data === null || data === undefined) return ''
  const text = JSON.stringify(data)
  if (text === '{}') return ''
  return text.length > 120 ? `${text.slice(0, 119)}…` : text
}

export interface JobView {
  id: string
  state: { text: string; classes: string }
  data: string
  tries: string
  created: string
  started: string
  ended: string
  nextTry: string
  error: string | null
  canRetry: boolean
}

export interface QueueView {
  name: string
  failed: number
  jobs: JobView[]
}

export interface ScheduleView {
  name: string
  cron: string
  nextRun: string
}

export function presentJob(job: JobRow, t: Translate, format: Formatter): JobView {
  const waiting = job.state === 'created' || job.state === 'retry'
  return {
    id: job.id,
    state: { text: t(`jobs.state.${job.state}`), classes: stateColours[job.state] },
    data: dataOf(job.data),
    tries: t('jobs.index.triesOf', { made: attemptsOf(job), allowed: job.retryLimit + 1 }),
    created: format.dateTime(job.createdOn),
    started: format.dateTime(job.startedOn),
    ended: format.dateTime(job.completedOn),
    // A job waiting for its first try is due; one waiting after a failure has its next try.
    nextTry: waiting ? t(job.state === 'retry' ? 'jobs.index.nextTry' : 'jobs.index.due', { when: format.dateTime(job.startAfter) }) : '',
    // A retry waiting shows why the last try failed, as a failed job does.
    error: job.state === 'failed' || job.state === 'retry' ? errorOf(job.output) : null,
    canRetry: job.state === 'failed' && !job.archived,
  }
}

/** One section per queue, those with failed jobs first; each queue's jobs as the query ordered them (failed first). */
export function presentQueues(queues: QueueRow[], jobs: JobRow[], t: Translate, format: Formatter): QueueView[] {
  const sections = queues.map((q) => {
    const own = jobs.filter((j) => j.queue === q.name)
    return { name: q.name, failed: own.filter((j) => j.state === 'failed').length, jobs: own.map((j) => presentJob(j, t, format)) }
  })
  return sections.sort((a, b) => Number(b.failed > 0) - Number(a.failed > 0) || a.name.localeCompare(b.name))
}

export function presentSchedules(queues: QueueRow[], now: Date, format: Formatter): ScheduleView[] {
  return queues.flatMap((q) => (q.cron ? [{ name: q.name, cron: q.cron, nextRun: format.dateTime(nextRuns(q.cron, now)[0]) }] : []))
}
