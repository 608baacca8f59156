// Organisers type times as a London clock shows them; the database keeps instants. These turn one
// into the other across the clock change (BST starts 01:00 UTC on the last Sunday of March and ends
// 01:00 UTC on the last Sunday of October) without the server's own zone taking part.
import { londonWallClockAt } from '../../../lib/london-clock.ts'

const twoDigits = (n: number) => String(n).padStart(2, '0')

/** The London wall clock at an instant: { date: '2026-03-29', time: '10:00' }. */
export function londonClock(instant: Date): { date: string; time: string } {
  const w = londonWallClockAt(instant)
  return { date: `${w.year}-${twoDigits(w.month)}-${twoDigits(w.day)}`, time: `${twoDigits(w.hour)}:${twoDigits(w.minute)}` }
}

/** Minutes London is ahead of UTC at an instant: 0 (GMT) or 60 (BST). */
export function londonOffsetMinutes(instant: Date): number {
  const { date, time } = londonClock(instant)
  const wall = Date.parse(`${date}T${time}:00Z`)
  return Math.round((wall - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000)
}

/**
 * The instant a London clock shows `date` `time`, or null when no such time exists (the hour skipped
 * in March) or the input is not a date and time. An hour shown twice (October) is the first one.
 */
export function fromLondon(date: string, time: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return null
  const asUtc = new Date(`${date}T${time}:00Z`)
  if (Number.isNaN(asUtc.getTime()) || asUtc.toISOString().slice(0, 10) !== date) return null
  for (const offset of [60, 0]) {
    const candidate = new Date(asUtc.getTime() - offset * 60_000)
    const shown = londonClock(candidate)
    if (shown.date === date && shown.time === time) return candidate
  }
  return null
}

/** 'BST' or 'GMT': the zone's name at an instant, as people in the UK say it. */
export const londonZone = (instant: Date): 'BST' | 'GMT' => (londonOffsetMinutes(instant) === 60 ? 'BST' : 'GMT')

/**
 * Whether a page should name the zone beside the times: for anything online (people join from
 * elsewhere), and when the event runs across a clock change (its times are in two zones).
 */
export function zoneMatters(event: { online: boolean; startsAt: Date; endsAt: Date }): boolean {
  return event.online || londonZone(event.startsAt) !== londonZone(event.endsAt)
}
