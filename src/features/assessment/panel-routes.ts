import type { FastifyInstance, FastifyReply } from 'fastify'
import { inTransaction } from '../../db/unit-of-work.ts'
import { NotFoundError } from '../../errors.ts'
import { siteUrl } from '../../web/base-url.ts'
import { parseId } from '../../web/address-numbers.ts'
import { savedBanner } from '../../web/admin-area.ts'
import { asForm, presentErrors, text, type FieldError } from '../../web/forms.ts'
import { auditActor } from '../accounts/actor.ts'
import { requireUser } from '../accounts/guard.ts'
import { penceOf, poundsString } from '../membership/rules/money.ts'
import { outcomeSelector } from '../co-production/decision-email.ts'
import { pounds } from '../co-production/present.ts'
import { findCallById, type CallRow } from '../co-production/queries.ts'
import { callCrumbs, callOfAddress } from './admin-call.ts'
import { decideBid } from './commands/decide-bid.ts'
import { markCallDecided } from './commands/mark-call-decided.ts'
import { conflictText, decisionText, phaseText } from './present.ts'
import { conflictWith, listAssessmentsOfCall, listAssessors, listCriteria, listDecisionsOfCall, listSubmittedBids } from './queries.ts'
import { panelOf } from './rules/panel.ts'
import { outcomesFor } from './rules/phase.ts'
import { meanText } from './rules/ranking.ts'

