// Calls as pages show them: money in pounds, eligibility in plain words, the timetable as a
// timeline. Everything here is a translated sentence or a value; templates get no rows.
import type { Translate } from '../../i18n/catalogue.ts'
import type { Formatter } from '../../i18n/format.ts'
import type { Locale } from '../../i18n/locales.ts'
import { formatPounds, type Pence } from '../membership/rules/money.ts'
import { principleWording } from '../principles/wording.ts'
import type { CallSettings } from './rules/call-settings.ts'
import { callPhase, type CallTimes } from './rules/deadlines.ts'
import type { CallRow, ListedCall } from './queries.ts'

/** "£20,000" for whole pounds, "£1,250.50" otherwise. */
export const pounds = (pence: Pence): string => `£${formatPounds(pence).replace(/\.00$/, '')}`

/** A London day ('YYYY-MM-DD') written out in the page's language. */
export const dayText = (format: Formatter, day: string | null): string => (day ? format.date(new Date(`${day}T12:00:00Z`)) : '')

export function eligibilityLines(t: Translate, settings: CallSettings): string[] {
  const lines: string[] = []
  lines.push(
    settings.leadTiers.length > 0
      ? t('calls.eligibility.leadTiers', { tiers: settings.leadTiers.map((tier) => t(`calls.tier.${tier}`)).join(', ') })
      : t('calls.eligibility.anyLead'),
  )
  if (settings.minWorkingGroup > 0) lines.push(t('calls.eligibility.workingGroup', { count: settings.minWorkingGroup }))
  if (settings.oneLedProjectAtATime) lines.push(t('calls.eligibility.oneLedProject'))
  return lines
}

export interface TimelineItem {
  label: string
  date: string
  /** The deadline, shown in bold. */
  key: boolean
}

export function timeline(
  t: Translate,
  format: Formatter,
  call: Pick<CallRow, 'opensOn' | 'closesOn' | 'assessmentOn' | 'presentationsOn' | 'decisionOn'>,
): TimelineItem[] {
  return (
    [
      ['opensOn', call.opensOn],
      ['closesOn', call.closesOn],
      ['assessmentOn', call.assessmentOn],
      ['presentationsOn', call.presentationsOn],
      ['decisionOn', call.decisionOn],
    ] as const
  )
    .filter(([, day]) => day !== null)
    .map(([field, day]) => ({ label: t(`calls.timeline.${field}`), date: dayText(format, day), key: field === 'closesOn' }))
}

export function presentListedCall(t: Translate, format: Formatter, call: ListedCall) {
  return {
    slug: call.slug,
    title: call.title,
    kind: t(`calls.kind.${call.kind}`),
    money: t('calls.money', { pot: pounds(call.potPence), cap: pounds(call.capPence) }),
    dates: t('calls.list.dates', { opens: dayText(format, call.opensOn), closes: dayText(format, call.closesOn) }),
  }
}

/** The public list: open calls first, then those opening soon, then past ones; drafts are never listed. */
export function groupCalls<T extends ListedCall>(rows: T[], now: Date) {
  const groups = { open: [] as T[], upcoming: [] as T[], past: [] as T[] }
  for (const row of rows) if (row.status !== 'draft') groups[callPhase(row as CallTimes, now)].push(row)
  groups.open.sort((a, b) => a.closesOn.localeCompare(b.closesOn))
  groups.upcoming.sort((a, b) => a.opensOn.localeCompare(b.opensOn))
  return groups
}

export function presentCall(t: Translate, format: Formatter, locale: Locale, call: CallRow, now: Date) {
  return {
    slug: call.slug,
    title: call.title,
    kind: t(`calls.kind.${call.kind}`),
    status: t(`calls.status.${call.status}`),
    phase: call.status === 'draft' ? 'draft' : callPhase(call, now),
    pot: pounds(call.potPence),
    cap: pounds(call.capPence),
    themes: call.settings.themes,
    eligibility: eligibilityLines(t, call.settings),
    timeline: timeline(t, format, call),
    decision: t(`calls.decisionMethod.${call.decisionMethod}`),
    hasVote: call.decisionMethod !== 'assessment',
    principles: call.principles.map((p) => ({ slug: p.slug, ...principleWording(p, locale) })),
  }
}
