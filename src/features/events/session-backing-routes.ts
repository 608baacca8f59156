import type { FastifyInstance, FastifyRequest } from 'fastify'
import { inTransaction } from '../../db/unit-of-work.ts'
import { NotFoundError } from '../../errors.ts'
import type { FieldError } from '../../lib/result.ts'
import { isSlug } from '../../lib/slug.ts'
import { parseId } from '../../web/address-numbers.ts'
import { siteUrl } from '../../web/base-url.ts'
import { limitBy } from '../../web/rate-limit.ts'
import { authorize, requireUser } from '../accounts/guard.ts'
import { findBid } from '../co-production/bid-queries.ts'
import { backBid } from '../co-production/commands/back-bid.ts'
import { withdrawBacking } from '../co-production/commands/withdraw-backing.ts'
import { canBackBid, canViewBid } from '../co-production/policy.ts'
import { renderEventPage } from './event-page.ts'
import { findEvent } from './queries.ts'

type Params = { slug: string; bidId: string }

/**
 * Backing a proposed session from the event's page: the co-production feature's own commands, so a
 * backing here is the same backing as on the bid's page; only the way back differs.
 */
export async function sessionBackingRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.deps
  // The same limit as backing from the bid's page (one count under one name): it is the same act.
  const backingLimit = limitBy(app, { name: 'bid-backing', max: 30, timeWindow: '1 hour', key: (r) => (r.user ? `user:${r.user.id}` : `ip:${r.ip}`) })

  /** The published event and a proposal to its own call that the public may read; anything else is not found. */
  async function proposalOf(request: FastifyRequest<{ Params: Params }>) {
    const actor = requireUser(request)
    if (!isSlug(request.params.slug)) throw new NotFoundError()
    const event = await findEvent(db, { slug: request.params.slug })
    if (!event || event.status === 'draft' || event.callId === null) throw new NotFoundError()
    const bid = await findBid(db, parseId(request.params.bidId))
    if (!bid || bid.callId !== event.callId || !canViewBid(null, bid)) throw new NotFoundError()
    authorize(canBackBid(actor, bid))
    return { actor, event, bid }
  }

  /** A refusal is told on the event's page, linked to the proposal's own form. */
  const onProposal =
    (bidId: number) =>
    (e: FieldError): FieldError => ({ ...e, field: `proposal-${bidId}` })

  app.post<{ Params: Params }>('/events/:slug/proposals/:bidId/backing', { preHandler: backingLimit }, async (request, reply) => {
    const { actor, event, bid } = await proposalOf(request)
    const result = await inTransaction(db, (tx) =>
      backBid(tx, actor, { bidId: bid.id, join: false, now: new Date(), baseUrl: siteUrl(config, request), network: config.networkName }),
    )
    if (!result.ok && result.reason === 'not-found') throw new NotFoundError()
    if (!result.ok) return renderEventPage(db, reply, event, result.errors.map(onProposal(bid.id)))
    await app.mailer.deliver(result.value.emailIds)
    return reply.redirect(`/events/${event.slug}?backed=1`, 303)
  })

  app.post<{ Params: Params }>('/events/:slug/proposals/:bidId/backing/withdraw', { preHandler: backingLimit }, async (request, reply) => {
    const { actor, event, bid } = await proposalOf(request)
    const result = await inTransaction(db, (tx) => withdrawBacking(tx, actor, { bidId: bid.id, now: new Date() }))
    if (!result.ok && result.reason === 'not-found') throw new NotFoundError()
    if (!result.ok) return renderEventPage(db, reply, event, result.errors.map(onProposal(bid.id)))
    return reply.redirect(`/events/${event.slug}?unbacked=1`, 303)
  })
}
