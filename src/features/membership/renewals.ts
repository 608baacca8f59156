// The renewal run and the daily job: the same steps, each membership in its own transaction so
// that one member's problem (no figures to price it) never holds up the others, and each step
// safe to repeat (stored keys and unique indexes), so a second run, or a second instance running
// at the same moment, does nothing twice.
import type { Database } from '../../db/client.ts'
import { inTransaction } from '../../db/unit-of-work.ts'
import { ok } from '../../lib/result.ts'
import { recordStatus } from './commands/record-status.ts'
import { issueRenewalInvoice, type RenewalOutcome } from './commands/issue-renewal-invoice.ts'
import { sendReminder, type ReminderOutcome } from './commands/send-reminder.ts'
import { invoiceFacts, membershipFacts, reminderState } from './facts.ts'
import { ruleSettings, type RunContext } from './run-context.ts'
import { membershipsForRun, type RunMembership } from './run-queries.ts'
import { dueReminders, type Reminder } from './rules/reminders.ts'
import { isPaid, liveInvoices, membershipStatus, transition } from './rules/status.ts'
import { subscriptionYearOf, yearBounds } from './rules/subscription-year.ts'

export interface RenewalLine {
  organisation: string
  tier: string
  year: number
  step: 'notice' | 'invoice'
  /** notice: sent, already-sent, no-contact, would-send; invoice: issued, already-invoiced, cannot-price, would-issue. */
  status: string
  amountPence: number | null
  poNumber: string | null
  invoice: string | null
  problem: { message: string; values?: Record<string, string | number> } | null
}

/** Members who renew for `year`: in good standing or behind with this year, having paid the year before. */
function renewsFor(m: RunMembership, year: number, context: RunContext): boolean {
  const settings = ruleSettings(context.settings)
  const invoices = invoiceFacts(m, m.invoices, context.settings.yearStarts)
  const status = membershipStatus(membershipFacts(m), invoices, context.today, settings).status
  if (!['current', 'renewal-due', 'overdue'].includes(status)) return false
  return liveInvoices(invoices, context.today).some((i) => i.year === year - 1 && isPaid(i, context.today))
}

/**
 * `coophub membership renew --year Y`: before the year starts, renewal notices (and PO links for
 * Full councils); from its first day, the invoices. `dryRun` says what would happen and stores nothing.
 */
export async function runRenewals(
  db: Database,
  year: number,
  context: RunContext,
  options: { dryRun: boolean; progress?: (done: number, total: number) => void },
) {
  const starts = yearBounds(year, context.settings.yearStarts).starts
  const step: 'notice' | 'invoice' = context.today < starts ? 'notice' : 'invoice'
  const members = (await membershipsForRun(db)).filter((m) => renewsFor(m, year, context))
  const lines: RenewalLine[] = []
  const emailIds: number[] = []
  let done = 0
  for (const m of members) {
    const line: RenewalLine = {
      organisation: m.organisationName,
      tier: m.tier,
      year,
      step,
      status: '',
      amountPence: null,
      poNumber: m.poNumbers[year] ?? null,
      invoice: null,
      problem: null,
    }
    if (step === 'notice') {
      const reminder: Reminder = {
        kind: 'renewal-notice',
        dedupeKey: `renewal-notice:membership:${m.id}:${year}`,
        membershipId: m.id,
        invoiceId: null,
        year,
        dueSince: context.today,
      }
      if (options.dryRun) line.status = m.sent.has(reminder.dedupeKey) ? 'already-sent' : m.contactEmail ? 'would-send' : 'no-contact'
      else {
        const result = await inTransaction(db, async (tx) => ok(await sendReminder(tx, m, reminder, context)))
        if (result.ok) {
          line.status = result.value.outcome
          if (result.value.emailId) emailIds.push(result.value.emailId)
        }
      }
    } else if (options.dryRun) {
      const existing = m.invoices.find((i) => i.year === year && i.cancelledOn === null)
      line.status = existing ? 'already-invoiced' : 'would-issue'
      if (existing) Object.assign(line, { invoice: existing.number, amountPence: existing.totalPence, poNumber: existing.poNumber })
    } else {
      const result = await inTransaction(db, async (tx) => ok(await issueRenewalInvoice(tx, m, year, context)))
      if (result.ok) describeRenewal(line, result.value, emailIds)
    }
    lines.push(line)
    options.progress?.(++done, members.length)
  }
  return { step, lines, emailIds }
}

function describeRenewal(line: RenewalLine, outcome: RenewalOutcome, emailIds: number[]): void {
  line.status = outcome.status
  if (outcome.status === 'cannot-price') line.problem = { message: outcome.message, ...(outcome.values ? { values: outcome.values } : {}) }
  else {
    line.amountPence = outcome.amountPence
    line.poNumber = outcome.poNumber
    line.invoice = outcome.number || null
    if (outcome.status === 'issued' && outcome.emailId) emailIds.push(outcome.emailId)
  }
}

export interface DailySummary {
  date: string
  memberships: number
  statusChanges: number
  reminders: Record<ReminderOutcome, number>
  invoices: { issued: number; cannotPrice: number }
  emailIds: number[]
}

/**
 * The daily job for one day (`coophub membership run-daily --date`): each membership's status
 * worked out and any change recorded; the reminders the rules call for sent; and, once the year
 * has begun, the renewal invoices of members who renew issued.
 */
export async function runDaily(db: Database, context: RunContext): Promise<DailySummary> {
  const settings = ruleSettings(context.settings)
  const year = subscriptionYearOf(context.today, context.settings.yearStarts.month, context.settings.yearStarts.day)
  const summary: DailySummary = {
    date: context.today,
    memberships: 0,
    statusChanges: 0,
    reminders: { sent: 0, 'already-sent': 0, 'no-contact': 0 },
    invoices: { issued: 0, cannotPrice: 0 },
    emailIds: [],
  }
  const members = await membershipsForRun(db)
  summary.memberships = members.length
  for (const m of members) {
    // Invoices first: a member renewing today is invoiced before reminders are worked out.
    if (renewsFor(m, year, context)) {
      const result = await inTransaction(db, async (tx) => ok(await issueRenewalInvoice(tx, m, year, context)))
      if (result.ok && result.value.status === 'issued') {
        summary.invoices.issued++
        if (result.value.emailId) summary.emailIds.push(result.value.emailId)
      }
      if (result.ok && result.value.status === 'cannot-price') summary.invoices.cannotPrice++
    }
  }
  for (const m of await membershipsForRun(db)) {
    const invoices = invoiceFacts(m, m.invoices, context.settings.yearStarts)
    const next = membershipStatus(membershipFacts(m), invoices, context.today, settings)
    const change = transition(m.status as never, next)
    if (change) {
      const recorded = await inTransaction(db, async (tx) => ok(await recordStatus(tx, context.actor, m.id, change)))
      if (recorded.ok && recorded.value) summary.statusChanges++
    }
    const state = reminderState(m, m.invoices, m.poNumbers, m.sent, context.settings.yearStarts)
    for (const reminder of dueReminders(state, context.today, settings)) {
      const sent = await inTransaction(db, async (tx) => ok(await sendReminder(tx, m, reminder, context)))
      if (!sent.ok) continue
      summary.reminders[sent.value.outcome]++
      if (sent.value.emailId) summary.emailIds.push(sent.value.emailId)
    }
  }
  return summary
}
