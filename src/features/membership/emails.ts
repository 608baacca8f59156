// The emails of membership, each in its recipient's language, words from locales/<language>/join.json.
import { translator } from '../../i18n/catalogue.ts'
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
