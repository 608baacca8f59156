import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { inTransaction } from '../../db/unit-of-work.ts'
import { NotFoundError } from '../../errors.ts'
import { escapeHtml } from '../../lib/html.ts'
import { isSlug } from '../../lib/slug.ts'
import { asForm, presentErrors, text, type FieldError } from '../../web/forms.ts'
import { limitBy } from '../../web/rate-limit.ts'
import { requireUser } from '../accounts/guard.ts'
import { londonDate } from '../membership/rules/subscription-year.ts'
import { toPabulib } from '../participatory-budgeting/pabulib.ts'
import { readBallotForm } from './ballot-form.ts'
import { castBallot } from './commands/cast-ballot.ts'
import { canManageVotes, canSeeBallots, canSeeResults, canViewVote, voterRefusal } from './policy.ts'
import { ballotRule, howItDecided, potChart, resultRows, settingsRows, totals } from './present.ts'
import {
  decidesByVote,
  findCallAndVote,
  findVoterOrganisation,
  hasVoted,
  listBallotBids,
  listBallots,
  type BallotBidRow,
  type VoteCall,
  type VoteRow,
} from './queries.ts'
import { checkBallot, choicesField, pointsField, poundsOf, type BallotForm } from './rules/ballot.ts'
import { electionOf, voteMethodOf } from './rules/election.ts'
import { normaliseReceiptCode } from './rules/receipt.ts'
import { readStoredResult } from './rules/stored-count.ts'
import { storedElectorate } from './rules/vote-settings.ts'
import { castingRefusal, votePhase } from './rules/window.ts'

type Found = { call: VoteCall; vote: VoteRow | null }

/**
 * The members' side of a vote: the ballot (/calls/:slug/vote), the results once counted, and the
 * anonymised ballots (a list, and a .pb file) once closed. No page shows whose ballot is whose:
 * an organisation's own page says only that it has voted.
 */
