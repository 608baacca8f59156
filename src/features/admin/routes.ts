import type { FastifyInstance } from 'fastify'
import { userAdminRoutes } from '../accounts/admin-routes.ts'
import { authorize, requireUser } from '../accounts/guard.ts'
import { canAdminister, canOpenAdminArea } from '../accounts/policy.ts'
import { auditRoutes } from '../audit/routes.ts'
import { contactRoutes } from '../contacts/routes.ts'
import { outboxRoutes } from '../email/routes.ts'
import { jobRoutes } from '../jobs/routes.ts'
import { organisationAdminRoutes } from '../organisations/admin-routes.ts'
import { principleAdminRoutes } from '../principles/admin-routes.ts'
import { membershipAdminRoutes } from '../membership/admin-routes.ts'
import { renewalRoutes } from '../membership/renewal-routes.ts'
import { figuresRoutes } from '../membership/figures-routes.ts'
import { invoiceRoutes } from '../membership/invoice-routes.ts'
import { callAdminRoutes } from '../co-production/admin-routes.ts'
import { voteAdminRoutes } from '../member-vote/admin-routes.ts'
import { projectAdminRoutes } from '../projects/admin-routes.ts'
import { assessmentAdminRoutes } from '../assessment/admin-routes.ts'
import { publicationAdminRoutes } from '../publications/admin-routes.ts'
import { presentBackupStatus } from '../backup/present.ts'
import { lastBackup } from '../backup/scheduled-backup.ts'
import { eventAdminRoutes } from '../events/admin-routes.ts'

/**
 * The admin area: its front page (for editors and administrators), and the administrators' pages
 * of each feature — people, organisations, principles, contacts, the outbox, scheduled work and the audit log —
 * registered together behind one check, so that no page of the area can forget it.
 */
export async function adminRoutes(app: FastifyInstance): Promise<void> {
  app.get('/admin', async (request, reply) => {
    const actor = requireUser(request)
    authorize(canOpenAdminArea(actor))
    const { t } = request
    const link = (href: string, name: string) => ({ href, text: t(`admin.home.${name}.link`), description: t(`admin.home.${name}.description`) })
    const links = [
      link('/admin/review', 'review'),
      ...(canAdminister(actor)
        ? [
            link('/admin/users', 'users'),
            link('/admin/organisations', 'organisations'),
            link('/admin/membership', 'membership'),
            link('/admin/principles', 'principles'),
            link('/admin/calls', 'calls'),
            link('/admin/projects', 'projects'),
            link('/admin/publications/packs/new', 'publications'),
            link('/admin/events', 'events'),
            link('/admin/contacts', 'contacts'),
            link('/admin/outbox', 'outbox'),
            link('/admin/jobs', 'jobs'),
            link('/admin/audit', 'audit'),
          ]
        : []),
    ]
    // Administrators look after the data: when it was last backed up is theirs to see.
    const backupDir = app.deps.config.backup.dir
    const backup = canAdminister(actor)
      ? presentBackupStatus({ dir: backupDir, last: backupDir ? await lastBackup(backupDir) : null }, { t, format: request.format, locale: request.locale })
      : null
    return reply.render('admin/views/index.njk', {
      title: t('navigation.admin'),
      section: 'admin',
      breadcrumbs: [{ text: t('admin.breadcrumbs.home'), href: '/' }],
      links,
      backup,
    })
  })

  await app.register(async (area) => {
    // Before anything else of the request (its body is not even read): signed in, and an administrator.
    area.addHook('onRequest', async (request) => authorize(canAdminister(requireUser(request))))
    await area.register(userAdminRoutes)
    await area.register(organisationAdminRoutes)
    await area.register(principleAdminRoutes)
    await area.register(contactRoutes)
    await area.register(outboxRoutes)
    await area.register(jobRoutes)
    await area.register(auditRoutes)
    await area.register(membershipAdminRoutes)
    await area.register(renewalRoutes)
    await area.register(figuresRoutes)
    await area.register(invoiceRoutes)
    await area.register(callAdminRoutes)
    await area.register(voteAdminRoutes)
    await area.register(projectAdminRoutes)
    await area.register(assessmentAdminRoutes)
    await area.register(publicationAdminRoutes)
    await area.register(eventAdminRoutes)
  })
}
