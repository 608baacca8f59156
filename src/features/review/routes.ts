import { siteUrl } from '../../web/base-url.ts'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { inTransaction } from '../../db/unit-of-work.ts'
import { NotFoundError } from '../../errors.ts'
import type { Failure } from '../../lib/result.ts'
import { isSlug } from '../../lib/slug.ts'
import { asForm, presentErrors, text, type FieldError } from '../../web/forms.ts'
import { auditActor } from '../accounts/actor.ts'
import { authorize, requireUser } from '../accounts/guard.ts'
import { differencesIn, presentSnapshotPage } from '../case-studies/editor-present.ts'
import { findCaseStudyBySlug, loadFormChoices } from '../case-studies/editor-queries.ts'
import { canReviewCaseStudies } from '../case-studies/policy.ts'
import { findRevision, latestReviewComment, latestSnapshot } from '../case-studies/revisions.ts'
import { diffLines, diffSnapshots } from '../case-studies/snapshot.ts'
import { changePublication } from './commands/change-publication.ts'
import { publishCaseStudy } from './commands/publish-case-study.ts'
import { requestChanges } from './commands/request-changes.ts'
import { listReviewQueue } from './queries.ts'
import { availableActions, stateLabel } from './rules.ts'

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>

export async function reviewRoutes(app: FastifyInstance): Promise<void> {
  const load = async (request: SlugRequest) => {
    const actor = requireUser(request)
    authorize(canReviewCaseStudies(actor))
    if (!isSlug(request.params.slug)) throw new NotFoundError()
    const row = await findCaseStudyBySlug(app.deps.db, request.params.slug)
    if (!row) throw new NotFoundError()
    return { actor, row }
  }

  app.get('/admin/review', async (request, reply) => {
    const actor = requireUser(request)
    authorize(canReviewCaseStudies(actor))
    const queue = await listReviewQueue(app.deps.db)
    const withState = (rows: (typeof queue)['waiting']) => rows.map((r) => ({ ...r, state: stateLabel(r) }))
    return reply.render('review/views/queue.njk', {
      title: request.t('review.queue.title'),
      section: 'admin',
      waiting: withState(queue.waiting),
      sentBack: withState(queue.sentBack),
      drafts: withState(queue.drafts),
    })
  })

  const renderReview = async (request: SlugRequest, reply: FastifyReply, extra: { errors?: FieldError[]; comment?: string; notice?: FieldError } = {}) => {
    const { row } = await load(request)
    const [choices, snapshot, published, lastComment] = await Promise.all([
      loadFormChoices(app.deps.db),
      latestSnapshot(app.deps.db, row.id, row.revision),
      row.publishedRevision === null ? Promise.resolve(null) : findRevision(app.deps.db, row.id, row.publishedRevision),
      latestReviewComment(app.deps.db, row.id),
    ])
    if (!snapshot) throw new NotFoundError()
    const { t } = request
    const differences = differencesIn(
      diffSnapshots(published?.snapshot ?? null, snapshot, t).map((d) =>
        d.key === 'body' || d.key === 'outcomes' ? { ...d, lines: diffLines(d.before, d.after) } : d,
      ),
      request.locale,
      row.language,
    )
    const errors = extra.errors ?? []
    return reply.code(errors.length ? 400 : extra.notice ? 409 : 200).render('review/views/review.njk', {
      title: t('review.page.title', { title: snapshot.title }),
      section: 'admin',
      pageError: errors.length > 0,
      breadcrumbs: [{ text: t('review.queue.title'), href: '/admin/review' }],
      row,
      state: stateLabel(row),
      actions: availableActions(row),
      neverPublished: row.publishedRevision === null,
      publishedRevision: row.publishedRevision,
      differences,
      lastComment,
      comment: extra.comment ?? '',
      notice: extra.notice ? t(extra.notice.message, extra.notice.values) : undefined,
      cs: presentSnapshotPage(snapshot, choices, row.updatedAt, t, request.locale, row.language),
      ...presentErrors(errors, t),
    })
  }

  /** The review page again with why the decision was not made (the case study changed, or the action no longer applies). */
  const refusedPage = (request: SlugRequest, reply: FastifyReply, failure: Failure, comment?: string) => {
    if (failure.reason === 'not-found') throw new NotFoundError()
    const notice = failure.errors[0]
    return renderReview(request, reply, { ...(notice ? { notice } : {}), ...(comment === undefined ? {} : { comment }) })
  }

  app.get<{ Params: { slug: string } }>('/admin/review/:slug', async (request, reply) => renderReview(request, reply))

  app.post<{ Params: { slug: string } }>('/admin/review/:slug/publish', async (request, reply) => {
    const { actor, row } = await load(request)
    const revision = Number(text(asForm(request.body), 'revision', 12)) || 0
    const result = await inTransaction(app.deps.db, (tx) => publishCaseStudy(tx, auditActor(actor), { caseStudyId: row.id, revision }))
    if (!result.ok) return refusedPage(request, reply, result)
    return reply.redirect(`/admin/review?published=${row.slug}`, 303)
  })

  for (const to of ['unpublish', 'archive'] as const) {
    app.post<{ Params: { slug: string } }>(`/admin/review/:slug/${to}`, async (request, reply) => {
      const { actor, row } = await load(request)
      const result = await inTransaction(app.deps.db, (tx) => changePublication(tx, auditActor(actor), { caseStudyId: row.id, to }))
      if (!result.ok) return refusedPage(request, reply, result)
      return reply.redirect(`/admin/review/${row.slug}?done=${to}`, 303)
    })
  }

  app.post<{ Params: { slug: string } }>('/admin/review/:slug/request-changes', async (request, reply) => {
    const { actor, row } = await load(request)
    const form = asForm(request.body)
    const comment = text(form, 'comment', 20_000)
    const result = await inTransaction(app.deps.db, (tx) =>
      requestChanges(tx, auditActor(actor), {
        caseStudyId: row.id,
        revision: Number(text(form, 'revision', 12)) || 0,
        comment,
        editUrl: `${siteUrl(app.deps.config, request)}/case-studies/${row.slug}/edit`,
        networkName: app.deps.config.networkName,
        // The officer reads who asked: a name, not a sign-in address.
        authorName: actor.name,
      }),
    )
    if (!result.ok && result.reason === 'invalid') return renderReview(request, reply, { errors: result.errors, comment })
    if (!result.ok) return refusedPage(request, reply, result, comment)
    await app.mailer.deliver(result.value.emailIds)
    return reply.redirect(`/admin/review?sent-back=${row.slug}`, 303)
  })
}