export async function memberVoteRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db

  /** The call and its vote, when the call decides by vote and the person may see it. */
  async function findVisible(request: FastifyRequest, slug: string): Promise<Found> {
    if (!isSlug(slug)) throw new NotFoundError()
    const found = await findCallAndVote(db, { slug })
    const actor = request.user ?? null
    if (!found || !decidesByVote(found.call) || (found.call.status === 'draft' && actor?.role !== 'admin')) throw new NotFoundError()
    return { call: found.call, vote: found.vote && canViewVote(actor, found.vote) ? found.vote : null }
  }

  async function withVote(request: FastifyRequest, slug: string, may: (vote: VoteRow) => boolean) {
    const found = await findVisible(request, slug)
    if (!found.vote || !may(found.vote)) throw new NotFoundError()
    return { call: found.call, vote: found.vote }
  }

  const breadcrumbs = (request: FastifyRequest, call: VoteCall) => [
    { text: request.t('calls.index.title'), href: '/calls' },
    { text: call.title, href: `/calls/${call.slug}` },
  ]

  /** Whether this person may vote now, and if not why (a key); the organisation they vote for. */
  async function voterState(request: FastifyRequest, vote: VoteRow) {
    const actor = request.user ?? null
    const organisation = actor?.organisationId ? await findVoterOrganisation(db, actor.organisationId) : null
    const refusal = voterRefusal(actor, organisation?.tier ?? null, storedElectorate(vote.electorate))
    const voted = !refusal && organisation ? await hasVoted(db, vote.id, organisation.id) : false
    return { refusal, voted, organisation }
  }

  function bidChoices(request: FastifyRequest, vote: VoteRow, bids: BallotBidRow[], form: BallotForm, errors: FieldError[]) {
    const { t } = request
    const hint = (b: BallotBidRow) => t('memberVote.ballot.bidHint', { lead: b.lead ?? t('memberVote.ballot.noLead'), cost: poundsOf(b.costPence) })
    if (vote.ballotType === 'cumulative')
      return bids.map((b) => ({
        id: pointsField(b.id),
        name: pointsField(b.id),
        title: b.title,
        hint: hint(b),
        value: form.points[String(b.id)] ?? '',
        error: presentErrors(errors, t).fieldErrors[pointsField(b.id)],
      }))
    return bids.map((b) => ({
      value: String(b.id),
      html: `<span lang="en">${escapeHtml(b.title)}</span>`,
      hint: { text: hint(b) },
      checked: form.ticked.includes(String(b.id)),
    }))
  }

  async function renderVote(
    reply: FastifyReply,
    found: Found,
    options: { form?: BallotForm; errors?: FieldError[]; code?: number; confirm?: boolean; choices?: { bidId: number; points: number }[] } = {},
  ) {
    const request = reply.request
    const { t, format } = request
    const { call, vote } = found
    const errors = options.errors ?? []
    const form = options.form ?? { ticked: [], points: {} }
    const bids = vote ? await listBallotBids(db, call, vote) : []
    const phase = vote ? votePhase(vote, new Date()) : null
    const state = vote ? await voterState(request, vote) : null
    const byId = new Map(bids.map((b) => [b.id, b]))
    const chosen = (options.choices ?? []).map((c) => ({ ...c, bid: byId.get(c.bidId)! }))
    return reply.code(options.code ?? (errors.length ? 400 : 200)).render('member-vote/views/vote.njk', {
      title: options.confirm ? t('memberVote.confirm.title') : t('memberVote.ballot.title', { call: call.title }),
      section: 'calls',
      breadcrumbs: breadcrumbs(request, call),
      pageError: errors.length > 0,
      call: { title: call.title, slug: call.slug },
      vote: vote ? { ballotType: vote.ballotType, status: vote.status } : null,
      phase,
      phaseText:
        vote && phase
          ? t(`memberVote.phase.${phase}`, { opens: format.dateTime(vote.opensAt), closes: format.dateTime(vote.closesAt) })
          : t(call.status === 'decided' ? 'memberVote.phase.decidedWithoutVote' : 'memberVote.phase.notSetUp'),
      settings: vote ? settingsRows(t, format, vote) : [],
      rule: vote ? ballotRule(t, vote) : '',
      bids: bids.map((b) => ({ id: b.id, title: b.title, lead: b.lead ?? '', cost: poundsOf(b.costPence) })),
      state: state && {
        signedIn: Boolean(request.user),
        refusal: state.refusal ? t(state.refusal) : null,
        voted: state.voted,
        organisation: state.organisation?.name ?? '',
      },
      canVote: phase === 'open' && state !== null && !state.refusal && !state.voted,
      choices: vote ? bidChoices(request, vote, bids, form, errors) : [],
      choicesField,
      confirm: options.confirm
        ? chosen.map((c) => ({ id: c.bidId, title: c.bid.title, cost: poundsOf(c.bid.costPence), points: c.points, field: pointsField(c.bidId) }))
        : null,
      action: `/calls/${call.slug}/vote`,
      manage: canManageVotes(request.user ?? null) ? `/admin/calls/${call.id}/vote` : null,
      ...presentErrors(errors, t),
    })
  }

  app.get<{ Params: { slug: string } }>('/calls/:slug/vote', async (request, reply) => renderVote(reply, await findVisible(request, request.params.slug)))

  app.post<{ Params: { slug: string } }>('/calls/:slug/vote', async (request, reply) => {
    const actor = requireUser(request)
    const found = await findVisible(request, request.params.slug)
    const { vote, call } = found
    if (!vote) throw new NotFoundError()
    const state = await voterState(request, vote)
    if (state.refusal) return renderVote(reply, found, { errors: [{ field: '', message: state.refusal }], code: 403 })
    const closed = castingRefusal(vote, new Date()) ?? (state.voted ? 'memberVote.refused.alreadyVoted' : null)
    if (closed) return renderVote(reply, found, { errors: [{ field: '', message: closed }], code: 409 })
    const form = readBallotForm(request.body)
    const action = text(asForm(request.body), 'action', 20)
    if (action === 'change') return renderVote(reply, found, { form })
    if (action !== 'cast') {
      const bids = await listBallotBids(db, call, null)
      const { choices, errors } = checkBallot(vote, bids, form)
      if (errors.length > 0) return renderVote(reply, found, { form, errors })
      return renderVote(reply, found, { form, confirm: true, choices })
    }
    const result = await inTransaction(db, (tx) => castBallot(tx, actor, { callId: call.id, ballot: form, now: new Date() }))
    if (!result.ok) {
      if (result.reason === 'not-found') throw new NotFoundError()
      return renderVote(reply, found, { form, errors: result.errors, code: result.reason === 'invalid' ? 400 : 409 })
    }
    // The receipt is shown this once: it is not kept anywhere that could lead back to this person.
    reply.header('cache-control', 'no-store')
    const { t } = request
    return reply.render('member-vote/views/receipt.njk', {
      title: t('memberVote.receipt.title'),
      section: 'calls',
      breadcrumbs: breadcrumbs(request, call),
      call: { title: call.title, slug: call.slug },
      receiptCode: result.value.receiptCode,
      closes: request.format.dateTime(vote.closesAt),
    })
  })

  app.get<{ Params: { slug: string } }>('/calls/:slug/results', async (request, reply) => {
    const { call, vote } = await withVote(request, request.params.slug, canSeeResults)
    const result = readStoredResult(vote.result)
    if (!result) throw new NotFoundError()
    const { t, format } = request
    const rows = resultRows(t, await listBallotBids(db, call, vote), vote, result)
    return reply.render('member-vote/views/results.njk', {
      title: t('memberVote.results.title', { call: call.title }),
      section: 'calls',
      breadcrumbs: breadcrumbs(request, call),
      call: { title: call.title, slug: call.slug },
      how: howItDecided(t, vote, result),
      settings: settingsRows(t, format, vote),
      totals: totals(result),
      countedAt: format.dateTime(vote.countedAt),
      rows,
      points: vote.ballotType === 'cumulative',
      chart: potChart(t, rows, result),
    })
  })

  /**
   * The published ballots, and when a receipt code was sent (by POST, never in the address, so that
   * it reaches no browser history or access log) whether a ballot has it and what it chose.
   */
  async function renderBallots(reply: FastifyReply, { call, vote }: { call: VoteCall; vote: VoteRow }, typed: string | null) {
    const { t } = reply.request
    const bids = await listBallotBids(db, call, vote)
    const titles = new Map(bids.map((b) => [b.id, b.title]))
    const ballots = await listBallots(db, vote.id)
    const code = typed ? normaliseReceiptCode(typed) : null
    const found = code ? ballots.find((b) => b.receiptCode === code) : undefined
    const invalid = typed !== null && code === null
    const points = vote.ballotType === 'cumulative'
    const describe = (ballot: (typeof ballots)[number]) =>
      ballot.choices.map((c) => ({ title: titles.get(c.bidId) ?? String(c.bidId), points: points ? c.points : null }))
    const error = invalid ? t(typed === '' ? 'memberVote.ballots.receiptMissing' : 'memberVote.ballots.receiptInvalid') : null
    // A checked code is in this page: no cache keeps it.
    if (typed !== null) reply.header('cache-control', 'no-store')
    return reply.code(invalid ? 400 : 200).render('member-vote/views/ballots.njk', {
      title: t('memberVote.ballots.title', { call: call.title }),
      section: 'calls',
      breadcrumbs: breadcrumbs(reply.request, call),
      call: { title: call.title, slug: call.slug },
      counted: vote.status === 'counted',
      typed: typed ?? '',
      check: code ? { code, found: found ? describe(found) : null } : null,
      fieldErrors: error ? { receipt: { text: error } } : {},
      errorList: error ? [{ text: error, href: '#receipt' }] : [],
      pageError: invalid,
      ballots: ballots.map((b) => ({ receiptCode: b.receiptCode, choices: describe(b), mine: b.receiptCode === code })),
    })
  }

  app.get<{ Params: { slug: string } }>('/calls/:slug/ballots', async (request, reply) =>
    renderBallots(reply, await withVote(request, request.params.slug, canSeeBallots), null),
  )

  // Anyone may check a code; a script trying codes by the thousand may not.
  const receiptLimit = limitBy(app, { name: 'receipt-check', max: 60, timeWindow: '1 hour', key: (r) => r.ip })
  app.post<{ Params: { slug: string } }>('/calls/:slug/ballots', { preHandler: receiptLimit }, async (request, reply) => {
    const found = await withVote(request, request.params.slug, canSeeBallots)
    return renderBallots(reply, found, text(asForm(request.body), 'receipt', 100).trim())
  })

  app.get<{ Params: { slug: string } }>('/calls/:slug/votes.pb', async (request, reply) => {
    const { call, vote } = await withVote(request, request.params.slug, canSeeBallots)
    // Once counted, the bids the count had: the file recounts to the published outcome.
    const counted = readStoredResult(vote.result)
    const leftOut = new Set(counted?.leadsAProject ?? [])
    const onBallot = await listBallotBids(db, call, vote)
    const election = electionOf({
      callTitle: call.title,
      ...voteMethodOf(vote),
      bids: onBallot.filter((b) => !leftOut.has(b.id)).map((b) => ({ id: b.id, title: b.title, costPence: b.costPence })),
      ballots: await listBallots(db, vote.id),
      opensOn: londonDate(vote.opensAt),
      closesOn: londonDate(vote.closesAt),
      leftOut: onBallot.filter((b) => leftOut.has(b.id)).map((b) => ({ id: b.id, title: b.title })),
    })
    return reply
      .header('content-type', 'text/plain; charset=utf-8')
      .header('content-disposition', `attachment; filename="${call.slug}-votes.pb"`)
      .send(toPabulib(election))
  })
}
