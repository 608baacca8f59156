import type { FastifyInstance, FastifyReply } from 'fastify'
import { inTransaction } from '../../db/unit-of-work.ts'
import { NotFoundError } from '../../errors.ts'
import { isSlug } from '../../lib/slug.ts'
import { parseId, positiveInt } from '../../web/address-numbers.ts'
import { asForm, presentErrors, text, type FieldError } from '../../web/forms.ts'
import { auditActor } from '../accounts/actor.ts'
import { authorize, requireUser } from '../accounts/guard.ts'
import { bidFormOf, filledRows, readBidForm, withAnotherRow, type BidFormValues } from './bid-form-io.ts'
import { siteUrl } from '../../web/base-url.ts'
import { renderBidPage } from './bid-page.ts'
import { presentBid, presentEligibility } from './bid-present.ts'
import { findBid, listMemberChoices, type BidRow } from './bid-queries.ts'
import { answerInvitation } from './commands/answer-invitation.ts'
import { createBid } from './commands/create-bid.ts'
import { inviteToBid } from './commands/invite-to-bid.ts'
import { saveBid } from './commands/save-bid.ts'
import { submitBid } from './commands/submit-bid.ts'
import { canAnswerPlace, canDraftBid, canEditBid, canViewBid, canViewCall } from './policy.ts'
import { findCallBySlug } from './queries.ts'
import { bidSocialRoutes } from './social-routes.ts'
import { bidFormLength } from './rules/bid-form-length.ts'
import { isBidEditable, submissionRefusal } from './rules/deadlines.ts'

