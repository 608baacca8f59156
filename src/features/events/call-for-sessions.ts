// The event's call for sessions as its page shows it: whether the call takes proposals and until
// when, who may propose, and the proposals the public may read with their backing. The rules are
// the co-production feature's own (policy, deadlines, backing): nothing here decides them anew.
import type { Executor } from '../../db/client.ts'
import type { MembershipTier } from '../../db/schema/enums.ts'
import type { Translate } from '../../i18n/catalogue.ts'
import type { Formatter } from '../../i18n/format.ts'
import type { Actor } from '../accounts/actor.ts'
import { canBackBid, canDraftBid, canViewBid, canViewCall } from '../co-production/policy.ts'
import { dayText } from '../co-production/present.ts'
import { findCallById } from '../co-production/queries.ts'
import { backingRefusal } from '../co-production/rules/backing.ts'
import { callPhase, isTakingBids } from '../co-production/rules/deadlines.ts'
import { tierOf } from '../co-production/social-queries.ts'
import { listProposals, type ProposalRow } from './call-for-sessions-queries.ts'

export interface CallFacts {
  slug: string
  status: Parameters<typeof callPhase>[0]['status']
  opensOn: string
  closesOn: string
}

/** One proposal as listed, with what the signed-in officer may do about it. Pure. */
export function presentProposal(proposal: ProposalRow, call: CallFacts, actor: Actor | null, ownTier: MembershipTier | null, now: Date) {
  const callOpen = isTakingBids(call, now)
  const mayBack =
    canBackBid(actor, proposal) &&
    backingRefusal({
      bidStatus: proposal.status,
      callOpen,
      leadOrganisationId: proposal.leadOrganisationId,
      backerOrganisationId: actor!.organisationId!,
      backerTier: ownTier,
      alreadyBacked: proposal.backedByUs,
    }) === null
  return {
    id: proposal.id,
    title: proposal.title,
    lead: proposal.lead ?? '',
    backers: proposal.backers,
    mayBack,
    mayWithdraw: proposal.backedByUs && callOpen && canBackBid(actor, proposal),
  }
}

/** How the call stands today: open until a day, opening on a day, or closed. Pure. */
export function callState(t: Translate, format: Formatter, call: CallFacts, now: Date) {
  const phase = callPhase(call, now)
  const open = isTakingBids(call, now)
  return {
    open,
    text: open
      ? t('events.proposals.openUntil', { day: dayText(format, call.closesOn) })
      : phase === 'upcoming'
        ? t('events.proposals.opensOn', { day: dayText(format, call.opensOn) })
        : t('events.proposals.closed', { day: dayText(format, call.closesOn) }),
  }
}

/**
 * The section, or null when the event has no call or the public may not see it (a draft call).
 * The proposals listed are those anyone may read: the same for every reader, but for the forms.
 */
export async function callForSessionsSection(db: Executor, callId: number | null, actor: Actor | null, t: Translate, format: Formatter, now: Date) {
  if (callId === null) return null
  const call = await findCallById(db, callId)
  if (!call || !canViewCall(null, call)) return null
  const own = await tierOf(db, actor?.organisationId ?? null)
  const proposals = (await listProposals(db, call.id, actor?.organisationId ?? null)).filter((p) => canViewBid(null, p))
  const state = callState(t, format, call, now)
  return {
    slug: call.slug,
    title: call.title,
    ...state,
    signedIn: actor !== null,
    mayPropose: state.open && canDraftBid(actor),
    proposals: proposals.map((p) => presentProposal(p, call, actor, own?.tier ?? null, now)),
  }
}
