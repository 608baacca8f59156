// The emails a registrant gets, in the language they registered in: the confirmation (or their
// place in the queue), an offered place, and a change of time or place. Each carries the links
// that work without an account; a confirmed place carries the calendar file.
import { translator } from '../../i18n/catalogue.ts'
import { formatterOf } from '../../i18n/format.ts'
import type { Locale } from '../../i18n/locales.ts'
import { linkIn } from '../email/messages.ts'
import type { EmailAttachment, OutgoingEmail } from '../email/outbox.ts'
import { whenText } from './present.ts'

export interface RegistrantEmailInput {
  to: string
  name: string
  network: string
  event: { title: string; slug: string; startsAt: Date; endsAt: Date; online: boolean }
  site: string
  manageToken: string | null
  feedToken: string | null
  calendar: string | null
  position?: number | null
  offerExpiresAt?: Date | null
  /** The registrant's sessions and their standing, one a line (sessionSummaryText). */
  sessions?: string
}

const which = {
  confirmed: 'confirmed',
  waiting: 'waiting',
  offered: 'offered',
  changed: 'changed',
  cancelledEvent: 'cancelledEvent',
  message: 'message',
  reminder: 'reminder',
  updated: 'updated',
  sessionOffered: 'sessionOffered',
} as const

export function registrantEmail(
  locale: Locale,
  kind: keyof typeof which,
  input: RegistrantEmailInput,
  extra: { subject?: string; body?: string } = {},
): OutgoingEmail {
  const t = translator(locale)
  const format = formatterOf(locale)
  const values = {
    name: input.name,
    network: input.network,
    event: input.event.title,
    when: whenText(t, format, input.event),
    link: linkIn(locale, `${input.site}/events/${input.event.slug}`),
    manage: input.manageToken ? linkIn(locale, `${input.site}/events/manage/${input.manageToken}`) : '',
    feed: input.feedToken ? `${input.site}/events/feeds/${input.feedToken}.ics` : '',
    position: input.position ?? 0,
    expires: input.offerExpiresAt ? format.dateTime(input.offerExpiresAt) : '',
    subject: extra.subject ?? '',
    message: extra.body ?? '',
    sessions: input.sessions ?? '',
  }
  const attachments: EmailAttachment[] = input.calendar
    ? [{ filename: `${input.event.slug}.ics`, contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: input.calendar }]
    : []
  return {
    to: input.to,
    subject: t(`events.email.${which[kind]}.subject`, values),
    // With sessions chosen, the confirmation (or place in the queue) says how each stands.
    body: t(
      input.sessions && (kind === 'confirmed' || kind === 'waiting') ? `events.email.${kind}WithSessions.body` : `events.email.${which[kind]}.body`,
      values,
    ),
    attachments,
  }
}
