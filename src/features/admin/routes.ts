import type { FastifyInstance } from 'fastify'
import { authorize, requireUser } from '../accounts/guard.ts'
import { auditRoutes } from './audit-routes.ts'
import { contactRoutes } from './contacts-routes.ts'
import { organisationAdminRoutes } from './organisations-routes.ts'
import { outboxRoutes } from './outbox-routes.ts'
import { canAdminister, canOpenAdminArea } from './policy.ts'
import { principleAdminRoutes } from './principles-routes.ts'
import { userRoutes } from './users-routes.ts'

/** The administrators' pages: people, organisations, principles, contacts, the outbox and the audit log. */
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

  await app.register(userRoutes)
  await app.register(organisationAdminRoutes)
  await app.register(principleAdminRoutes)
  await app.register(contactRoutes)
  await app.register(outboxRoutes)
  await app.register(auditRoutes)
}
