// The bid's page: the bid, and around it what members do with it (back it, ask to join, comment)
// and what its lead and the network answer (join requests, withdrawal, moderation). Rendered by the
// bid routes and, with a form's errors, by the social routes.
import type { FastifyReply } from 'fastify'
import type { Database } from '../../db/client.ts'
import type { FieldError } from '../../lib/result.ts'
import { presentErrors } from '../../web/forms.ts'
import { presentBid } from './bid-present.ts'
import type { BidRow } from './bid-queries.ts'
import { canAnswerInvitation, canBackBid, canComment, canModerateComments, canWithdrawBid, ownsBid, canEditBid } from './policy.ts'
import { backingRefusal } from './rules/backing.ts'
import { bidFormLength } from './rules/bid-form-length.ts'
import { threadsOf } from './rules/comments.ts'
import { isBidEditable, isTakingBids } from './rules/deadlines.ts'
import { listBackers, listComments, tierOf, type CommentRow } from './social-queries.ts'

export interface BidPageValues {
  /** A new thread's text. */
  body?: string
  /** A reply's text, by the id of the comment it answers. */
  replies?: Record<number, string>
  join?: boolean
}

export async function renderBidPage(db: Database, reply: FastifyReply, bid: BidRow, errors: FieldError[] = [], values: BidPageValues = {}) {
  const { t, locale, format } = reply.request
  const actor = reply.request.user ?? null
  const now = new Date()
  const query = reply.request.query as Record<string, unknown>
  const editable = isBidEditable(bid.call, bid, now)
  const [backers, comments, own] = await Promise.all([listBackers(db, bid.id), listComments(db, bid.id), tierOf(db, actor?.organisationId ?? null)])
  const ownOrganisationId = actor?.organisationId ?? null
  const backedByUs = ownOrganisationId !== null && backers.some((b) => b.organisationId === ownOrganisationId)
  const mayBack =
    canBackBid(actor, bid) &&
    backingRefusal({
      bidStatus: bid.status,
      callOpen: isTakingBids(bid.call, now),
      leadOrganisationId: bid.leadOrganisationId,
      backerOrganisationId: ownOrganisationId!,
      backerTier: own?.tier ?? null,
      alreadyBacked: backedByUs,
    }) === null
  const pending = bid.participants.filter((p) => p.acceptedAt === null && p.role === 'member')
  const ours = pending.find((p) => canAnswerInvitation(actor, p))
  const owner = ownsBid(actor, bid)
  const moderator = canModerateComments(actor)
  const mayComment = canComment(actor, bid, own?.tier ?? null)
  const showComment = (c: CommentRow) => ({
    id: c.id,
    author: c.authorLabel,
    organisation: c.organisation,
    when: format.dateTime(c.createdAt),
    // A hidden comment's text is served to administrators only, and to them folded away.
    body: c.hiddenAt === null || moderator ? c.body : null,
    hidden: c.hiddenAt === null ? null : { reason: c.hiddenReason ?? '' },
  })
  const banners: Record<string, string> = {
    submitted: 'bids.show.submitted',
    backed: 'bidSocial.backing.done',
    unbacked: 'bidSocial.backing.withdrawn',
    commented: 'bidSocial.comments.done',
    hidden: 'bidSocial.moderation.done',
    withdrawn: 'bidSocial.withdraw.done',
    answered: 'bidSocial.requests.answered',
  }
  const bannerKey = Object.keys(banners).find((k) => query?.[k] === '1')
  return reply.code(errors.length ? 400 : 200).render('co-production/views/bids/show.njk', {
    title: bid.title,
    section: 'calls',
    breadcrumbs: [
      { text: t('calls.index.title'), href: '/calls' },
      { text: bid.call.title, href: `/calls/${bid.call.slug}` },
    ],
    pageError: errors.length > 0,
    banner: bannerKey && errors.length === 0 ? t(banners[bannerKey]!) : null,
    bid: presentBid(t, format, locale, bid),
    short: bidFormLength(bid.call.kind) === 'short',
    canEdit: canEditBid(actor, bid) && editable,
    canWithdraw: canWithdrawBid(actor, bid) && editable,
    invitation: ours && !ours.requested && editable ? { id: ours.id } : null,
    ownRequest: ours && ours.requested ? { id: ours.id, editable } : null,
    joinRequests: owner && editable ? pending.filter((p) => p.requested).map((p) => ({ id: p.id, name: p.organisationName ?? '' })) : [],
    backing: {
      count: backers.length,
      names: backers.map((b) => b.name ?? ''),
      mayBack,
      // Asking to join makes sense only for a member not already in (or invited to) the group.
      mayAskToJoin: mayBack && !bid.participantOrganisationIds.includes(ownOrganisationId!),
      backedByUs: backedByUs && bid.status === 'submitted' && isTakingBids(bid.call, now) && canBackBid(actor, bid),
      organisation: own?.name ?? '',
      join: values.join ?? false,
    },
    comments: {
      shown: bid.status === 'submitted' || comments.length > 0,
      threads: threadsOf(comments).map((c) => ({ ...showComment(c), replies: c.replies.map(showComment) })),
      mayComment,
      moderator,
      body: values.body ?? '',
      replies: values.replies ?? {},
    },
    signedIn: actor !== null,
    contentLang: locale === 'en' ? null : 'en',
    ...presentErrors(errors, t),
  })
}
