import type { FastifyInstance } from 'fastify'
import { adminBreadcrumbs } from '../../web/admin-area.ts'
import { presentListedProject } from './present.ts'
import { listProjects } from './queries.ts'

const filters = ['underway', 'closed'] as const
type Filter = (typeof filters)[number]
const isFilter = (value: unknown): value is Filter => typeof value === 'string' && (filters as readonly string[]).includes(value)

/** The network's view of every project at a glance; the admin area checks that the person is an administrator. */
export async function projectAdminRoutes(app: FastifyInstance): Promise<void> {
  app.get('/admin/projects', async (request, reply) => {
    const { t, format } = request
    const raw = (request.query as Record<string, unknown>)?.status
    const status = isFilter(raw) ? raw : undefined
    const rows = (await listProjects(app.deps.db, status ? { status } : {})).map((p) => presentListedProject(t, format, p))
    return reply.render('projects/views/admin/index.njk', {
      title: t('projects.admin.title'),
      section: 'admin',
      breadcrumbs: adminBreadcrumbs(t),
      filters: [
        { href: '/admin/projects', text: t('projects.admin.all'), current: status === undefined },
        ...filters.map((f) => ({ href: `/admin/projects?status=${f}`, text: t(`projects.status.${f}`), current: status === f })),
      ],
      rows,
    })
  })
}
