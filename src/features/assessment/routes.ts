import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { inTransaction } from '../../db/unit-of-work.ts'
import { ForbiddenError, NotFoundError } from '../../errors.ts'
import { isSlug } from '../../lib/slug.ts'
import { parseId } from '../../web/address-numbers.ts'
import { savedBanner } from '../../web/admin-area.ts'
import { asForm, presentErrors, text, type FieldError } from '../../web/forms.ts'
import { auditActor, type Actor } from '../accounts/actor.ts'
import { requireUser } from '../accounts/guard.ts'
import { pounds } from '../co-production/present.ts'
import { findCallById, findCallBySlug, type CallRow } from '../co-production/queries.ts'
import { findBid } from '../co-production/bid-queries.ts'
import { declareConflict, withdrawConflict } from './commands/declare-conflict.ts'
import { saveAssessment } from './commands/save-assessment.ts'
import { canAssessBid, canScoreBid, isAssessorOf } from './policy.ts'
import { conflictText, phaseText } from './present.ts'
import {
  assessorIdsOf,
  conflictWith,
  findAssessment,
  listAssessmentsOfCall,
  listCallsAssessedBy,
  listCriteria,
  listSubmittedBids,
  type AssessmentRecord,
} from './queries.ts'
import { assessmentRefusal } from './rules/phase.ts'

