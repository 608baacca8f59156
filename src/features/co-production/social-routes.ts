import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { inTransaction } from '../../db/unit-of-work.ts'
import { NotFoundError } from '../../errors.ts'
import type { FieldError } from '../../lib/result.ts'
import { siteUrl } from '../../web/base-url.ts'
import { parseId, positiveInt } from '../../web/address-numbers.ts'
import { asForm, presentErrors, text } from '../../web/forms.ts'
import { limitBy } from '../../web/rate-limit.ts'
import { auditActor } from '../accounts/actor.ts'
import { authorize, requireUser } from '../accounts/guard.ts'
import { renderBidPage } from './bid-page.ts'
import { findBid, type BidRow } from './bid-queries.ts'
import { addComment } from './commands/add-comment.ts'
import { backBid } from './commands/back-bid.ts'
import { hideComment } from './commands/hide-comment.ts'
import { withdrawBacking } from './commands/withdraw-backing.ts'
import { withdrawBid } from './commands/withdraw-bid.ts'
import { canBackBid, canComment, canModerateComments, canViewBid, canWithdrawBid } from './policy.ts'
import { maxCommentLength, maxHideReasonLength } from './rules/comments.ts'
import { isBidEditable } from './rules/deadlines.ts'
import { listComments, tierOf } from './social-queries.ts'

