// Membership rows and fee quotes as the views show them, in the page's language.
import type { Translate } from '../../i18n/catalogue.ts'
import { formatterOf } from '../../i18n/format.ts'
import type { Locale } from '../../i18n/locales.ts'
import { tierLabel } from '../../web/organisation-display.ts'
import type { Quote } from './fee-quote.ts'
import type { ApplicationRow } from './queries.ts'
import { yearLabel } from './rules/subscription-year.ts'

/** An amount in pence as money in the page's language: "£1,250.00". */
export function money(pence: number, locale: Locale): string {
  return formatterOf(locale).money(pence / 100)
}

export function presentQuote(quote: Quote, t: Translate, locale: Locale) {
  const f = formatterOf(locale)
  const council = quote.council
  return {
    tier: tierLabel(t, quote.tier),
    amount: money(quote.amount, locale),
    year: yearLabel(quote.year),
    band: quote.band,
    limitedBy: quote.limitedBy ? t(`join.quote.limitedBy.${quote.limitedBy}`) : null,
    scheduleLabel: quote.schedule.schedule.label,
    example: quote.schedule.schedule.example,
    council: council
      ? {
          name: council.name,
          population: council.population
            ? t('join.quote.population', {
                population: f.number(council.population),
                year: council.populationYear ?? '',
                source: council.populationSource ?? '',
              })
            : t('join.quote.noPopulation'),
          budget: council.budgetPence
            ? t('join.quote.budget', { budget: money(council.budgetPence, locale), year: council.budgetYear ?? '', source: council.budgetSource ?? '' })
            : t('join.quote.noBudget'),
        }
      : null,
  }
}

interface ApplicationDetails {
  contact?: { name: string; jobTitle: string; email: string; phone: string }
  sponsor?: { name: string; jobTitle: string; email: string } | null
  decisionMaker?: { name: string; role: string } | null
}

export function presentApplication(a: ApplicationRow, t: Translate, locale: Locale) {
  const f = formatterOf(locale)
  const details = (a.details ?? {}) as ApplicationDetails
  return {
    id: a.id,
    organisation: a.organisationName,
    tier: tierLabel(t, a.tier),
    kind: t(`join.kind.${a.organisationKind}`),
    status: a.status,
    statusLabel: t(`join.status.${a.status}`),
    statusColour: a.status === 'approved' ? 'green' : a.status === 'refused' ? 'red' : a.status === 'withdrawn' ? 'grey' : 'blue',
    received: f.date(a.createdAt),
    decided: a.decidedAt ? f.date(a.decidedAt) : null,
    reason: a.decisionReason,
    quoted: a.quotedPence === null ? null : money(a.quotedPence, locale),
    contact: details.contact ?? null,
    sponsor: details.sponsor ?? null,
    decisionMaker: details.decisionMaker ?? null,
    sitsOn: a.sitsOnAuthorityCode,
  }
}
