import { eq } from 'drizzle-orm'
import type { events } from '../../../db/schema/index.ts'
import { eventRegistrations } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { languageOf } from '../../email/messages.ts'
import { newToken } from '../../accounts/secrets.ts'
import { queueEmail } from '../../email/outbox.ts'
import { registrantEmail } from '../emails.ts'
import { settleQueue } from '../rules/places.ts'
import { settleSessionLists } from './session-places.ts'

export interface SettleContext {
  network: string
  site: string
  now: Date
}

/**
 * Applies the waiting list's rules to one event whose row the caller has locked: lapses expired
 * offers and offers free places in order, each with a new single-use link to take the place.
 * Then the event's sessions' own waiting lists likewise. Returns the emails queued.
 */
export async function settleWaitingList(tx: Transaction, event: typeof events.$inferSelect, context: SettleContext): Promise<number[]> {
  const rows = await tx.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, event.id))
  const changes = settleQueue(rows, { capacity: event.capacity, perOrganisationCap: event.perOrganisationCap, offerHours: event.offerHours }, context.now)
  const emailIds: number[] = []
  for (const change of changes) {
    const row = rows.find((r) => r.id === change.id)!
    if (change.to === 'lapsed') {
      await tx
        .update(eventRegistrations)
        .set({ status: 'lapsed', offerExpiresAt: null, manageTokenHash: null, updatedAt: context.now })
        .where(eq(eventRegistrations.id, row.id))
      continue
    }
    const link = newToken()
    await tx
      .update(eventRegistrations)
      .set({
        status: 'offered',
        offerExpiresAt: change.offerExpiresAt!,
        manageTokenHash: link.hash,
        manageTokenExpiresAt: change.offerExpiresAt!,
        updatedAt: context.now,
      })
      .where(eq(eventRegistrations.id, row.id))
    emailIds.push(
      await queueEmail(
        tx,
        registrantEmail(languageOf(row.language), 'offered', {
          to: row.email,
          name: row.name,
          network: context.network,
          event,
          site: context.site,
          manageToken: link.token,
          feedToken: null,
          calendar: null,
          offerExpiresAt: change.offerExpiresAt!,
        }),
      ),
    )
  }
  // A place given up at the event frees its sessions' places too.
  emailIds.push(...(await settleSessionLists(tx, event, context)))
  return emailIds
}
