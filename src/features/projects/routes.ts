import type { FastifyInstance, FastifyReply } from 'fastify'
import { inTransaction } from '../../db/unit-of-work.ts'
import { NotFoundError } from '../../errors.ts'
import { isSlug } from '../../lib/slug.ts'
import { presentErrors, type FieldError } from '../../web/forms.ts'
import { auditActor } from '../accounts/actor.ts'
import { authorize, requireUser } from '../accounts/guard.ts'
import { pounds } from '../co-production/present.ts'
import { closeProject } from './commands/close-project.ts'
import { turnIntoCaseStudy } from './commands/turn-into-case-study.ts'
import { canCloseProject, canReportOnProject, canTurnIntoCaseStudy } from './policy.ts'
import { presentListedProject, presentProject } from './present.ts'
import { findProject, listCallOutcomes, listProjects, type ProjectRow } from './queries.ts'
import { projectReportRoutes } from './report-routes.ts'
import { roundsByYear } from './rules/rounds.ts'

/**
 * Funded work, carried out: the public pages of projects and the round history, the lead's reports,
 * closing, and turning a closed project into a case study. Not page-cached: a report falls due at
 * midnight in London without any write to mark it.
 */
export async function projectRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db
  await app.register(projectReportRoutes)

  app.get('/projects', async (request, reply) => {
    const { t, format, locale } = request
    const rows = (await listProjects(db)).map((p) => presentListedProject(t, format, p))
    return reply.render('projects/views/index.njk', {
      title: t('projects.index.title'),
      section: 'projects',
      breadcrumbs: [{ text: t('home.breadcrumb'), href: '/' }],
      projects: rows,
      contentLang: locale === 'en' ? null : 'en',
    })
  })

  function renderShow(reply: FastifyReply, project: ProjectRow, errors: FieldError[] = []) {
    const { t, format, locale } = reply.request
    const actor = reply.request.user ?? null
    const query = reply.request.query as Record<string, unknown>
    const shown = presentProject(t, format, project, {
      report: canReportOnProject(actor, project),
      close: canCloseProject(actor, project),
      caseStudy: canTurnIntoCaseStudy(actor, project),
    })
    const banner = errors.length
      ? null
      : query?.submitted === '1'
        ? t('projects.show.reportSubmitted')
        : query?.closed === '1' && project.status === 'closed'
          ? t('projects.show.closedBanner')
          : null
    return reply.code(errors.length ? 400 : 200).render('projects/views/show.njk', {
      title: project.title,
      section: 'projects',
      breadcrumbs: [
        { text: t('home.breadcrumb'), href: '/' },
        { text: t('projects.index.title'), href: '/projects' },
      ],
      pageError: errors.length > 0,
      banner,
      project: shown,
      contentLang: locale === 'en' ? null : 'en',
      ...presentErrors(errors, t),
    })
  }

  async function projectAt(slug: string): Promise<ProjectRow> {
    if (!isSlug(slug)) throw new NotFoundError()
    const project = await findProject(db, { slug })
    if (!project) throw new NotFoundError()
    return project
  }

  app.get<{ Params: { slug: string } }>('/projects/:slug', async (request, reply) => renderShow(reply, await projectAt(request.params.slug)))

  app.post<{ Params: { slug: string } }>('/projects/:slug/close', async (request, reply) => {
    const actor = requireUser(request)
    const project = await projectAt(request.params.slug)
    authorize(canCloseProject(actor, project))
    const result = await inTransaction(db, (tx) => closeProject(tx, auditActor(actor), { projectId: project.id, now: new Date() }))
    if (result.ok) return reply.redirect(`/projects/${project.slug}?closed=1`, 303)
    if (result.reason === 'not-found') throw new NotFoundError()
    return renderShow(reply, (await findProject(db, { id: project.id })) ?? project, result.errors)
  })

  app.post<{ Params: { slug: string } }>('/projects/:slug/case-study', async (request, reply) => {
    const actor = requireUser(request)
    const project = await projectAt(request.params.slug)
    authorize(canTurnIntoCaseStudy(actor, project))
    const result = await inTransaction(db, (tx) => turnIntoCaseStudy(tx, auditActor(actor), { projectId: project.id }))
    if (result.ok) return reply.redirect(`/case-studies/${result.value.slug}/edit`, 303)
    if (result.reason === 'not-found') throw new NotFoundError()
    return renderShow(reply, (await findProject(db, { id: project.id })) ?? project, result.errors)
  })

  app.get('/calls/rounds', async (request, reply) => {
    const { t, locale } = request
    const rounds = roundsByYear(await listCallOutcomes(db))
    return reply.render('projects/views/rounds.njk', {
      title: t('projects.rounds.title'),
      section: 'calls',
      breadcrumbs: [
        { text: t('home.breadcrumb'), href: '/' },
        { text: t('calls.index.title'), href: '/calls' },
      ],
      rounds: rounds.map((r) => ({
        year: r.year,
        words: t('projects.rounds.words', { ...r.totals, year: r.year, awarded: pounds(r.totals.awardedPence) }),
        rows: r.calls.map((c) => ({ ...c, awarded: pounds(c.awardedPence) })),
        totals: { ...r.totals, awarded: pounds(r.totals.awardedPence) },
      })),
      contentLang: locale === 'en' ? null : 'en',
    })
  })
}
