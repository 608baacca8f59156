// Dates of the subscription year. A calendar date is a 'YYYY-MM-DD' string meaning that day in
// Europe/London: the network bills by the day, never by the instant, so arithmetic is on dates in
// UTC (which has no clock change) and only londonDate() looks at a clock.

/** 'YYYY-MM-DD', a day in Europe/London. */
export type IsoDate = string

/** The day each subscription year starts on: 1 September unless configured otherwise. */
export interface YearStart {
  month: number
  /** 1 to 28, so that every year starts on a real date (never 29 February). */
  day: number
}

export const defaultYearStart: YearStart = { month: 9, day: 1 }

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

function utc(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`)
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))
}

const fromUtc = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10)

/** A real calendar date written 'YYYY-MM-DD' (so not '2027-02-29'). */
export function isIsoDate(text: unknown): text is IsoDate {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const [y, m, d] = [Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))]
  const back = new Date(Date.UTC(y, m - 1, d))
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d
}

function checkStart(start: YearStart): void {
  if (!Number.isInteger(start.month) || start.month < 1 || start.month > 12 || !Number.isInteger(start.day) || start.day < 1 || start.day > 28) {
    throw new RangeError(`A subscription year starts on a day 1–28 of a month 1–12, not ${start.day}/${start.month}`)
  }
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(utc(date) + days * 86_400_000)
}

/** Days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utc(to) - utc(from)) / 86_400_000)
}

/** The subscription year a date falls in, named by the calendar year it starts in: 2026 for 1 Sep 2026 – 31 Aug 2027. */
export function subscriptionYearOf(date: IsoDate, startMonth = defaultYearStart.month, startDay = defaultYearStart.day): number {
  checkStart({ month: startMonth, day: startDay })
  const year = Number(date.slice(0, 4))
  utc(date)
  return date.slice(5) >= `${pad(startMonth)}-${pad(startDay)}` ? year : year - 1
}

/** "2026/27"; "2099/00" at the turn of a century. */
export function yearLabel(year: number): string {
  return `${year}/${pad((year + 1) % 100)}`
}

/** The first and last days of a subscription year. */
export function yearBounds(year: number, start: YearStart = defaultYearStart): { starts: IsoDate; ends: IsoDate } {
  checkStart(start)
  const starts = `${pad(year, 4)}-${pad(start.month)}-${pad(start.day)}`
  return { starts, ends: addDays(`${pad(year + 1, 4)}-${pad(start.month)}-${pad(start.day)}`, -1) }
}

/**
 * The months of a subscription year left to someone joining on `date`, counted in whole months:
 * the year has 12 months, each beginning on the start day (1 Sep, 1 Oct … 1 Aug), and a month
 * counts only when the member is there from its first day. Joining on 1 September: 12; on 2
 * September: 11; on 15 January: 7 (February to August); on 29 February 2028 or on 1 March 2028: 6.
 * Before the year starts: 12; after it ends: 0. A member never pays for a month they only partly had.
 */
export function wholeMonthsRemaining(date: IsoDate, year: number, start: YearStart = defaultYearStart): number {
  const { starts, ends } = yearBounds(year, start)
  if (utc(date) <= utc(starts)) return 12
  if (utc(date) > utc(ends)) return 0
  let months = 0
  for (let i = 0; i < 12; i++) {
    const month = ((start.month - 1 + i) % 12) + 1
    const monthYear = year + Math.floor((start.month - 1 + i) / 12)
    if (`${pad(monthYear, 4)}-${pad(month)}-${pad(start.day)}` >= date) months++
  }
  return months
}

/**
 * The date of a day-of-the-year (a month and day such as 1 July for renewal notices) that falls
 * inside subscription year `year`: 1 July 2027 for 2026/27 when years start on 1 September.
 */
export function dateInYear(year: number, month: number, day: number, start: YearStart = defaultYearStart): IsoDate {
  checkStart({ month, day })
  const { starts } = yearBounds(year, start)
  const sameCalendarYear = `${pad(year, 4)}-${pad(month)}-${pad(day)}`
  return sameCalendarYear >= starts ? sameCalendarYear : `${pad(year + 1, 4)}-${pad(month)}-${pad(day)}`
}

const londonFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' })

/** The date in London at an instant: 23:30 UTC on 30 June is already 1 July in London (BST); on 30 December it is not. */
export function londonDate(instant: Date): IsoDate {
  const parts = Object.fromEntries(londonFormat.formatToParts(instant).map((p) => [p.type, p.value]))
  return `${parts.year}-${parts.month}-${parts.day}`
}
