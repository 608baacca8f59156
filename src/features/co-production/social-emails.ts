// The emails of backing and comments, to the lead's officers, each in its recipient's language;
// words from locales/<language>/bid-social.json.
import { translator } from '../../i18n/catalogue.ts'
import type { Locale } from '../../i18n/locales.ts'
import { linkIn, languageOf } from '../email/messages.ts'
import { queueEmail, type OutgoingEmail } from '../email/outbox.ts'
import type { Executor } from '../../db/client.ts'
import { officersOf } from './social-queries.ts'

type Message = Pick<OutgoingEmail, 'subject' | 'body'>

/** To a lead officer: a member backed the bid, and perhaps asked to join its working group. */
export function bidBackedEmail(locale: Locale, input: { name: string; backer: string; title: string; join: boolean; link: string; network: string }): Message {
  const t = translator(locale)
  const values = { ...input, join: String(input.join), link: linkIn(locale, input.link) }
  return { subject: t('bidSocial.email.backed.subject', values), body: t('bidSocial.email.backed.body', values) }
}

/** To a lead officer: someone commented on the bid (the comment is quoted, as plain text). */
export function bidCommentedEmail(
  locale: Locale,
  input: { name: string; author: string; title: string; comment: string; link: string; network: string },
): Message {
  const t = translator(locale)
  const values = { ...input, link: linkIn(locale, input.link) }
  return { subject: t('bidSocial.email.commented.subject', values), body: t('bidSocial.email.commented.body', values) }
}

/** To an officer of a member invited into a bid's working group: where to accept or decline. */
export function bidInvitedEmail(locale: Locale, input: { name: string; lead: string; title: string; link: string; network: string }): Message {
  const t = translator(locale)
  const values = { ...input, link: linkIn(locale, input.link) }
  return { subject: t('bids.email.invited.subject', values), body: t('bids.email.invited.body', values) }
}

/**
 * Queues one email to each active officer of the lead organisation (or of any organisation named), but the person who caused it.
 * Returns the ids to deliver once the transaction has committed.
 */
export async function emailLeadOfficers(
  tx: Executor,
  leadOrganisationId: number | null,
  exceptUserId: number | null,
  message: (locale: Locale, name: string) => Message,
): Promise<number[]> {
  if (leadOrganisationId === null) return []
  const ids: number[] = []
  for (const officer of await officersOf(tx, leadOrganisationId)) {
    if (officer.id === exceptUserId) continue
    ids.push(await queueEmail(tx, { to: officer.email, ...message(languageOf(officer.language), officer.name) }))
  }
  return ids
}
