import type { FastifyInstance, FastifyReply } from 'fastify'
import { inTransaction } from '../../db/unit-of-work.ts'
import { NotFoundError } from '../../errors.ts'
import { parseId } from '../../web/address-numbers.ts'
import { breadcrumbsTo } from '../../web/admin-area.ts'
import { siteUrl } from '../../web/base-url.ts'
import { presentErrors, type FieldError } from '../../web/forms.ts'
import { auditActor } from '../accounts/actor.ts'
import { requireUser } from '../accounts/guard.ts'
import { readVoteForm, voteFormChoices } from './admin-form.ts'
import { changeVoteStatus } from './commands/change-vote-status.ts'
import { countVote } from './commands/count-vote.ts'
import { saveVote } from './commands/save-vote.ts'
import { settingsRows } from './present.ts'
import { decidesByVote, findCallAndVote, listBallotBids, votersCount, type VoteCall, type VoteRow } from './queries.ts'
import { poundsOf } from './rules/ballot.ts'
import { blankVoteForm, voteFormOf, type VoteForm } from './rules/vote-settings.ts'
import { votePhase } from './rules/window.ts'

/** The administrators' page of a call's vote: set it up, open it, close it and count it. The admin area checks the role. */
export async function voteAdminRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db
  const { config } = app.deps

  async function load(rawId: string) {
    const found = await findCallAndVote(db, { id: parseId(rawId) })
    if (!found || !decidesByVote(found.call)) throw new NotFoundError()
    return found
  }

  async function render(
    reply: FastifyReply,
    call: VoteCall,
    vote: VoteRow | null,
    options: { values?: VoteForm; errors?: FieldError[]; conflict?: VoteRow | null; code?: number } = {},
  ) {
    const { t, format } = reply.request
    const errors = options.errors ?? []
    const values = options.values ?? (vote ? voteFormOf(vote) : blankVoteForm(call.potPence))
    const query = reply.request.query as Record<string, unknown>
    const bids = await listBallotBids(db, call, vote)
    return reply.code(options.code ?? (errors.length ? 400 : 200)).render('member-vote/views/admin/vote.njk', {
      title: t('memberVote.admin.title', { call: call.title }),
      section: 'admin',
      breadcrumbs: breadcrumbsTo(t, t('calls.admin.title'), '/admin/calls'),
      pageError: errors.length > 0,
      call: { id: call.id, slug: call.slug, title: call.title, status: call.status, statusText: t(`calls.status.${call.status}`) },
      vote: vote ? { status: vote.status, statusText: t(`memberVote.status.${vote.status}`), phase: votePhase(vote, new Date()) } : null,
      banner: typeof query?.saved === 'string' && errors.length === 0 ? t(`memberVote.admin.saved.${vote?.status ?? 'draft'}`) : null,
      editable: !vote || vote.status === 'draft',
      settings: vote ? settingsRows(t, format, vote) : [],
      voters: vote ? await votersCount(db, vote.id) : 0,
      values,
      choices: voteFormChoices(t, values),
      bids: bids.map((b) => [{ text: b.title, attributes: { lang: 'en' } }, { text: b.lead ?? '' }, { text: poundsOf(b.costPence), format: 'numeric' }]),
      conflict: options.conflict ? settingsRows(t, format, options.conflict) : null,
      ...presentErrors(errors, t),
    })
  }

  app.get<{ Params: { id: string } }>('/admin/calls/:id/vote', async (request, reply) => {
    const { call, vote } = await load(request.params.id)
    return render(reply, call, vote)
  })

  app.post<{ Params: { id: string } }>('/admin/calls/:id/vote', async (request, reply) => {
    const { call } = await load(request.params.id)
    const values = readVoteForm(request.body)
    const result = await inTransaction(db, (tx) => saveVote(tx, auditActor(requireUser(request)), { callId: call.id, form: values }))
    if (result.ok) return reply.redirect(`/admin/calls/${call.id}/vote?saved=1`, 303)
    if (result.reason === 'not-found') throw new NotFoundError()
    const { vote } = await load(request.params.id)
    // After a conflict the form carries the newer revision: saving again keeps what this person typed.
    const revision = result.reason === 'conflict' && vote ? String(vote.revision) : values.revision
    return render(reply, call, vote, {
      values: { ...values, revision },
      errors: result.errors,
      conflict: result.reason === 'conflict' ? (result.current ?? null) : null,
      code: result.reason === 'refused' ? 409 : 400,
    })
  })

  for (const to of ['open', 'closed'] as const) {
    app.post<{ Params: { id: string } }>(`/admin/calls/:id/vote/${to === 'open' ? 'open' : 'close'}`, async (request, reply) => {
      const { call } = await load(request.params.id)
      const result = await inTransaction(db, (tx) => changeVoteStatus(tx, auditActor(requireUser(request)), { callId: call.id, to }))
      if (result.ok) return reply.redirect(`/admin/calls/${call.id}/vote?saved=1`, 303)
      if (result.reason === 'not-found') throw new NotFoundError()
      const { vote } = await load(request.params.id)
      return render(reply, call, vote, { errors: result.errors, code: 409 })
    })
  }

  app.post<{ Params: { id: string } }>('/admin/calls/:id/vote/count', async (request, reply) => {
    const { call } = await load(request.params.id)
    const result = await inTransaction(db, (tx) =>
      countVote(tx, auditActor(requireUser(request)), { callId: call.id, now: new Date() }, { baseUrl: siteUrl(config, request), network: config.networkName }),
    )
    if (result.ok) {
      // Each lead hears of the decision once it is committed.
      await app.mailer.deliver(result.value.emailIds)
      return reply.redirect(`/admin/calls/${call.id}/vote?saved=1`, 303)
    }
    if (result.reason === 'not-found') throw new NotFoundError()
    const { vote } = await load(request.params.id)
    return render(reply, call, vote, { errors: result.errors, code: 409 })
  })
}
