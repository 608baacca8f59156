import { and, eq } from 'drizzle-orm'
import { bids, users } from '../../../db/schema/index.ts'
import type { Executor } from '../../../db/client.ts'
import { languageOf } from '../../email/messages.ts'
import { officersOf } from '../social-queries.ts'
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
  const rows =
    bid.lead !== null
      ? await officersOf(tx, bid.lead)
      : bid.creator !== null
        ? await tx
            .select({ email: users.email, name: users.name, language: users.language })
            .from(users)
            .where(and(eq(users.id, bid.creator), eq(users.status, 'active')))
        : []
  return rows.map((r) => ({ email: r.email, name: r.name, language: languageOf(r.language) }))
}