/** The assessors' pages: their calls, a call's submitted bids, and the scoring form of one bid. Nobody else sees them. */
export async function assessmentRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db

  const assessorOf = (actor: Actor) => ({ userId: actor.id, organisationId: actor.organisationId })

  app.get('/assess', async (request, reply) => {
    const actor = requireUser(request)
    const { t, format } = request
    const calls = await listCallsAssessedBy(db, actor.id)
    if (calls.length === 0) throw new ForbiddenError(t('assessment.index.notAssessor'))
    return reply.render('assessment/views/index.njk', {
      title: t('assessment.index.title'),
      section: 'dashboard',
      breadcrumbs: [{ text: t('home.breadcrumb'), href: '/' }],
      calls: calls.map((c) => ({
        slug: c.slug,
        title: c.title,
        bids: t('assessment.index.bids', { count: c.submitted }),
        closes: format.date(new Date(`${c.closesOn}T12:00:00Z`)),
        phase: t(assessmentRefusal(c, new Date()) ?? 'assessment.phase.scoring'),
      })),
      contentLang: request.locale === 'en' ? null : 'en',
    })
  })

  /** The call, when the signed-in person assesses it; for anyone else it does not exist. */
  async function assessedCall(request: FastifyRequest, call: CallRow | null): Promise<{ actor: Actor; call: CallRow; assessorIds: number[] }> {
    const actor = requireUser(request)
    if (!call) throw new NotFoundError()
    const assessorIds = await assessorIdsOf(db, call.id)
    if (!isAssessorOf(actor, assessorIds)) throw new NotFoundError()
    return { actor, call, assessorIds }
  }

  app.get<{ Params: { slug: string } }>('/assess/calls/:slug', async (request, reply) => {
    if (!isSlug(request.params.slug)) throw new NotFoundError()
    const { actor, call } = await assessedCall(request, await findCallBySlug(db, request.params.slug))
    const { t } = request
    const [bids, assessments] = await Promise.all([listSubmittedBids(db, call.id), listAssessmentsOfCall(db, call.id)])
    return reply.render('assessment/views/call.njk', {
      title: t('assessment.call.title', { call: call.title }),
      section: 'dashboard',
      breadcrumbs: [
        { text: t('home.breadcrumb'), href: '/' },
        { text: t('assessment.index.title'), href: '/assess' },
      ],
      call: { title: call.title },
      phase: phaseText(t, call, new Date()),
      banner: savedBanner(request.query, bids, (b) => t('assessment.call.declared', { bid: b.title }), 'declared'),
      bids: bids.map((b) => {
        const conflict = conflictWith(assessorOf(actor), b)
        const mine = assessments.find((a) => a.bidId === b.id && a.assessorUserId === actor.id)
        const state = conflict ? 'conflict' : !mine ? 'notStarted' : mine.submittedAt ? 'submitted' : 'draft'
        return {
          id: b.id,
          title: b.title,
          lead: b.lead ?? '',
          cost: pounds(b.costPence),
          state,
          stateText: t(`assessment.call.state.${state}`),
          // Only a conflict they declared can be taken back; one that follows from the data stays.
          withdrawable: conflict?.kind === 'declared' && call.status !== 'decided',
        }
      }),
      contentLang: request.locale === 'en' ? null : 'en',
    })
  })

  /** The bid, when it is submitted to a call the person assesses (else it does not exist), and their conflict with it. */
  async function assessedBid(request: FastifyRequest, rawId: string) {
    const bid = await findBid(db, parseId(rawId))
    const { actor, call, assessorIds } = await assessedCall(request, bid ? await findCallById(db, bid.callId) : null)
    if (!canAssessBid(actor, assessorIds, bid!)) throw new NotFoundError()
    const shown = (await listSubmittedBids(db, call.id)).find((b) => b.id === bid!.id)!
    const conflict = conflictWith(assessorOf(actor), shown)
    if (!canScoreBid(actor, assessorIds, bid!, conflict))
      throw new ForbiddenError(request.t('assessment.conflict.refusedBecause', { conflict: conflictText(request.t, conflict!) }))
    return { actor, call, bid: shown }
  }

  interface ScoreValues {
    scores: Record<number, string>
    comments: Record<number, string>
    comment: string
    revision: string
  }

  const valuesOf = (assessment: AssessmentRecord | null): ScoreValues => ({
    scores: Object.fromEntries((assessment?.scores ?? []).map((s) => [s.criterionId, String(s.score)])),
    comments: Object.fromEntries((assessment?.scores ?? []).map((s) => [s.criterionId, s.comment])),
    comment: assessment?.comment ?? '',
    revision: String(assessment?.revision ?? 0),
  })

  async function renderScoring(
    reply: FastifyReply,
    context: Awaited<ReturnType<typeof assessedBid>>,
    values: ScoreValues | null,
    errors: FieldError[] = [],
    options: { conflict?: boolean; reason?: string } = {},
  ) {
    const { t } = reply.request
    const { actor, call, bid } = context
    const [criteria, assessment] = await Promise.all([listCriteria(db, call.id), findAssessment(db, bid.id, actor.id)])
    const shown = values ?? valuesOf(assessment)
    const refusal = assessmentRefusal(call, new Date())
    const query = reply.request.query as Record<string, unknown>
    return reply.code(errors.length ? 400 : 200).render('assessment/views/score.njk', {
      title: t('assessment.score.title', { bid: bid.title }),
      section: 'dashboard',
      breadcrumbs: [
        { text: t('assessment.index.title'), href: '/assess' },
        { text: call.title, href: `/assess/calls/${call.slug}` },
      ],
      pageError: errors.length > 0,
      banner:
        errors.length === 0 && query?.saved === 'draft'
          ? t('assessment.score.savedDraft')
          : errors.length === 0 && query?.saved === 'submitted'
            ? t('assessment.score.savedSubmitted')
            : null,
      bid: { id: bid.id, title: bid.title, lead: bid.lead ?? '', cost: pounds(bid.costPence), summary: bid.summary },
      call: { title: call.title, slug: call.slug },
      status: assessment?.submittedAt
        ? t('assessment.call.state.submitted')
        : assessment
          ? t('assessment.call.state.draft')
          : t('assessment.call.state.notStarted'),
      closed: refusal ? t(refusal) : criteria.length === 0 ? t('assessment.score.noCriteria') : null,
      criteria: criteria.map((c) => {
        const value = shown.scores[c.id] ?? ''
        return {
          id: c.id,
          title: c.title,
          guidance: c.guidance,
          maxScore: c.maxScore,
          value,
          comment: shown.comments[c.id] ?? '',
          legend: t('assessment.score.legend', { criterion: c.title, max: c.maxScore }),
          // Radios for a short scale, a number box for a long one.
          radios:
            c.maxScore <= 10 ? Array.from({ length: c.maxScore + 1 }, (_, n) => ({ value: String(n), text: String(n), checked: value === String(n) })) : null,
        }
      }),
      values: shown,
      submitted: Boolean(assessment?.submittedAt),
      // After a conflicting save: the scores saved since (in another tab, say), beside what this person typed.
      conflict:
        options.conflict && assessment
          ? [
              ...criteria.map((c) => {
                const saved = assessment.scores.find((s) => s.criterionId === c.id)
                return { key: { text: c.title }, value: { text: saved ? t('assessment.panel.scoreOutOf', { score: saved.score, max: c.maxScore }) : '-' } }
              }),
              { key: { text: t('assessment.score.overall') }, value: { text: assessment.comment || '-' } },
            ]
          : null,
      reason: options.reason ?? '',
      contentLang: reply.request.locale === 'en' ? null : 'en',
      ...presentErrors(errors, t),
    })
  }

  app.get<{ Params: { id: string } }>('/assess/bids/:id', async (request, reply) => renderScoring(reply, await assessedBid(request, request.params.id), null))

  app.post<{ Params: { id: string } }>('/assess/bids/:id', async (request, reply) => {
    const context = await assessedBid(request, request.params.id)
    const form = asForm(request.body)
    const criteria = await listCriteria(db, context.call.id)
    const values: ScoreValues = {
      scores: Object.fromEntries(criteria.map((c) => [c.id, text(form, `score-${c.id}`, 20)])),
      comments: Object.fromEntries(criteria.map((c) => [c.id, text(form, `comment-${c.id}`, 10_000)])),
      comment: text(form, 'comment', 10_000),
      revision: text(form, 'revision', 20),
    }
    const submit = text(form, 'action', 20) === 'submit'
    const result = await inTransaction(db, (tx) =>
      saveAssessment(tx, auditActor(context.actor), { bidId: context.bid.id, assessor: assessorOf(context.actor), ...values, submit, now: new Date() }),
    )
    if (result.ok) return reply.redirect(`/assess/bids/${context.bid.id}?saved=${result.value.submitted ? 'submitted' : 'draft'}`, 303)
    if (result.reason === 'not-found') throw new NotFoundError()
    if (result.reason === 'refused' && result.errors[0]?.message === 'assessment.conflict.refused')
      throw new ForbiddenError(request.t('assessment.conflict.refused'))
    // After a conflict the form keeps what this person typed, with the newer revision: saving again keeps theirs.
    const current = await findAssessment(db, context.bid.id, context.actor.id)
    const conflict = result.reason === 'conflict'
    return renderScoring(reply, context, { ...values, revision: conflict ? String(current?.revision ?? 0) : values.revision }, result.errors, { conflict })
  })

  app.post<{ Params: { id: string } }>('/assess/bids/:id/conflict/withdraw', async (request, reply) => {
    const actor = requireUser(request)
    const bid = await findBid(db, parseId(request.params.id))
    await assessedCall(request, bid ? await findCallById(db, bid.callId) : null)
    const result = await inTransaction(db, (tx) => withdrawConflict(tx, auditActor(actor), { bidId: bid!.id, userId: actor.id }))
    if (!result.ok && result.reason === 'not-found') throw new NotFoundError()
    if (!result.ok) throw new ForbiddenError(request.t(result.errors[0]!.message))
    return reply.redirect(`/assess/bids/${bid!.id}`, 303)
  })

  app.post<{ Params: { id: string } }>('/assess/bids/:id/conflict', async (request, reply) => {
    const context = await assessedBid(request, request.params.id)
    const reason = text(asForm(request.body), 'reason', 5000)
    const result = await inTransaction(db, (tx) =>
      declareConflict(tx, auditActor(context.actor), { bidId: context.bid.id, userId: context.actor.id, reason, now: new Date() }),
    )
    if (result.ok) return reply.redirect(`/assess/calls/${context.call.slug}?declared=${context.bid.id}`, 303)
    if (result.reason === 'not-found') throw new NotFoundError()
    return renderScoring(reply, context, null, result.errors, { reason })
  })
}
