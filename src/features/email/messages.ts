// The emails coophub sends, each in its recipient's language (users.language): the words from
// locales/<language>/emails.json, and every link to this site at its address in that language, so
// that a Welsh reader lands on the Welsh page.
import { translator } from '../../i18n/catalogue.ts'
import { isLocale, urlIn, type Locale } from '../../i18n/locales.ts'
import type { OutgoingEmail } from './outbox.ts'

type Message = Pick<OutgoingEmail, 'subject' | 'body'>

/** A stored language, or English for anything else. */
export function languageOf(value: unknown): Locale {
  return isLocale(value) ? value : 'en'
}

/**
 * An absolute link to a page of this site, in a language: "https://x.org/account" is
 * "https://x.org/cy/account" in Welsh. The site is served at the root of its address, so the path
 * is the page's address.
 */
export function linkIn(locale: Locale, absoluteUrl: string): string {
  let url: URL
  try {
    url = new URL(absoluteUrl)
  } catch {
    return absoluteUrl
  }
  return `${url.origin}${urlIn(locale, `${url.pathname}${url.search}${url.hash}`)}`
}

export function invitationEmail(locale: Locale, input: { name: string; network: string; link: string; days: number; resent?: boolean }): Message {
  const t = translator(locale)
  const which = input.resent === true ? 'emails.invitationResent' : 'emails.invitation'
  const values = { name: input.name, network: input.network, days: input.days, link: linkIn(locale, input.link) }
  return { subject: t(`${which}.subject`, values), body: t(`${which}.body`, values) }
}

export function passwordResetEmail(locale: Locale, input: { name: string; network: string; link: string; minutes: number }): Message {
  const t = translator(locale)
  const values = { name: input.name, network: input.network, minutes: input.minutes, link: linkIn(locale, input.link) }
  return { subject: t('emails.passwordReset.subject', values), body: t('emails.passwordReset.body', values) }
}

/** After a password was set from a reset link: the owner hears of a change they did not make. */
export function passwordChangedEmail(locale: Locale, input: { name: string; network: string; link: string }): Message {
  const t = translator(locale)
  const values = { name: input.name, network: input.network, link: linkIn(locale, input.link) }
  return { subject: t('emails.passwordChanged.subject', values), body: t('emails.passwordChanged.body', values) }
}

/** To an editor who asked for an email for each submission. */
export function submittedEmail(locale: Locale, input: { name: string; network: string; submitter: string; title: string; reviewLink: string }): Message {
  const t = translator(locale)
  const values = { name: input.name, network: input.network, submitter: input.submitter, title: input.title, link: linkIn(locale, input.reviewLink) }
  return { subject: t('emails.submitted.subject', values), body: t('emails.submitted.body', values) }
}

/** To an editor who asked for at most one email an hour: what arrived since the last, and how many wait in all. */
export function digestEmail(
  locale: Locale,
  input: { name: string; network: string; submitted: Array<{ title: string; link: string }>; waiting: number; queueLink: string },
): Message {
  const t = translator(locale)
  const list = input.submitted.map((s) => t('emails.digest.item', { title: s.title, link: linkIn(locale, s.link) })).join('\n')
  return {
    subject: t('emails.digest.subject', { count: input.submitted.length }),
    body: t('emails.digest.body', { name: input.name, network: input.network, list, waiting: input.waiting, queueLink: linkIn(locale, input.queueLink) }),
  }
}

/** To the officers and authors of a case study an editor sent back. */
export function changesRequestedEmail(locale: Locale, input: { name: string; network: string; title: string; comment: string; editLink: string }): Message {
  const t = translator(locale)
  const values = { name: input.name, network: input.network, title: input.title, comment: input.comment, link: linkIn(locale, input.editLink) }
  return { subject: t('emails.changesRequested.subject', values), body: t('emails.changesRequested.body', values) }
}
