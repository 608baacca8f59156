import type { FastifyInstance } from 'fastify'
import { userAdminRoutes } from '../accounts/admin-routes.ts'
import { authorize, requireUser } from '../accounts/guard.ts'
import { canAdminister, canOpenAdminArea } from '../accounts/policy.ts'
import { auditRoutes } from '../audit/routes.ts'
import { contactRoutes } from '../contacts/routes.ts'
import { outboxRoutes } from '../email/routes.ts'
import { organisationAdminRoutes } from '../organisations/admin-routes.ts'
import { principleAdminRoutes } from '../principles/admin-routes.ts'

/**
 * The admin area: its front page (for editors and administrators), and the administrators' pages
 * of each feature — people, organisations, principles, contacts, the outbox and the audit log —
 * registered together behind one check, so that no page of the area can forget it.
 */
export async function adminRoutes(app: FastifyInstance): Promise<void> {
  app.get('/admin', async (request, reply) => {
    const actor = requireUser(request)
    authorize(canOpenAdminArea(actor))
    const links = [
      { href: '/admin/review', text: 'Review queue', description: 'Case studies submitted for review: compare, request changes, publish.' },
      ...(canAdminister(actor)
        ? [
            { href: '/admin/users', text: 'People', description: 'Accounts: invite people, change roles, disable accounts.' },
            { href: '/admin/organisations', text: 'Organisations', description: 'Councils, members and partners: names, tiers, codes and regions.' },
            { href: '/admin/principles', text: 'Principles', description: 'The network’s principles, their wording and order, with earlier wordings kept.' },
            { href: '/admin/contacts', text: 'Contacts', description: 'The people named as contacts on case studies, and whether their details are public.' },
            { href: '/admin/outbox', text: 'Outbox', description: 'Every email the site has sent or queued, with its delivery record.' },
            { href: '/admin/audit', text: 'Audit log', description: 'Who changed what, and when.' },
          ]
        : []),
    ]
    return reply.render('admin/views/index.njk', {
      title: 'Admin',
      section: 'admin',
      breadcrumbs: [{ text: 'Home', href: '/' }],
      links,
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
    await area.register(auditRoutes)
  })
}