/** The panel view of a call's bids, ranked, with a decision page per bid and "Mark the call decided". Administrators only (the admin area checks). */
export async function assessmentPanelRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db

  /** Everything the panel and a bid's decision page show. */
  async function panelData(call: CallRow) {
    const [criteria, assessors, bids, assessments, decisions] = await Promise.all([
      listCriteria(db, call.id),
      listAssessors(db, call.id),
      listSubmittedBids(db, call.id),
      listAssessmentsOfCall(db, call.id),
      listDecisionsOfCall(db, call.id),
    ])
    const conflict = (userId: number, bidId: number) => {
      const assessor = assessors.find((a) => a.userId === userId)
      const bid = bids.find((b) => b.id === bidId)
      return assessor && bid ? conflictWith(assessor, bid) : null
    }
    const ranked = panelOf({ criteria, assessors, bids, assessments, conflict })
    return { criteria, assessors, bids, assessments, decisions, conflict, ranked }
  }

  app.get<{ Params: { id: string } }>('/admin/calls/:id/panel', async (request, reply) => {
    const call = await callOfAddress(db, request.params.id)
    const { t } = request
    const data = await panelData(call)
    const errors: FieldError[] = []
    const query = request.query as Record<string, unknown>
    return renderPanel(
      reply,
      call,
      data,
      errors,
      query?.decided === '1' ? t('assessment.panel.callDecided') : savedBanner(query, data.bids, (b) => t('assessment.decision.saved', { bid: b.title })),
    )
  })

  async function renderPanel(
    reply: FastifyReply,
    call: CallRow,
    data: Awaited<ReturnType<typeof panelData>>,
    errors: FieldError[],
    banner: string | null = null,
  ) {
    const { t } = reply.request
    const maxTotal = data.criteria.reduce((sum, c) => sum + c.maxScore, 0)
    const bids = data.ranked.map((row) => {
      const bid = data.bids.find((b) => b.id === row.bidId)!
      const decision = data.decisions.find((d) => d.bidId === bid.id)
      const counting = data.assessments.filter(
        (a) =>
          a.bidId === bid.id &&
          a.submittedAt !== null &&
          data.assessors.some((s) => s.userId === a.assessorUserId) &&
          !row.conflicted.includes(a.assessorUserId),
      )
      return {
        id: bid.id,
        rank: row.rank,
        title: bid.title,
        lead: bid.lead ?? '',
        cost: pounds(bid.costPence),
        mean: row.counted ? t('assessment.panel.meanOutOf', { mean: meanText(row.mean), max: maxTotal }) : t('assessment.panel.noScores'),
        spread: row.spread ? t('assessment.panel.spreadRange', { min: row.spread.min, max: row.spread.max }) : '',
        counted: t('assessment.panel.counted', { counted: row.counted, eligible: row.eligible }),
        criterionMeans: data.criteria.map((c) => ({
          title: c.title,
          mean: meanText(row.criterionMeans.find((m) => m.criterionId === c.id)!.mean) || '–',
          max: c.maxScore,
        })),
        conflicts: data.assessors
          .filter((a) => row.conflicted.includes(a.userId))
          .map((a) => t('assessment.panel.conflictOf', { name: a.name, conflict: conflictText(t, data.conflict(a.userId, bid.id)!) })),
        comments: counting.map((a) => ({
          assessor: a.assessor,
          comment: a.comment,
          scores: data.criteria.map((c) => {
            const s = a.scores.find((x) => x.criterionId === c.id)
            return { title: c.title, score: s ? t('assessment.panel.scoreOutOf', { score: s.score, max: c.maxScore }) : '–', comment: s?.comment ?? '' }
          }),
        })),
        decision: decisionText(t, decision),
        decided: Boolean(decision),
      }
    })
    return reply.code(errors.length ? 400 : 200).render('assessment/views/admin/panel.njk', {
      title: t('assessment.panel.title', { call: call.title }),
      section: 'admin',
      breadcrumbs: callCrumbs(reply, call),
      pageError: errors.length > 0,
      banner,
      call: { id: call.id, title: call.title, status: call.status },
      phase: phaseText(t, call, new Date()),
      method: t(`calls.decisionMethod.${call.decisionMethod}`),
      canMarkDecided: call.decisionMethod === 'assessment' && call.status !== 'decided',
      assessorCount: data.assessors.length,
      criteria: data.criteria,
      bids,
      ...presentErrors(errors, t),
    })
  }

  app.post<{ Params: { id: string } }>('/admin/calls/:id/decided', async (request, reply) => {
    const call = await callOfAddress(db, request.params.id)
    const result = await inTransaction(db, (tx) => markCallDecided(tx, auditActor(requireUser(request)), { callId: call.id, now: new Date() }))
    if (result.ok) return reply.redirect(`/admin/calls/${call.id}/panel?decided=1`, 303)
    if (result.reason === 'not-found') throw new NotFoundError()
    return renderPanel(reply, call, await panelData(call), result.errors)
  })

  interface DecisionValues {
    seen: string
    outcome: string
    awarded: string
    conditions: string
    feedback: string
  }

  async function renderDecision(reply: FastifyReply, call: CallRow, bidId: number, values: DecisionValues | null, errors: FieldError[] = []) {
    const { t } = reply.request
    const data = await panelData(call)
    const bid = data.bids.find((b) => b.id === bidId)
    if (!bid) throw new NotFoundError()
    const decision = data.decisions.find((d) => d.bidId === bid.id)
    const shown: DecisionValues = values ?? {
      seen: decision?.decidedAt.toISOString() ?? '',
      outcome: decision?.outcome ?? '',
      awarded: poundsString(decision?.awardedPence ?? bid.costPence),
      conditions: decision?.conditions ?? '',
      feedback: decision?.feedback ?? '',
    }
    const row = data.ranked.find((r) => r.bidId === bid.id)!
    return reply.code(errors.length ? 400 : 200).render('assessment/views/admin/decision.njk', {
      title: t('assessment.decision.title', { bid: bid.title }),
      section: 'admin',
      breadcrumbs: [...callCrumbs(reply, call), { text: t('assessment.panel.heading'), href: `/admin/calls/${call.id}/panel` }],
      pageError: errors.length > 0,
      call: { id: call.id, title: call.title },
      bid: { id: bid.id, title: bid.title, lead: bid.lead ?? '', cost: pounds(bid.costPence), rank: row.rank, of: data.ranked.length },
      current: decision ? decisionText(t, decision) : null,
      values: shown,
      outcomes: outcomesFor(call.decisionMethod).map((o) => ({
        value: o,
        text: t('decisions.outcome', { outcome: outcomeSelector(o) }),
        checked: shown.outcome === o,
      })),
      funds: outcomesFor(call.decisionMethod).includes('fund'),
      ...presentErrors(errors, t),
    })
  }

  app.get<{ Params: { id: string; bidId: string } }>('/admin/calls/:id/panel/bids/:bidId', async (request, reply) =>
    renderDecision(reply, await callOfAddress(db, request.params.id), parseId(request.params.bidId), null),
  )

  app.post<{ Params: { id: string; bidId: string } }>('/admin/calls/:id/panel/bids/:bidId', async (request, reply) => {
    const call = await callOfAddress(db, request.params.id)
    const bidId = parseId(request.params.bidId)
    const form = asForm(request.body)
    const values: DecisionValues = {
      seen: text(form, 'seen', 40),
      outcome: text(form, 'outcome', 40),
      awarded: text(form, 'awarded', 40),
      conditions: text(form, 'conditions', 5000),
      feedback: text(form, 'feedback', 10_000),
    }
    const pence = penceOf(values.awarded)
    const result = await inTransaction(db, (tx) =>
      decideBid(
        tx,
        auditActor(requireUser(request)),
        {
          callId: call.id,
          bidId,
          seen: values.seen,
          outcome: values.outcome,
          awardedPence: typeof pence === 'number' ? pence : null,
          conditions: values.conditions,
          feedback: values.feedback,
          now: new Date(),
        },
        { baseUrl: siteUrl(app.deps.config, request), network: app.deps.config.networkName },
      ),
    )
    if (result.ok) return reply.redirect(`/admin/calls/${call.id}/panel?saved=${bidId}#bid-${bidId}`, 303)
    if (result.reason === 'not-found') throw new NotFoundError()
    // After a conflict the form carries the newer decision's time: saving again replaces it with this one.
    const [now] = (await listDecisionsOfCall(db, call.id)).filter((d) => d.bidId === bidId)
    const seen = result.reason === 'conflict' ? (now?.decidedAt.toISOString() ?? '') : values.seen
    return renderDecision(reply, (await findCallById(db, call.id)) ?? call, bidId, { ...values, seen }, result.errors)
  })
}
