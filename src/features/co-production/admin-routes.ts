import type { FastifyInstance, FastifyReply } from 'fastify'
import { inTransaction } from '../../db/unit-of-work.ts'
import { NotFoundError } from '../../errors.ts'
import { escapeHtml } from '../../lib/html.ts'
import { parseId } from '../../web/address-numbers.ts'
import { adminBreadcrumbs, breadcrumbsTo, savedBanner } from '../../web/admin-area.ts'
import { presentErrors, type FieldError } from '../../web/forms.ts'
import { auditActor } from '../accounts/actor.ts'
import { requireUser } from '../accounts/guard.ts'
import { callFormChoices, callFormOf, blankCallForm, readCallForm, type CallFormValues } from './admin-form.ts'
import { changeCallStatus } from './commands/change-call-status.ts'
import { createCall } from './commands/create-call.ts'
import { updateCall } from './commands/update-call.ts'
import { dayText, pounds, timeline } from './present.ts'
import { listBidsOfCall } from './bid-queries.ts'
import { findCallById, listCalls, listPrincipleChoices, type CallRow } from './queries.ts'

/**
 * On a phone a table of calls or bids keeps only its first column (the rest are wide-only); what the
 * others say is repeated, shorter, in a narrow-only line of that cell, so nothing scrolls sideways.
 */
const wideOnly = 'coophub-wide-only'
const narrowLine = (words: string) =>
  `<span class="govuk-body-s govuk-!-display-block govuk-!-font-weight-regular govuk-!-margin-bottom-0 coophub-narrow-only">${escapeHtml(words)}</span>`

/** The administrators' pages of calls; the admin area checks that the person is one. */
export async function callAdminRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db

  async function renderForm(reply: FastifyReply, values: CallFormValues, options: { call?: CallRow; errors?: FieldError[]; conflict?: CallRow | null } = {}) {
    const errors = options.errors ?? []
    const { call, conflict } = options
    const { t, format, locale } = reply.request
    const banner = call ? savedBanner(reply.request.query, [call], (c) => t('calls.admin.saved', { title: c.title, status: c.status })) : null
    return reply.code(errors.length ? 400 : 200).render('co-production/views/admin/form.njk', {
      title: call ? t('calls.admin.titleEdit', { title: call.title }) : t('calls.admin.titleNew'),
      section: 'admin',
      breadcrumbs: breadcrumbsTo(t, t('calls.admin.title'), '/admin/calls'),
      pageError: errors.length > 0,
      action: call ? `/admin/calls/${call.id}` : '/admin/calls',
      call: call
        ? {
            id: call.id,
            slug: call.slug,
            title: call.title,
            status: call.status,
            statusText: t(`calls.status.${call.status}`),
            decisionMethod: call.decisionMethod,
          }
        : null,
      banner,
      values,
      choices: callFormChoices(t, locale, values, await listPrincipleChoices(db)),
      // Administrators see every bid, drafts included.
      bids: call
        ? (await listBidsOfCall(db, call.id)).map((b) => {
            const [status, submitted] = [t(`bids.status.${b.status}`), format.dateTime(b.submittedAt)]
            const narrow = [b.lead ?? '', submitted ? `${status} ${submitted}` : status].filter(Boolean).join(' · ')
            return [
              { html: `<a class="govuk-link" href="/bids/${b.id}" lang="en">${escapeHtml(b.title)}</a>${narrowLine(narrow)}` },
              { text: b.lead ?? '', classes: wideOnly },
              { text: status, classes: wideOnly },
              { text: submitted, classes: wideOnly },
            ]
          })
        : [],
      conflict: conflict
        ? [
            { key: { text: t('calls.form.title') }, value: { text: conflict.title } },
            { key: { text: t('calls.show.pot') }, value: { text: pounds(conflict.potPence) } },
            { key: { text: t('calls.show.cap') }, value: { text: pounds(conflict.capPence) } },
            ...timeline(t, format, conflict).map((step) => ({ key: { text: step.label }, value: { text: step.date } })),
          ]
        : null,
      ...presentErrors(errors, t),
    })
  }

  app.get('/admin/calls', async (request, reply) => {
    const { t, format } = request
    const calls = await listCalls(db)
    return reply.render('co-production/views/admin/index.njk', {
      title: t('calls.admin.title'),
      section: 'admin',
      breadcrumbs: adminBreadcrumbs(t),
      rows: calls.map((c) => {
        const [kind, status, closes] = [t(`calls.kind.${c.kind}`), t(`calls.status.${c.status}`), dayText(format, c.closesOn)]
        const dates = t('calls.list.dates', { opens: dayText(format, c.opensOn), closes })
        return [
          { html: `<a class="govuk-link" href="/admin/calls/${c.id}">${escapeHtml(c.title)}</a>${narrowLine(`${kind} · ${status} · ${dates}`)}` },
          { text: kind, classes: wideOnly },
          { text: status, classes: wideOnly },
          { text: closes, classes: wideOnly },
        ]
      }),
    })
  })

  app.get('/admin/calls/new', async (_request, reply) => renderForm(reply, blankCallForm()))

  app.post('/admin/calls', async (request, reply) => {
    const values = readCallForm(request.body)
    const result = await inTransaction(db, (tx) => createCall(tx, auditActor(requireUser(request)), values))
    if (!result.ok) return renderForm(reply, values, { errors: result.errors })
    return reply.redirect(`/admin/calls/${result.value.id}?saved=${result.value.id}`, 303)
  })

  app.get<{ Params: { id: string } }>('/admin/calls/:id', async (request, reply) => {
    const call = await findCallById(db, parseId(request.params.id))
    if (!call) throw new NotFoundError()
    return renderForm(reply, callFormOf(call), { call })
  })

  app.post<{ Params: { id: string } }>('/admin/calls/:id', async (request, reply) => {
    const id = parseId(request.params.id)
    const values = readCallForm(request.body)
    const result = await inTransaction(db, (tx) => updateCall(tx, auditActor(requireUser(request)), { id, revision: values.revision, form: values }))
    if (result.ok) return reply.redirect(`/admin/calls/${id}?saved=${id}`, 303)
    const current = await findCallById(db, id)
    if (!current || result.reason === 'not-found') throw new NotFoundError()
    // After a conflict the form carries the newer revision: saving again keeps what this person typed.
    const revision = result.reason === 'conflict' ? String(current.revision) : values.revision
    return renderForm(reply, { ...values, revision }, { call: current, errors: result.errors, conflict: result.reason === 'conflict' ? current : null })
  })

  for (const to of ['open', 'closed'] as const) {
    app.post<{ Params: { id: string } }>(`/admin/calls/:id/${to === 'open' ? 'open' : 'close'}`, async (request, reply) => {
      const id = parseId(request.params.id)
      const result = await inTransaction(db, (tx) => changeCallStatus(tx, auditActor(requireUser(request)), { id, to }))
      if (result.ok) return reply.redirect(`/admin/calls/${id}?saved=${id}`, 303)
      const current = await findCallById(db, id)
      if (!current || result.reason === 'not-found') throw new NotFoundError()
      return renderForm(reply, callFormOf(current), { call: current, errors: result.errors })
    })
  }
}
