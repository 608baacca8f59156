import { and, eq, sql } from 'drizzle-orm'
import type { MembershipConfig } from '../../../config.ts'
import { membershipApplications, membershipEvents, memberships, organisations, people } from '../../../db/schema/index.ts'
import type { Transaction } from '../../../db/unit-of-work.ts'
import { languageOf } from '../../email/messages.ts'
import { queueEmail } from '../../email/outbox.ts'
import { invalid, notFound, ok, refused, type Result } from '../../../lib/result.ts'
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts'
import { createOrganisation } from '../../organisations/commands/create-organisation.ts'
import { organisationKindOf, type ApplicantKind } from '../application-rules.ts'
import { applicationDecidedEmail, invoiceIssuedEmail } from '../emails.ts'
import { cannotPrice, quoteFee } from '../fee-quote.ts'
import { openMembershipOfOrganisation } from '../queries.ts'
import { joiningFee } from '../rules/fees.ts'
import { londonDate, subscriptionYearOf, yearBounds, yearLabel, type IsoDate } from '../rules/subscription-year.ts'
import { translator } from '../../../i18n/catalogue.ts'
import { formatterOf } from '../../../i18n/format.ts'
import { councilOrganisation } from './council-organisation.ts'
import { issueInvoice } from './issue-invoice.ts'

export interface DecisionInput {
  applicationId: number
  decision: 'approve' | 'refuse'
  reason: string
}

export interface DecisionContext {
  today: IsoDate
  network: string
  baseUrl: string
  settings: MembershipConfig
}

/** Checks the administrator's form: a decision, and a reason when refusing. */
export function checkDecision(decision: string, reason: string): Result<{ decision: 'approve' | 'refuse'; reason: string }> {
  if (decision !== 'approve' && decision !== 'refuse') return invalid([{ field: 'decision', message: 'adminMembership.errors.decisionRequired' }])
  if (decision === 'refuse' && reason.trim() === '') return invalid([{ field: 'reason', message: 'adminMembership.errors.reasonRequired' }])
  if (reason.length > 2000) return invalid([{ field: 'reason', message: 'adminMembership.errors.reasonTooLong', values: { max: 2000 } }])
  return ok({ decision, reason: reason.trim() })
}

/**
 * Approves or refuses an application. Approving finds or adds the organisation, records its
 * contact, starts an approved membership and issues the first invoice (for the months left under
 * the year's schedule); the applicant is emailed the decision and the invoice. All of it or none.
 */