/** Officers' bids: start one, write it (saved as drafts), submit it before the deadline, read it. */
export async function bidRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db
  await app.register(bidSocialRoutes)

  async function openCall(slug: string, request: Parameters<typeof requireUser>[0]) {
    if (!isSlug(slug)) throw new NotFoundError()
    const call = await findCallBySlug(db, slug)
    if (!call || !canViewCall(request.user ?? null, call)) throw new NotFoundError()
    return call
  }

  async function ownBid(request: Parameters<typeof requireUser>[0], rawId: string): Promise<BidRow> {
    const actor = requireUser(request)
    const bid = await findBid(db, parseId(rawId))
    if (!bid || !canViewBid(actor, bid)) throw new NotFoundError()
    authorize(canEditBid(actor, bid))
    return bid
  }

  function renderNew(reply: FastifyReply, call: NonNullable<Awaited<ReturnType<typeof findCallBySlug>>>, title: string, errors: FieldError[] = []) {
    const { t } = reply.request
    const refusal = submissionRefusal(call, new Date())
    return reply.code(errors.length ? 400 : 200).render('co-production/views/bids/new.njk', {
      title: t('bids.new.title'),
      section: 'calls',
      breadcrumbs: [
        { text: t('calls.index.title'), href: '/calls' },
        { text: call.title, href: `/calls/${call.slug}` },
      ],
      pageError: errors.length > 0,
      callTitle: call.title,
      closed: refusal ? t(refusal) : null,
      action: `/calls/${call.slug}/bids/new`,
      values: { title },
      ...presentErrors(errors, t),
    })
  }

  app.get<{ Params: { slug: string } }>('/calls/:slug/bids/new', async (request, reply) => {
    authorize(canDraftBid(requireUser(request)))
    return renderNew(reply, await openCall(request.params.slug, request), '')
  })

  app.post<{ Params: { slug: string } }>('/calls/:slug/bids/new', async (request, reply) => {
    const actor = requireUser(request)
    authorize(canDraftBid(actor))
    const call = await openCall(request.params.slug, request)
    const title = text(asForm(request.body), 'title', 1000)
    const result = await inTransaction(db, (tx) => createBid(tx, actor, { call, title, now: new Date() }))
    if (!result.ok) return renderNew(reply, call, title, result.errors)
    return reply.redirect(`/bids/${result.value.id}/edit`, 303)
  })

  async function renderEdit(
    reply: FastifyReply,
    bid: BidRow,
    values: BidFormValues,
    errors: FieldError[] = [],
    options: { conflict?: boolean; group?: { role: string; member: string; partner: string } } = {},
  ) {
    const { t, locale, format } = reply.request
    const now = new Date()
    const query = reply.request.query as Record<string, unknown>
    const shown = presentBid(t, format, locale, bid)
    const refusal = submissionRefusal(bid.call, now)
    return reply.code(errors.length ? 400 : 200).render('co-production/views/bids/edit.njk', {
      title: t('bids.edit.title', { title: bid.title }),
      section: 'calls',
      breadcrumbs: [
        { text: t('calls.index.title'), href: '/calls' },
        { text: bid.call.title, href: `/calls/${bid.call.slug}` },
      ],
      pageError: errors.length > 0,
      banner: query?.saved === '1' && errors.length === 0 ? t('bids.edit.saved') : null,
      bid: shown,
      editable: isBidEditable(bid.call, bid, now),
      short: bidFormLength(bid.call.kind) === 'short',
      closedMessage: refusal ? t(refusal) : null,
      eligibility: presentEligibility(t, locale, bid),
      themes: bid.call.settings.themes.map((theme) => ({ value: theme, text: theme, checked: values.theme === theme })),
      principles: bid.call.principles.map((p) => ({ ...shown.principleNames[p.id]!, id: p.id })),
      values,
      conflict: options.conflict ?? false,
      group: {
        values: options.group ?? { role: '', member: '', partner: '' },
        members: [
          { value: '', text: t('bids.group.choose') },
          ...(await listMemberChoices(db, bid.leadOrganisationId)).map((o) => ({
            value: String(o.id),
            text: o.name,
            selected: options.group?.member === String(o.id),
          })),
        ],
      },
      ...presentErrors(errors, t),
    })
  }

  app.get<{ Params: { id: string } }>('/bids/:id/edit', async (request, reply) => {
    const bid = await ownBid(request, request.params.id)
    const query = request.query as Record<string, unknown>
    const extra = { milestones: positiveInt(query?.milestones) ?? undefined, lines: positiveInt(query?.lines) ?? undefined }
    return renderEdit(reply, bid, bidFormOf(bid, extra))
  })

  app.post<{ Params: { id: string } }>('/bids/:id/edit', async (request, reply) => {
    const actor = requireUser(request)
    const bid = await ownBid(request, request.params.id)
    const principleIds = bid.call.principles.map((p) => p.id)
    const values = readBidForm(request.body, principleIds)
    const result = await inTransaction(db, (tx) =>
      saveBid(tx, auditActor(actor), {
        id: bid.id,
        revision: values.revision,
        form: values,
        call: { principleIds, themes: bid.call.settings.themes },
        now: new Date(),
        locale: request.locale,
      }),
    )
    const adding = values.action === 'add-milestone' ? 'milestones' : values.action === 'add-line' ? 'lines' : null
    if (result.ok) {
      if (!adding) return reply.redirect(`/bids/${bid.id}/edit?saved=1`, 303)
      // The saved rows and one blank row of the kind asked for; the other kind as it was shown.
      const counts = {
        milestones: adding === 'milestones' ? filledRows(values, 'milestones') + 1 : values.milestones.length,
        lines: adding === 'lines' ? filledRows(values, 'lines') + 1 : values.lines.length,
      }
      const anchor = adding === 'milestones' ? `milestoneTitle-${counts.milestones - 1}` : `lineDescription-${counts.lines - 1}`
      return reply.redirect(`/bids/${bid.id}/edit?milestones=${counts.milestones}&lines=${counts.lines}#${anchor}`, 303)
    }
    const current = (await findBid(db, bid.id)) ?? bid
    const shown = adding ? withAnotherRow(values, adding) : values
    // After a conflict the form carries the newer revision: saving again keeps what this person typed.
    return renderEdit(reply, current, { ...shown, revision: result.reason === 'conflict' ? String(current.revision) : values.revision }, result.errors, {
      conflict: result.reason === 'conflict',
    })
  })

  app.post<{ Params: { id: string } }>('/bids/:id/submit', async (request, reply) => {
    const actor = requireUser(request)
    const bid = await ownBid(request, request.params.id)
    const revision = text(asForm(request.body), 'revision', 20)
    const result = await inTransaction(db, (tx) => submitBid(tx, auditActor(actor), { bid, revision, now: new Date(), locale: request.locale }))
    if (result.ok) return reply.redirect(`/bids/${bid.id}?submitted=1`, 303)
    const current = (await findBid(db, bid.id)) ?? bid
    return renderEdit(reply, current, bidFormOf(current), result.errors, { conflict: result.reason === 'conflict' })
  })

  app.get<{ Params: { id: string } }>('/bids/:id', async (request, reply) => {
    const bid = await findBid(db, parseId(request.params.id))
    if (!bid || !canViewBid(request.user ?? null, bid)) throw new NotFoundError()
    return renderBidPage(db, reply, bid)
  })

  app.post<{ Params: { id: string } }>('/bids/:id/working-group', async (request, reply) => {
    const actor = requireUser(request)
    const bid = await ownBid(request, request.params.id)
    const form = asForm(request.body)
    const group = { role: text(form, 'role', 20), member: text(form, 'member', 20), partner: text(form, 'partner', 1000) }
    const invitation =
      group.role === 'partner' ? { role: 'partner' as const, name: group.partner } : { role: 'member' as const, organisationId: positiveInt(group.member) }
    const { config } = app.deps
    const result = await inTransaction(db, (tx) =>
      inviteToBid(tx, auditActor(actor), { bidId: bid.id, invitation, now: new Date(), baseUrl: siteUrl(config, request), network: config.networkName }),
    )
    if (result.ok) {
      await app.mailer.deliver(result.value.emailIds)
      return reply.redirect(`/bids/${bid.id}/edit#workingGroup`, 303)
    }
    const current = (await findBid(db, bid.id)) ?? bid
    return renderEdit(reply, current, bidFormOf(current), result.errors, { group })
  })

  for (const answer of ['accept', 'remove'] as const) {
    app.post<{ Params: { id: string; participantId: string } }>(`/bids/:id/working-group/:participantId/${answer}`, async (request, reply) => {
      const actor = requireUser(request)
      const bid = await findBid(db, parseId(request.params.id))
      if (!bid || !canViewBid(actor, bid)) throw new NotFoundError()
      const participant = bid.participants.find((p) => p.id === positiveInt(request.params.participantId))
      if (!participant) throw new NotFoundError()
      // An invitation is the member's to accept, a request to join the lead's; either side may say no.
      const owner = canEditBid(actor, bid)
      authorize(canAnswerPlace(actor, bid, participant, answer))
      const result = await inTransaction(db, (tx) =>
        answerInvitation(tx, auditActor(actor), { bidId: bid.id, participantId: participant.id, answer, now: new Date(), locale: request.locale }),
      )
      if (!result.ok && result.reason === 'not-found') throw new NotFoundError()
      // The lead answers requests on the bid's page, and manages the group on the edit page.
      const fromPage = text(asForm(request.body), 'from', 10) === 'page'
      if (!result.ok) return owner && !fromPage ? renderEdit(reply, bid, bidFormOf(bid), result.errors) : renderBidPage(db, reply, bid, result.errors)
      if (owner) return reply.redirect(fromPage ? `/bids/${bid.id}?answered=1#workingGroup` : `/bids/${bid.id}/edit#workingGroup`, 303)
      return reply.redirect(answer === 'accept' ? `/bids/${bid.id}` : participant.requested ? `/bids/${bid.id}#workingGroup` : '/dashboard', 303)
    })
  }
}
