import { eq } from 'drizzle-orm'
import { membershipReminders, purchaseOrderRequests } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { newToken } from '../../accounts/secrets.ts'
import { queueEmail } from '../../email/outbox.ts'
import { reminderEmail, renewalNoticeEmail } from '../emails.ts'
import { asksForPoNumber } from '../facts.ts'
import { quoteFee } from '../fee-quote.ts'
import type { RunContext } from '../run-context.ts'
import type { RunMembership } from '../run-queries.ts'
import type { Reminder } from '../rules/reminders.ts'
import { dateInYear, yearBounds, yearLabel } from '../rules/subscription-year.ts'

/** How long a purchase-order link works: until the year it is for has run two months. */
const poLinkMonthsAfterStart = 2

export type ReminderOutcome = 'sent' | 'already-sent' | 'no-contact'

/**
 * Sends one reminder the rules call for, once: its key is stored under a unique constraint first,
 * and only the run that stored it queues the email. A renewal notice to a Full council also opens
 * its purchase-order link for the year.
 */
export async function sendReminder(
  tx: Transaction,
  m: RunMembership,
  reminder: Reminder,
  context: RunContext,
): Promise<{ outcome: ReminderOutcome; emailId: number | null }> {
  if (!m.contactEmail) return { outcome: 'no-contact', emailId: null }
  const [stored] = await tx
    .insert(membershipReminders)
    .values({
      dedupeKey: reminder.dedupeKey,
      kind: reminder.kind,
      membershipId: m.id,
      invoiceId: typeof reminder.invoiceId === 'number' ? reminder.invoiceId : null,
      onDate: context.today,
    })
    .onConflictDoNothing({ target: membershipReminders.dedupeKey })
    .returning({ id: membershipReminders.id })
  if (!stored) return { outcome: 'already-sent', emailId: null }

  const name = m.contactName ?? m.organisationName
  const year = yearLabel(reminder.year)
  let poLink: string | null = null
  if (asksForPoNumber(m) && (reminder.kind === 'renewal-notice' || reminder.kind === 'po-number-missing'))
    poLink = await openPoLink(tx, m.id, reminder.year, context)

  let email
  if (reminder.kind === 'renewal-notice') {
    const quote = await quoteFee(tx, { tier: m.tier, year: reminder.year, council: m.authorityCode })
    const start = context.settings.yearStarts
    email = renewalNoticeEmail(m.language, {
      name,
      organisation: m.organisationName,
      network: context.network,
      year,
      amountPence: quote.ok ? quote.value.amount : null,
      poLink,
      poDeadline: dateInYear(reminder.year - 1, 8, 1, start),
    })
  } else {
    const invoice = m.invoices.find((i) => i.id === reminder.invoiceId)
    email = reminderEmail(m.language, reminder.kind, {
      name,
      organisation: m.organisationName,
      network: context.network,
      year,
      invoice: invoice?.number ?? null,
      amountPence: invoice?.totalPence ?? null,
      poLink,
    })
  }
  const emailId = await queueEmail(tx, { to: m.contactEmail, ...email })
  await tx.update(membershipReminders).set({ emailId }).where(eq(membershipReminders.id, stored.id))
  return { outcome: 'sent', emailId }
}

/**
 * The membership's purchase-order link for a year: a new token each time it is sent (only its
 * hash is kept), on the one request row of that membership and year.
 */
async function openPoLink(tx: Transaction, membershipId: number, year: number, context: RunContext): Promise<string | null> {
  const { token, hash } = newToken()
  const starts = yearBounds(year, context.settings.yearStarts).starts
  const expires = new Date(`${starts}T23:59:59Z`)
  expires.setUTCMonth(expires.getUTCMonth() + poLinkMonthsAfterStart)
  const [row] = await tx
    .insert(purchaseOrderRequests)
    .values({ membershipId, year, tokenHash: hash, expiresAt: expires })
    .onConflictDoUpdate({ target: [purchaseOrderRequests.membershipId, purchaseOrderRequests.year], set: { tokenHash: hash, expiresAt: expires } })
    .returning({ answeredAt: purchaseOrderRequests.answeredAt })
  // Already answered: the reminder needs no link (the PO-missing reminder is not due then anyway).
  if (row?.answeredAt) return null
  return `${context.baseUrl}/purchase-orders/${token}`
}