/** What members do with a submitted bid (back it, comment), the network's moderation, and the lead's withdrawal. */
export async function bidSocialRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.deps
  // Each of these writes emails the lead's officers: a person backing and commenting by hand never
  // comes near these numbers; a script would.
  const perAccount = (name: string, max: number) => limitBy(app, { name, max, timeWindow: '1 hour', key: (r) => (r.user ? `user:${r.user.id}` : `ip:${r.ip}`) })
  const commentLimit = perAccount('bid-comment', 30)
  const backingLimit = perAccount('bid-backing', 30)

  async function visibleBid(request: FastifyRequest<{ Params: { id: string } }>): Promise<BidRow> {
    const bid = await findBid(db, parseId(request.params.id))
    if (!bid || !canViewBid(request.user ?? null, bid)) throw new NotFoundError()
    return bid
  }

  const redirectTo = (reply: FastifyReply, bidId: number, banner: string, anchor = '') => reply.redirect(`/bids/${bidId}?${banner}=1${anchor}`, 303)

  app.post<{ Params: { id: string } }>('/bids/:id/backing', { preHandler: backingLimit }, async (request, reply) => {
    const actor = requireUser(request)
    const bid = await visibleBid(request)
    authorize(canBackBid(actor, bid))
    const join = text(asForm(request.body), 'join', 10) === 'yes'
    const result = await inTransaction(db, (tx) =>
      backBid(tx, actor, { bidId: bid.id, join, now: new Date(), baseUrl: siteUrl(config, request), network: config.networkName }),
    )
    if (!result.ok && result.reason === 'not-found') throw new NotFoundError()
    if (!result.ok) return renderBidPage(db, reply, bid, result.errors.map(linkTo('backing')), { join })
    await app.mailer.deliver(result.value.emailIds)
    return redirectTo(reply, bid.id, 'backed', '#backing')
  })

  app.post<{ Params: { id: string } }>('/bids/:id/backing/withdraw', { preHandler: backingLimit }, async (request, reply) => {
    const actor = requireUser(request)
    const bid = await visibleBid(request)
    authorize(canBackBid(actor, bid))
    const result = await inTransaction(db, (tx) => withdrawBacking(tx, actor, { bidId: bid.id, now: new Date() }))
    if (!result.ok && result.reason === 'not-found') throw new NotFoundError()
    if (!result.ok) return renderBidPage(db, reply, bid, result.errors.map(linkTo('backing')))
    return redirectTo(reply, bid.id, 'unbacked', '#backing')
  })

  app.post<{ Params: { id: string } }>('/bids/:id/comments', { preHandler: commentLimit }, async (request, reply) => {
    const actor = requireUser(request)
    const bid = await visibleBid(request)
    const own = await tierOf(db, actor.organisationId)
    authorize(canComment(actor, bid, own?.tier ?? null))
    const form = asForm(request.body)
    // Read a little past the limit, so a comment too long is told so rather than cut short.
    const body = text(form, 'body', maxCommentLength * 2)
    const rawParent = text(form, 'parent', 20)
    const parentId = rawParent === '' ? null : positiveInt(rawParent)
    if (rawParent !== '' && parentId === null) throw new NotFoundError()
    const result = await inTransaction(db, (tx) =>
      addComment(tx, actor, { bidId: bid.id, parentId, body, now: new Date(), baseUrl: siteUrl(config, request), network: config.networkName }),
    )
    if (!result.ok && result.reason === 'not-found') throw new NotFoundError()
    if (!result.ok) {
      // A reply's errors belong to its own box under the comment it answers.
      const field = parentId === null ? 'body' : `reply-${parentId}`
      const errors = result.errors.map((e) => ({ ...e, field: e.field === 'body' ? field : e.field === '' ? 'comments' : e.field }))
      return renderBidPage(db, reply, bid, errors, parentId === null ? { body } : { replies: { [parentId]: body } })
    }
    await app.mailer.deliver(result.value.emailIds)
    return redirectTo(reply, bid.id, 'commented', `#comment-${result.value.id}`)
  })

  async function moderatedComment(request: FastifyRequest<{ Params: { id: string; commentId: string } }>) {
    const actor = requireUser(request)
    authorize(canModerateComments(actor))
    const bid = await visibleBid(request)
    const comment = (await listComments(db, bid.id)).find((c) => c.id === positiveInt(request.params.commentId))
    if (!comment) throw new NotFoundError()
    return { actor, bid, comment }
  }

  function renderHide(
    reply: FastifyReply,
    bid: BidRow,
    comment: Awaited<ReturnType<typeof moderatedComment>>['comment'],
    reason: string,
    errors: FieldError[] = [],
  ) {
    const { t, format } = reply.request
    return reply.code(errors.length ? 400 : 200).render('co-production/views/bids/hide-comment.njk', {
      title: t('bidSocial.moderation.title'),
      section: 'calls',
      breadcrumbs: [
        { text: t('calls.index.title'), href: '/calls' },
        { text: bid.title, href: `/bids/${bid.id}` },
      ],
      pageError: errors.length > 0,
      bidId: bid.id,
      comment: {
        id: comment.id,
        author: comment.authorLabel,
        organisation: comment.organisation,
        when: format.dateTime(comment.createdAt),
        body: comment.body,
      },
      alreadyHidden: comment.hiddenAt !== null,
      reason,
      maxReason: maxHideReasonLength,
      contentLang: reply.request.locale === 'en' ? null : 'en',
      ...presentErrors(errors, t),
    })
  }

  app.get<{ Params: { id: string; commentId: string } }>('/bids/:id/comments/:commentId/hide', async (request, reply) => {
    const { bid, comment } = await moderatedComment(request)
    return renderHide(reply, bid, comment, '')
  })

  app.post<{ Params: { id: string; commentId: string } }>('/bids/:id/comments/:commentId/hide', async (request, reply) => {
    const { actor, bid, comment } = await moderatedComment(request)
    const reason = text(asForm(request.body), 'reason', maxHideReasonLength * 2)
    const result = await inTransaction(db, (tx) => hideComment(tx, auditActor(actor), { bidId: bid.id, commentId: comment.id, reason, now: new Date() }))
    if (!result.ok && result.reason === 'not-found') throw new NotFoundError()
    if (!result.ok) return renderHide(reply, bid, comment, reason, result.errors)
    return redirectTo(reply, bid.id, 'hidden', `#comment-${comment.id}`)
  })

  async function withdrawableBid(request: FastifyRequest<{ Params: { id: string } }>) {
    const actor = requireUser(request)
    const bid = await visibleBid(request)
    authorize(canWithdrawBid(actor, bid))
    return { actor, bid }
  }

  function renderWithdraw(reply: FastifyReply, bid: BidRow, errors: FieldError[] = []) {
    const { t } = reply.request
    return reply.code(errors.length ? 400 : 200).render('co-production/views/bids/withdraw.njk', {
      title: t('bidSocial.withdraw.title'),
      section: 'calls',
      breadcrumbs: [
        { text: t('calls.index.title'), href: '/calls' },
        { text: bid.call.title, href: `/calls/${bid.call.slug}` },
      ],
      pageError: errors.length > 0,
      bid: { id: bid.id, title: bid.title, submitted: bid.status === 'submitted' },
      editable: isBidEditable(bid.call, bid, new Date()),
      contentLang: reply.request.locale === 'en' ? null : 'en',
      ...presentErrors(errors, t),
    })
  }

  app.get<{ Params: { id: string } }>('/bids/:id/withdraw', async (request, reply) => {
    const { bid } = await withdrawableBid(request)
    return renderWithdraw(reply, bid)
  })

  app.post<{ Params: { id: string } }>('/bids/:id/withdraw', async (request, reply) => {
    const { actor, bid } = await withdrawableBid(request)
    const result = await inTransaction(db, (tx) => withdrawBid(tx, auditActor(actor), { bidId: bid.id, now: new Date() }))
    if (!result.ok && result.reason === 'not-found') throw new NotFoundError()
    if (!result.ok) return renderWithdraw(reply, (await findBid(db, bid.id)) ?? bid, result.errors)
    return redirectTo(reply, bid.id, 'withdrawn')
  })
}

/** A refusal about the whole form links to the form it came from. */
const linkTo =
  (field: string) =>
  (e: FieldError): FieldError =>
    e.field === '' ? { ...e, field } : e
