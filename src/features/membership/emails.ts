// The emails of membership, each in its recipient's language, words from locales/<language>/join.json.
import { translator } from '../../i18n/catalogue.ts'
import { formatterOf } from '../../i18n/format.ts'
import type { Locale } from '../../i18n/locales.ts'
import { linkIn } from '../email/messages.ts'
import type { OutgoingEmail } from '../email/outbox.ts'

type Message = Pick<OutgoingEmail, 'subject' | 'body'>

/** To the applicant, as soon as the form is sent: what happens next, and their application's private link. */
export function applicationReceivedEmail(locale: Locale, input: { name: string; organisation: string; network: string; link: string }): Message {
  const t = translator(locale)
  const values = { ...input, link: linkIn(locale, input.link) }
  return { subject: t('join.email.received.subject', values), body: t('join.email.received.body', values) }
}

/** To the applicant, with the decision and, when refused, the reason. */
export function applicationDecidedEmail(
  locale: Locale,
  input: { name: string; organisation: string; network: string; link: string; approved: boolean; reason: string },
): Message {
  const t = translator(locale)
  const which = input.approved ? 'join.email.approved' : 'join.email.refused'
  const values = { ...input, link: linkIn(locale, input.link), approved: String(input.approved) }
  return { subject: t(`${which}.subject`, values), body: t(`${which}.body`, values) }
}

/** An invoice issued, in words: its number, lines, total, due date and how to pay. */
export function invoiceIssuedEmail(
  locale: Locale,
  input: { name: string; network: string; number: string; amountPence: number; dueOn: string; paymentDetails: string; lines: string[] },
): Message {
  const t = translator(locale)
  const f = formatterOf(locale)
  const values = {
    name: input.name,
    network: input.network,
    number: input.number,
    amount: f.money(input.amountPence / 100),
    due: f.date(new Date(`${input.dueOn}T12:00:00Z`)),
    lines: input.lines.join('\n'),
    paymentDetails: input.paymentDetails,
  }
  return { subject: t('invoices.email.issued.subject', values), body: t('invoices.email.issued.body', values) }
}

/** The summer's notice: next year's fee, and for a Full council the link to give a purchase-order number. */
export function renewalNoticeEmail(
  locale: Locale,
  input: { name: string; organisation: string; network: string; year: string; amountPence: number | null; poLink: string | null; poDeadline: string },
): Message {
  const t = translator(locale)
  const f = formatterOf(locale)
  const values = {
    name: input.name,
    organisation: input.organisation,
    network: input.network,
    year: input.year,
    fee: input.amountPence === null ? t('renewals.email.feeToFollow') : t('renewals.email.fee', { amount: f.money(input.amountPence / 100) }),
    po: input.poLink ? t('renewals.email.poAsk', { link: linkIn(locale, input.poLink), deadline: f.date(new Date(`${input.poDeadline}T12:00:00Z`)) }) : '',
  }
  return { subject: t('renewals.email.notice.subject', values), body: t('renewals.email.notice.body', values).replace(/\n{3,}/g, '\n\n') }
}

/** A reminder the daily job sends: the purchase-order number still missing, an invoice unpaid at 30 or 60 days, a lapse. */
export function reminderEmail(
  locale: Locale,
  kind: 'po-number-missing' | 'unpaid-30' | 'unpaid-60' | 'lapse',
  input: { name: string; organisation: string; network: string; year: string; invoice: string | null; amountPence: number | null; poLink: string | null },
): Message {
  const t = translator(locale)
  const f = formatterOf(locale)
  const key = { 'po-number-missing': 'poMissing', 'unpaid-30': 'unpaid30', 'unpaid-60': 'unpaid60', lapse: 'lapse' }[kind]
  const values = {
    name: input.name,
    organisation: input.organisation,
    network: input.network,
    year: input.year,
    invoice: input.invoice ?? '',
    amount: input.amountPence === null ? '' : f.money(input.amountPence / 100),
    link: input.poLink ? linkIn(locale, input.poLink) : '',
  }
  return { subject: t(`renewals.email.${key}.subject`, values), body: t(`renewals.email.${key}.body`, values) }
}
