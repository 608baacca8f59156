// Scheduled work keeps Europe/London time: the network's working day, whatever the server's own
// time zone. A daily job works for "today" in London; these rules say which day that is.
import { createRequire } from 'node:module'

export const jobTimeZone = 'Europe/London'

// The cron parser pg-boss itself decides with, reached through pg-boss's own dependency (not one
// of ours): the next run shown on /admin/jobs is then the one pg-boss will take.
interface CronParser {
  parseExpression(cron: string, options: { tz: string; currentDate: Date }): { next(): { toDate(): Date }; prev(): { toDate(): Date } }
}
const requireFromPgBoss = createRequire(createRequire(import.meta.url).resolve('pg-boss'))
const cronParser = requireFromPgBoss('cron-parser') as CronParser

const londonDay = new Intl.DateTimeFormat('en-CA', { timeZone: jobTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' })

/** The date in London at an instant, as YYYY-MM-DD (en-CA writes dates that way). */
export function londonDate(instant: Date): string {
  return londonDay.format(instant)
}

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/

/** A real calendar date written YYYY-MM-DD (not 2026-02-30), or null. */
export function parseDay(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const match = isoDay.exec(value)
  if (!match) return null
  const [, y, m, d] = match.map(Number) as [number, number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? value : null
}

/**
 * The day a daily job works for. A job sent by hand says so (`{ date: 'YYYY-MM-DD' }`: catch-up
 * after an outage, tests). A job the cron sent carries no date: its day is the London date of
 * the moment it was created, which is its scheduled time (pg-boss creates it within a minute of
 * the cron's time) and which pg-boss keeps through every retry. So a 06:00 job that fails and is
 * retried after midnight still works for the day it was scheduled, not the next one. Schedules
 * keep clear of midnight (23:00–00:59) so that the minute's delay cannot change the day.
 */
export function dayOfJob(data: unknown, createdOn: Date): string {
  const given = data && typeof data === 'object' ? parseDay((data as Record<string, unknown>).date) : null
  return given ?? londonDate(createdOn)
}

/** The next `count` times a cron expression fires in London time after `from`. */
export function nextRuns(cron: string, from: Date, count = 1): Date[] {
  const runs = cronParser.parseExpression(cron, { tz: jobTimeZone, currentDate: from })
  return Array.from({ length: count }, () => runs.next().toDate())
}

/** The last time a cron expression fired in London time, at or before `at`. */
export function previousRun(cron: string, at: Date): Date {
  // cron-parser's prev() is strictly before its current date: a millisecond on counts `at` itself.
  return cronParser
    .parseExpression(cron, { tz: jobTimeZone, currentDate: new Date(at.getTime() + 1) })
    .prev()
    .toDate()
}
