import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { auditActor } from '../accounts/actor.ts'
import { authorize, requireUser } from '../accounts/guard.ts'
import { canAdminister } from '../accounts/policy.ts'
import { adminBreadcrumbs } from '../../web/admin-area.ts'
import { presentErrors } from '../../web/forms.ts'
import type { FieldError } from '../../lib/result.ts'
import { retryJob } from './commands/retry-job.ts'
import { presentQueues, presentSchedules } from './present.ts'
import { findJob, listQueues, listRecentJobs, queueTablesExist } from './queries.ts'

/** How many of each queue's latest jobs the page lists (failed ones first). */
const perQueue = 25

/**
 * Scheduled work as pg-boss keeps it: the schedules with their next run, each queue's latest jobs
 * with their errors, and "Try again" on a failed one. Administrators only, like the outbox: a job's
 * error can name addresses and servers.
 */
export async function jobRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db
  // The admin area checks this too; the pages check it themselves wherever they are registered.
  app.addHook('onRequest', async (request) => authorize(canAdminister(requireUser(request))))

  async function renderPage(request: FastifyRequest, reply: FastifyReply, options: { banner?: string | null; errors?: FieldError[] } = {}) {
    const { t, format } = request
    const started = await queueTablesExist(db)
    const queues = started ? await listQueues(db) : []
    const jobs = started ? await listRecentJobs(db, perQueue) : []
    const { errorList } = presentErrors(options.errors ?? [], t)
    return reply.render('jobs/views/index.njk', {
      title: t('jobs.index.title'),
      section: 'admin',
      breadcrumbs: adminBreadcrumbs(t),
      pageError: errorList.length > 0,
      errorList,
      banner: options.banner ?? null,
      started,
      schedules: presentSchedules(queues, new Date(), format),
      queues: presentQueues(queues, jobs, t, format),
      perQueue,
    })
  }

  app.get<{ Querystring: Record<string, unknown> }>('/admin/jobs', async (request, reply) => {
    const retried = typeof request.query.retried === 'string' ? request.query.retried : null
    const job = retried && /^[0-9a-f-]{36}$/i.test(retried) ? await findJob(db, retried) : null
    return renderPage(request, reply, { banner: job ? request.t('jobs.retry.done', { queue: job.queue }) : null })
  })

  app.post<{ Params: { id: string } }>('/admin/jobs/:id/retry', async (request, reply) => {
    const result = await retryJob(db, auditActor(requireUser(request)), { id: request.params.id })
    if (result.ok) return reply.redirect(`/admin/jobs?retried=${encodeURIComponent(request.params.id)}`, 303)
    // The list as it is now, with what went wrong: a stale page's button never ends on an error page.
    reply.code(result.reason === 'not-found' ? 404 : 409)
    return renderPage(request, reply, { errors: result.reason === 'not-found' ? [{ field: '', message: 'jobs.retry.notFound' }] : result.errors })
  })
}
