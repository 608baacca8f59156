// Bids as pages show them: a translated status, money in pounds, the call's principles in the
// page's language beside what the bid says of each, and the eligibility rules' messages.
import type { Translate } from '../../i18n/catalogue.ts'
import type { Formatter } from '../../i18n/format.ts'
import type { Locale } from '../../i18n/locales.ts'
import { principleWording } from '../principles/wording.ts'
import type { BidRow } from './bid-queries.ts'
import { dayText, pounds } from './present.ts'
import { budgetTotal } from './rules/budget.ts'
import { bidFormLength } from './rules/bid-form-length.ts'
import { eligibilityProblems } from './rules/eligibility.ts'

export function presentBid(t: Translate, format: Formatter, locale: Locale, bid: BidRow) {
  const differences = new Map(bid.differences.map((d) => [d.principleId, d.difference]))
  const principleNames = Object.fromEntries(
    bid.call.principles.map((p) => {
      const words = principleWording(p, locale)
      return [p.id, { name: words.shortName, lang: words.shortNameLang ?? null }]
    }),
  )
  return {
    id: bid.id,
    title: bid.title,
    status: bid.status,
    statusText: t(`bids.status.${bid.status}`),
    lead: bid.leadName ?? '',
    call: { title: bid.call.title, slug: bid.call.slug, cap: pounds(bid.call.capPence) },
    summary: bid.summary,
    problem: bid.problem,
    theme: bid.theme,
    sharing: bid.sharing,
    principleNames,
    differences: bid.call.principles.map((p) => ({ ...principleNames[p.id]!, difference: differences.get(p.id) ?? '' })),
    milestones: bid.milestones.map((m) => ({ title: m.title, due: dayText(format, m.dueOn) })),
    lines: bid.budgetLines.map((l) => ({ description: l.description, amount: pounds(l.amountPence) })),
    total: pounds(budgetTotal(bid.budgetLines)),
    revision: bid.revision,
    group: bid.participants.map((p) => ({
      id: p.id,
      name: p.organisationName ?? p.name ?? '',
      role: t(`bids.group.role.${p.role}`),
      state:
        p.role === 'partner' ? '' : p.acceptedAt !== null ? t('bids.group.accepted') : p.requested ? t('bidSocial.requests.state') : t('bids.group.invited'),
      accepted: p.acceptedAt !== null,
      requested: p.requested && p.acceptedAt === null,
    })),
  }
}

/** The rules of the call the saved bid does not meet yet, as messages linking to their fields. */
export function presentEligibility(t: Translate, locale: Locale, bid: BidRow) {
  const problems = eligibilityProblems(
    {
      settings: bid.call.settings,
      capPence: bid.call.capPence,
      principles: bid.call.principles.map((p) => ({ id: p.id, name: principleWording(p, locale).shortName })),
      formLength: bidFormLength(bid.call.kind),
    },
    bid,
  )
  // Who leads is not a field of the form: that problem is said, not linked.
  return problems.map((p) => ({ text: t(p.message, p.values), href: p.field === 'lead' ? null : `#${p.field}` }))
}
