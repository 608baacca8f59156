// A vote opens and closes at times of day in London, whatever the server's clock zone or the
// season: 09:00 on 1 June is 08:00 UTC, on 1 December 09:00 UTC.

import { londonWallClockAt, type WallClock } from '../../../lib/london-clock.ts'

export { londonWallClockAt, type WallClock }

const asUtc = (w: WallClock): number => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute)

/**
 * The instant a London clock shows a date and time, or null when the date is not a real one. A
 * time the clocks skip in spring (01:30 on the last Sunday of March) is read as the hour after, and one they show twice in autumn as the second.
 */
export function londonInstant(w: WallClock): Date | null {
  const utc = asUtc(w)
  const check = new Date(utc)
  if (check.getUTCFullYear() !== w.year || check.getUTCMonth() !== w.month - 1 || check.getUTCDate() !== w.day) return null
  if (w.hour < 0 || w.hour > 23 || w.minute < 0 || w.minute > 59) return null
  // London is UTC or an hour ahead of it: try the offset of the guess, then of the result.
  const offsetAt = (instant: number) => asUtc(londonWallClockAt(new Date(instant))) - instant
  const first = utc - offsetAt(utc)
  return new Date(utc - offsetAt(first))
}
