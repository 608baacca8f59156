import type { FastifyInstance, FastifyReply } from 'fastify'
import { inTransaction } from '../../db/unit-of-work.ts'
import { NotFoundError } from '../../errors.ts'
import { parseId, positiveInt } from '../../web/address-numbers.ts'
import { asForm, presentErrors, text, type FieldError } from '../../web/forms.ts'
import { auditActor } from '../accounts/actor.ts'
import { requireUser } from '../accounts/guard.ts'
import { findCallById, type CallRow } from '../co-production/queries.ts'
import { callCrumbs, callOfAddress } from './admin-call.ts'
import { addAssessor, removeAssessor } from './commands/assessors.ts'
import { saveCriteria } from './commands/save-criteria.ts'
import { defaultCriteria, phaseText } from './present.ts'
import { readCriterionRows } from './criteria-form.ts'
import { assessmentPanelRoutes } from './panel-routes.ts'
import { countAssessmentsBegun, listAssessorChoices, listAssessors, listCriteria } from './queries.ts'
import { criteriaFingerprint, type CriterionRow } from './rules/criteria.ts'
import { criteriaRefusal } from './rules/phase.ts'

/** The administrators' set-up of a call's assessment (criteria and assessors), and its panel view. The admin area checks the role. */
export async function assessmentAdminRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db

  async function renderSetUp(
    reply: FastifyReply,
    call: CallRow,
    options: { rows?: CriterionRow[]; errors?: FieldError[]; pick?: { userId: string; email: string }; fingerprint?: string; conflict?: boolean } = {},
  ) {
    const { t } = reply.request
    const errors = options.errors ?? []
    const [criteria, assessors, choices, begun] = await Promise.all([
      listCriteria(db, call.id),
      listAssessors(db, call.id),
      listAssessorChoices(db, call.id),
      countAssessmentsBegun(db, call.id),
    ])
    const locked = criteriaRefusal(call.status, begun)
    const suggested = criteria.length === 0 && !options.rows
    const rows = options.rows ?? (suggested ? defaultCriteria(t) : criteria.map((c) => ({ title: c.title, guidance: c.guidance, max: String(c.maxScore) })))
    const query = reply.request.query as Record<string, unknown>
    const extra = query?.add === '1' && !options.rows ? 1 : 0
    const shownRows = [...rows, ...Array.from({ length: extra || (rows.length === 0 ? 1 : 0) }, () => ({ title: '', guidance: '', max: '' }))]
    return reply.code(errors.length ? 400 : 200).render('assessment/views/admin/set-up.njk', {
      title: t('assessment.setUp.title', { call: call.title }),
      section: 'admin',
      breadcrumbs: callCrumbs(reply, call),
      pageError: errors.length > 0,
      banner: query?.saved === 'criteria' ? t('assessment.setUp.criteriaSaved') : query?.saved === 'assessors' ? t('assessment.setUp.assessorsSaved') : null,
      call: { id: call.id, title: call.title },
      phase: phaseText(t, call, new Date()),
      locked: locked ? t(locked) : null,
      suggested,
      criteria: criteria.map((c) => ({ ...c })),
      rows: shownRows.map((r, i) => ({ ...r, index: i, number: i + 1, last: i === shownRows.length - 1 })),
      fingerprint: options.fingerprint ?? criteriaFingerprint(criteria),
      // After a conflicting save: the list someone else saved, beside the rows this person typed.
      conflict: options.conflict
        ? criteria.map((c) => ({ key: { text: c.title }, value: { text: t('assessment.criteria.theirs', { max: c.maxScore, guidance: c.guidance || '-' }) } }))
        : null,
      assessors: assessors.map((a) => ({ ...a, organisation: a.organisation ?? '' })),
      choices: [
        { value: '', text: t('assessment.assessors.choose') },
        ...choices.map((c) => ({ value: String(c.id), text: `${c.name} (${c.email})`, selected: options.pick?.userId === String(c.id) })),
      ],
      pick: options.pick ?? { userId: '', email: '' },
      ...presentErrors(errors, t),
    })
  }

  app.get<{ Params: { id: string } }>('/admin/calls/:id/assessment', async (request, reply) => renderSetUp(reply, await callOfAddress(db, request.params.id)))

  app.post<{ Params: { id: string } }>('/admin/calls/:id/assessment/criteria', async (request, reply) => {
    const call = await callOfAddress(db, request.params.id)
    const form = asForm(request.body)
    const { rows, action, fingerprint } = readCriterionRows(form)
    const result = await inTransaction(db, (tx) => saveCriteria(tx, auditActor(requireUser(request)), { callId: call.id, fingerprint, rows }))
    if (result.ok) return reply.redirect(`/admin/calls/${call.id}/assessment?saved=criteria${action === 'add' ? '&add=1' : ''}#criteria`, 303)
    if (result.reason === 'not-found') throw new NotFoundError()
    // After a conflict the form carries the newer list's fingerprint: saving again keeps these rows.
    const current = criteriaFingerprint(await listCriteria(db, call.id))
    return renderSetUp(reply, (await findCallById(db, call.id)) ?? call, {
      rows,
      errors: result.errors,
      fingerprint: result.reason === 'conflict' ? current : fingerprint,
      conflict: result.reason === 'conflict',
    })
  })

  app.post<{ Params: { id: string } }>('/admin/calls/:id/assessment/assessors', async (request, reply) => {
    const call = await callOfAddress(db, request.params.id)
    const form = asForm(request.body)
    const pick = { userId: text(form, 'userId', 20), email: text(form, 'email', 320) }
    const userId = positiveInt(pick.userId)
    const chosen = pick.email.trim() !== '' ? { email: pick.email } : userId !== null ? { userId } : { email: '' }
    const result = await inTransaction(db, (tx) => addAssessor(tx, auditActor(requireUser(request)), { callId: call.id, pick: chosen }))
    if (result.ok) return reply.redirect(`/admin/calls/${call.id}/assessment?saved=assessors#assessors`, 303)
    if (result.reason === 'not-found') throw new NotFoundError()
    return renderSetUp(reply, call, { errors: result.errors, pick })
  })

  app.post<{ Params: { id: string; userId: string } }>('/admin/calls/:id/assessment/assessors/:userId/remove', async (request, reply) => {
    const call = await callOfAddress(db, request.params.id)
    const result = await inTransaction(db, (tx) =>
      removeAssessor(tx, auditActor(requireUser(request)), { callId: call.id, userId: parseId(request.params.userId) }),
    )
    if (result.ok) return reply.redirect(`/admin/calls/${call.id}/assessment?saved=assessors#assessors`, 303)
    if (result.reason === 'not-found') throw new NotFoundError()
    return renderSetUp(reply, call, { errors: result.errors })
  })

  await app.register(assessmentPanelRoutes)
}
