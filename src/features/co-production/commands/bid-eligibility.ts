import type { Transaction } from '../../../db/unit-of-work.ts'
import type { FieldError } from '../../../lib/result.ts'
import type { Locale } from '../../../i18n/locales.ts'
import { principleWording } from '../../principles/wording.ts'
import { countLedProjectsUnderway } from '../../projects/queries.ts'
import { findBid } from '../bid-queries.ts'
import { bidFormLength } from '../rules/bid-form-length.ts'
import { eligibilityProblems } from '../rules/eligibility.ts'

/**
 * What keeps a bid from meeting its call's rules, read afresh inside the caller's transaction
 * (which holds the bid's lock): the rows as they are now, not as a page loaded them, so a member
 * leaving the working group or a project starting between the page and the write is seen.
 */
export async function eligibilityUnderLock(tx: Transaction, bidId: number, call: { capPence: number }, locale: Locale): Promise<FieldError[]> {
  const bid = await findBid(tx, bidId)
  if (!bid) return []
  return eligibilityProblems(
    {
      settings: bid.call.settings,
      capPence: call.capPence,
      principles: bid.call.principles.map((p) => ({ id: p.id, name: principleWording(p, locale).shortName })),
      formLength: bidFormLength(bid.call.kind),
    },
    { ...bid, ledProjectsUnderway: await countLedProjectsUnderway(tx, bid.leadOrganisationId) },
  )
}
