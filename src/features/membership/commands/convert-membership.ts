import { and, eq, ne, sql } from 'drizzle-orm'
import { invoices, membershipEvents, memberships, organisations, people } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { translator } from '../../../i18n/catalogue.ts'
import { formatterOf } from '../../../i18n/format.ts'
import { notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { queueEmail } from '../../email/outbox.ts'
import { languageOf } from '../../email/messages.ts'
import { invoiceIssuedEmail } from '../emails.ts'
import { cannotPrice, quoteFee } from '../fee-quote.ts'
import { findRegisterCouncil, openMembershipOfOrganisation } from '../queries.ts'
import type { RunContext } from '../run-context.ts'
import { conversionCredit, joiningFee } from '../rules/fees.ts'
import { subscriptionYearOf, wholeMonthsRemaining, yearBounds, yearLabel } from '../rules/subscription-year.ts'
import { councilOrganisation } from './council-organisation.ts'
import { issueInvoice } from './issue-invoice.ts'

/**
 * A councillors' group that takes control of its council: its Associate membership ends as
 * converted, and the council starts a Full one. The council's first invoice charges the Full fee
 * for the months left and credits the Associate fee for the same months; both histories say so.
 */
export async function convertMembership(
  tx: Transaction,
  input: { membershipId: number; councilCode: string },
  context: RunContext,
): Promise<Result<{ membershipId: number; invoiceNumber: string; emailIds: number[] }>> {
  const [old] = await tx.select().from(memberships).where(eq(memberships.id, input.membershipId)).for('update')
  if (!old) return notFound()
  if (old.tier !== 'associate' || ['lapsed', 'resigned', 'refused', 'converted', 'applied'].includes(old.status))
    return refused('adminMembership.refused.notConvertible')
  const council = await findRegisterCouncil(tx, input.councilCode)
  if (!council) return refused('join.errors.councilUnknown', 'council')

  const start = context.settings.yearStarts
  const year = subscriptionYearOf(context.today, start.month, start.day)
  const full = await quoteFee(tx, { tier: 'full', year, council: council.code })
  if (!full.ok) return cannotPrice(full.errors)

  const councilId = await councilOrganisation(tx, context.actor, council.code, 'full')
  if (!councilId.ok) return councilId
  if (await openMembershipOfOrganisation(tx, councilId.value)) return refused('adminMembership.refused.councilAlreadyMember', 'council')

  // The Associate fee for this year, as invoiced; a member from before coophub's invoices is credited the schedule's fee.
  const [associateInvoice] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.membershipId, old.id), eq(invoices.year, year), ne(invoices.status, 'cancelled')))
  let associatePaid = associateInvoice?.totalPence ?? null
  let monthsCovered = 12
  if (associateInvoice?.kind === 'joining') monthsCovered = wholeMonthsRemaining(associateInvoice.issuedOn, year, start)
  if (associatePaid === null && old.paidThroughYear !== null && old.paidThroughYear >= year) {
    const fee = await quoteFee(tx, { tier: 'associate', year })
    associatePaid = fee.ok ? fee.value.amount : 0
  }
  const joining = joiningFee(full.value.amount, context.today, full.value.schedule.schedule, start)
  const credit = Math.min(joining.amount, associatePaid === null ? 0 : conversionCredit(associatePaid, context.today, year, start, Math.max(1, monthsCovered)))

  const [group] = await tx.select().from(organisations).where(eq(organisations.id, old.organisationId))
  await tx.update(memberships).set({ status: 'converted', endedOn: context.today }).where(eq(memberships.id, old.id))
  await tx.insert(membershipEvents).values({
    membershipId: old.id,
    fromStatus: old.status,
    toStatus: 'converted',
    reason: `Converted to a Full membership of ${council.officialName}`,
    actorUserId: context.actor.id,
    actorLabel: context.actor.label,
    onDate: context.today,
  })
  await tx
    .update(organisations)
    .set({ tier: 'none', updatedAt: sql`now()` })
    .where(eq(organisations.id, old.organisationId))
  const [created] = await tx
    .insert(memberships)
    .values({
      organisationId: councilId.value,
      tier: 'full',
      status: 'approved',
      appliedOn: context.today,
      decidedOn: context.today,
      convertedFromId: old.id,
      sitsOnAuthorityCode: null,
      contactPersonId: old.contactPersonId,
    })
    .returning({ id: memberships.id })
  await tx
    .update(organisations)
    .set({ tier: 'full', updatedAt: sql`now()` })
    .where(eq(organisations.id, councilId.value))
  await tx.insert(membershipEvents).values({
    membershipId: created!.id,
    fromStatus: null,
    toStatus: 'approved',
    reason: `Converted from the Associate membership of ${group?.name ?? 'a councillors’ group'}`,
    actorUserId: context.actor.id,
    actorLabel: context.actor.label,
    onDate: context.today,
  })

  const t = translator('en')
  const lines = [
    {
      description: t('invoices.line.joining', {
        tier: t('organisations.tier.full'),
        year: yearLabel(year),
        months: joining.months,
        ends: formatterOf('en').date(new Date(`${yearBounds(year, start).ends}T12:00:00Z`)),
      }),
      amountPence: joining.amount,
    },
  ]
  if (credit > 0)
    lines.push({
      description: t('adminMembership.invoiceLine.conversionCredit', { group: group?.name ?? '', months: Math.min(joining.months, monthsCovered) }),
      amountPence: -credit,
    })
  const invoice = await issueInvoice(
    tx,
    { name: context.network, settings: context.settings },
    {
      membershipId: created!.id,
      kind: 'conversion',
      year,
      issuedOn: context.today,
      lines,
      poNumber: null,
      feeScheduleId: full.value.schedule.id,
      billedTo: { organisation: council.officialName, contact: null, email: null },
    },
  )
  await recordAudit(tx, context.actor, {
    action: 'membership-converted',
    subjectType: 'membership',
    subjectId: created!.id,
    summary: `Converted the Associate membership of ${group?.name} to a Full membership of ${council.officialName}; issued ${invoice.number}`,
  })
  const emailIds: number[] = []
  const [contact] = old.contactPersonId ? await tx.select().from(people).where(eq(people.id, old.contactPersonId)) : []
  if (contact?.email) {
    emailIds.push(
      await queueEmail(tx, {
        to: contact.email,
        ...invoiceIssuedEmail(languageOf('en'), {
          name: contact.name,
          network: context.network,
          number: invoice.number,
          amountPence: invoice.totalPence,
          dueOn: invoice.dueOn,
          paymentDetails: context.settings.invoicePaymentDetails,
          lines: lines.map((l) => l.description),
        }),
      }),
    )
  }
  return ok({ membershipId: created!.id, invoiceNumber: invoice.number, emailIds })
}