export async function decideApplication(
  tx: Transaction,
  actor: AuditActor,
  input: DecisionInput,
  context: DecisionContext,
): Promise<Result<{ membershipId: number | null; invoiceNumber: string | null; emailIds: number[] }>> {
  const [application] = await tx.select().from(membershipApplications).where(eq(membershipApplications.id, input.applicationId)).for('update')
  if (!application) return notFound()
  if (application.status !== 'received') return refused('adminMembership.refused.alreadyDecided')
  const language = languageOf(application.language)
  // The applicant's own link is not stored (only its hash): the decision email points to /join.
  const joinLink = `${context.baseUrl}/join`

  if (input.decision === 'refuse') {
    await tx
      .update(membershipApplications)
      .set({ status: 'refused', decisionReason: input.reason, decidedByUserId: actor.id, decidedAt: new Date() })
      .where(eq(membershipApplications.id, application.id))
    await recordAudit(tx, actor, {
      action: 'membership-application-refused',
      subjectType: 'membership-application',
      subjectId: application.id,
      summary: `Refused the application of ${application.organisationName}`,
    })
    const emailId = await queueEmail(tx, {
      to: application.contactEmail,
      ...applicationDecidedEmail(language, {
        name: application.contactName,
        organisation: application.organisationName,
        network: context.network,
        link: joinLink,
        approved: false,
        reason: input.reason,
      }),
    })
    return ok({ membershipId: null, invoiceNumber: null, emailIds: [emailId] })
  }

  const year = subscriptionYearOf(context.today, context.settings.yearStarts.month, context.settings.yearStarts.day)
  const quote = await quoteFee(tx, { tier: application.tier, year, council: application.authorityCode })
  if (!quote.ok) return cannotPrice(quote.errors)
  const fee = quote.value
  const joining = joiningFee(fee.amount, context.today, fee.schedule.schedule, context.settings.yearStarts)

  const organisationId = await findOrAddOrganisation(tx, actor, application)
  if (!organisationId.ok) return organisationId
  if (await openMembershipOfOrganisation(tx, organisationId.value)) return refused('adminMembership.refused.alreadyMember')
  const details = (application.details ?? {}) as { contact?: { name: string; jobTitle: string; email: string; phone: string } }
  const [person] = await tx
    .insert(people)
    .values({
      name: application.contactName,
      jobTitle: details.contact?.jobTitle || null,
      organisationId: organisationId.value,
      email: application.contactEmail,
      phone: details.contact?.phone || null,
    })
    .returning({ id: people.id })
  const appliedOn = londonDate(application.createdAt)
  const [membership] = await tx
    .insert(memberships)
    .values({
      organisationId: organisationId.value,
      tier: application.tier,
      status: 'approved',
      appliedOn,
      decidedOn: context.today,
      sitsOnAuthorityCode: application.sitsOnAuthorityCode,
      contactPersonId: person!.id,
    })
    .returning({ id: memberships.id })
  await tx
    .update(organisations)
    .set({ tier: application.tier, updatedAt: sql`now()` })
    .where(eq(organisations.id, organisationId.value))
  await tx.insert(membershipEvents).values({
    membershipId: membership!.id,
    fromStatus: 'applied',
    toStatus: 'approved',
    reason: input.reason || 'Application approved',
    actorUserId: actor.id,
    actorLabel: actor.label,
    onDate: context.today,
  })
  await tx
    .update(membershipApplications)
    .set({ status: 'approved', decisionReason: input.reason || null, decidedByUserId: actor.id, decidedAt: new Date(), membershipId: membership!.id })
    .where(eq(membershipApplications.id, application.id))

  const t = translator(language)
  const ends = formatterOf(language).date(new Date(`${yearBounds(year, context.settings.yearStarts).ends}T12:00:00Z`))
  const description =
    joining.months === 12 || joining.policy === 'full-year'
      ? t('invoices.line.annual', { tier: t(`organisations.tier.${application.tier}`), year: yearLabel(year) })
      : t('invoices.line.joining', { tier: t(`organisations.tier.${application.tier}`), year: yearLabel(year), months: joining.months, ends })
  const invoice = await issueInvoice(
    tx,
    { name: context.network, settings: context.settings },
    {
      membershipId: membership!.id,
      kind: 'joining',
      year,
      issuedOn: context.today,
      lines: [{ description, amountPence: joining.amount }],
      poNumber: null,
      feeScheduleId: fee.schedule.id,
      billedTo: { organisation: application.organisationName, contact: application.contactName, email: application.contactEmail },
    },
  )
  await recordAudit(tx, actor, {
    action: 'membership-application-approved',
    subjectType: 'membership',
    subjectId: membership!.id,
    summary: `Approved ${application.organisationName} as a ${application.tier} member; issued ${invoice.number}`,
  })
  const decided = await queueEmail(tx, {
    to: application.contactEmail,
    ...applicationDecidedEmail(language, {
      name: application.contactName,
      organisation: application.organisationName,
      network: context.network,
      link: joinLink,
      approved: true,
      reason: input.reason,
    }),
  })
  const invoiced = await queueEmail(tx, {
    to: application.contactEmail,
    ...invoiceIssuedEmail(language, {
      name: application.contactName,
      network: context.network,
      number: invoice.number,
      amountPence: invoice.totalPence,
      dueOn: invoice.dueOn,
      paymentDetails: context.settings.invoicePaymentDetails,
      lines: [description],
    }),
  })
  return ok({ membershipId: membership!.id, invoiceNumber: invoice.number, emailIds: [decided, invoiced] })
}

type Application = typeof membershipApplications.$inferSelect

/** The council already among the network's organisations (by register code) or an organisation of the same name and kind; otherwise a new one. */
async function findOrAddOrganisation(tx: Transaction, actor: AuditActor, application: Application): Promise<Result<number>> {
  const kind = organisationKindOf[application.organisationKind as ApplicantKind] ?? 'organisation'
  if (application.authorityCode) return councilOrganisation(tx, actor, application.authorityCode, application.tier)
  const [existing] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(sql`lower(${organisations.name}) = lower(${application.organisationName})`, eq(organisations.kind, kind)))
  if (existing) return ok(existing.id)
  const created = await createOrganisation(tx, actor, {
    name: application.organisationName,
    slug: '',
    kind,
    tier: application.tier,
    councilType: '',
    nation: '',
    region: '',
    gssCode: '',
    website: '',
    verified: true,
  })
  return created.ok ? ok(created.value.id) : created
}
