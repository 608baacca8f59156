// When a funded project runs and when its lead reports. Days are 'YYYY-MM-DD' in London, as the
// membership rules keep them; arithmetic on whole months clamps to the month's last day.
import type { CallKind } from '../../../db/schema/enums.ts'
import { isIsoDate, type IsoDate } from '../../membership/rules/subscription-year.ts'

/** How long a project of each kind of call runs unless its plan says longer: labs two years, the rest one. */
export const defaultMonths: Readonly<Record<CallKind, number>> = {
  'policy-lab': 24,
  'policy-prototype': 12,
  'action-learning-eoi': 12,
  'work-programme-idea': 12,
  'event-session': 12,
}

/** A progress report every six months, and a final report a month after the end. */
export const reportEveryMonths = 6
export const finalReportAfterDays = 30

export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!isIsoDate(date)) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`)
  const [y, m, d] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))]
  const target = new Date(Date.UTC(y, m + months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(d, lastDay))
  return target.toISOString().slice(0, 10)
}

/**
 * A project's dates: from the day it is funded to the end of its kind's usual length, or to its
 * last milestone when the plan runs later (the panel funded that plan).
 */
export function projectPeriod(input: { startsOn: IsoDate; kind: CallKind; milestoneDates: ReadonlyArray<IsoDate | null> }): {
  startsOn: IsoDate
  endsOn: IsoDate
} {
  const usual = addMonths(input.startsOn, defaultMonths[input.kind])
  const latest = input.milestoneDates
    .filter((d): d is IsoDate => d !== null && isIsoDate(d))
    .sort()
    .at(-1)
  return { startsOn: input.startsOn, endsOn: latest !== undefined && latest > usual ? latest : usual }
}

/** The reports a project owes: progress every six months before its end, and the final one after it. */
export function reportSchedule(startsOn: IsoDate, endsOn: IsoDate): Array<{ kind: 'progress' | 'final'; dueOn: IsoDate }> {
  const due: Array<{ kind: 'progress' | 'final'; dueOn: IsoDate }> = []
  for (let n = 1; ; n++) {
    const dueOn = addMonths(startsOn, n * reportEveryMonths)
    if (dueOn >= endsOn) break
    due.push({ kind: 'progress', dueOn })
  }
  const end = new Date(`${endsOn}T00:00:00Z`)
  end.setUTCDate(end.getUTCDate() + finalReportAfterDays)
  due.push({ kind: 'final', dueOn: end.toISOString().slice(0, 10) })
  return due
}
