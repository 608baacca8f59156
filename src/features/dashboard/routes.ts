import type { FastifyInstance } from 'fastify'
import { requireUser } from '../accounts/guard.ts'
import { canCreateCaseStudy, canReviewCaseStudies } from '../case-studies/policy.ts'
import { listWaitingForReview } from '../review/queries.ts'
import { stateLabel } from '../review/rules.ts'
import { listWorkOf, organisationName } from './queries.ts'
import { listBidsLedBy, listInvitationsFor } from '../co-production/bid-queries.ts'
import { listProjects } from '../projects/queries.ts'
import { presentListedProject } from '../projects/present.ts'
import { countBidsToAssess } from '../assessment/queries.ts'

export async function dashboardRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: { submitted?: string; 'set-up'?: string } }>('/dashboard', async (request, reply) => {
    const actor = requireUser(request)
    const canReview = canReviewCaseStudies(actor)
    const [work, organisation, waiting, bids, invitations, projects, toAssess] = await Promise.all([
      listWorkOf(app.deps.db, actor),
      organisationName(app.deps.db, actor.organisationId),
      canReview ? listWaitingForReview(app.deps.db) : Promise.resolve([]),
      actor.organisationId === null ? Promise.resolve([]) : listBidsLedBy(app.deps.db, actor.organisationId),
      actor.organisationId === null ? Promise.resolve([]) : listInvitationsFor(app.deps.db, actor.organisationId),
      actor.organisationId === null ? Promise.resolve([]) : listProjects(app.deps.db, { status: 'underway', leadOrganisationId: actor.organisationId }),
      countBidsToAssess(app.deps.db, actor.id),
    ])
    const submitted = typeof request.query.submitted === 'string' ? work.find((w) => w.slug === request.query.submitted) : undefined
    return reply.render('dashboard/views/index.njk', {
      title: request.t('dashboard.index.title'),
      section: 'dashboard',
      actor,
      organisation,
      canCreate: canCreateCaseStudy(actor),
      canReview,
      // An editor's own work starts with what waits for them.
      waiting: waiting.map((w) => ({ slug: w.slug, title: w.title, owner: w.owner, submittedAt: w.submittedAt })),
      submittedTitle: submitted?.title,
      bids: bids.map((b) => ({ ...b, statusText: request.t(`bids.status.${b.status}`) })),
      invitations,
      projects: projects.map((p) => presentListedProject(request.t, request.format, p)),
      toAssess,
      // Arrived from the first-run set-up page; the banner is only words, so the address cannot fake anything.
      setUp: request.query['set-up'] === '1' && actor.role === 'admin',
      rows: work.map((w) => {
        // The state's words are the review feature's: its catalogue key, shown in the page's language.
        const state: { key?: string; text: string; colour: string } = stateLabel(w)
        return { ...w, stateText: request.t(state.key ?? state.text), stateClass: `govuk-tag--${state.colour}` }
      }),
    })
  })
}
