// The email asking an attendee what they thought, in the language they registered in.
import { translator } from '../../i18n/catalogue.ts'
import type { Locale } from '../../i18n/locales.ts'
import { linkIn } from '../email/messages.ts'
import type { OutgoingEmail } from '../email/outbox.ts'
import { feedbackLinkDays } from './rules/feedback.ts'

export function feedbackEmail(
  locale: Locale,
  input: { to: string; name: string; network: string; site: string; event: { title: string }; token: string },
): OutgoingEmail {
  const t = translator(locale)
  const values = {
    name: input.name,
    network: input.network,
    event: input.event.title,
    link: linkIn(locale, `${input.site}/events/feedback/${input.token}`),
    days: feedbackLinkDays,
  }
  return { to: input.to, subject: t('events.feedback.email.subject', values), body: t('events.feedback.email.body', values) }
}
