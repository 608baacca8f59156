import { translator } from '../../i18n/catalogue.ts'
import type { Locale } from '../../i18n/locales.ts'
import type { BidOutcome } from '../../db/schema/enums.ts'
import { formatPounds } from '../membership/rules/money.ts'
import { linkIn } from '../email/messages.ts'
import type { OutgoingEmail } from '../email/outbox.ts'

/** ICU select keys cannot hold hyphens: `fund-with-conditions` is `conditional` in the catalogue. */
export const outcomeSelector = (outcome: BidOutcome): string => (outcome === 'fund-with-conditions' ? 'conditional' : outcome)

/** To a bid's lead: what was decided, with the award, conditions and feedback, and where to read more. */
export function decisionEmail(
  locale: Locale,
  input: {
    name: string
    network: string
    bid: string
    call: string
    outcome: BidOutcome
    awardedPence: number | null
    conditions: string
    feedback: string
    link: string
  },
): Pick<OutgoingEmail, 'subject' | 'body'> {
  const t = translator(locale)
  const values = {
    name: input.name,
    network: input.network,
    bid: input.bid,
    call: input.call,
    outcome: outcomeSelector(input.outcome),
    award: input.awardedPence === null ? '' : `£${formatPounds(input.awardedPence)}`,
    conditions: input.conditions.trim() === '' ? '-' : input.conditions.trim(),
    feedback: input.feedback.trim() === '' ? '-' : input.feedback.trim(),
    link: linkIn(locale, input.link),
  }
  return { subject: t('decisions.email.subject', values), body: t('decisions.email.body', values) }
}
