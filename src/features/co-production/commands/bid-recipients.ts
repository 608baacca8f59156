import { and, eq } from 'drizzle-orm'
import { bids, users } from '../../../db/schema/index.ts'
import type { Executor } from '../../../db/client.ts'
import { languageOf } from '../../email/messages.ts'
import type { Locale } from '../../../i18n/locales.ts'

export interface Recipient {
  email: string
  name: string
  language: Locale
}

/**
 * Who hears about a bid: the active officers of its lead organisation, or, for a bid by a person,
 * that person. Disabled and invited accounts are left out: they cannot act on what they are told.
 */
export async function bidLeadRecipients(tx: Executor, bidId: number): Promise<Recipient[]> {
  const [bid] = await tx.select({ lead: bids.leadOrganisationId, creator: bids.createdByUserId }).from(bids).where(eq(bids.id, bidId))
  if (!bid) return []
  const who =
    bid.lead !== null
      ? and(eq(users.organisationId, bid.lead), eq(users.role, 'officer'), eq(users.status, 'active'))
      : bid.creator !== null
        ? and(eq(users.id, bid.creator), eq(users.status, 'active'))
        : undefined
  if (!who) return []
  const rows = await tx.select({ email: users.email, name: users.name, language: users.language }).from(users).where(who).orderBy(users.id)
  return rows.map((r) => ({ ...r, language: languageOf(r.language) }))
}
