// Calendar files (RFC 5545) through ical-generator, which folds lines at 75 octets (Welsh letters
// such as ŵ are two or three octets each; a generator folding by characters would break them).
// Times are written in UTC, so no VTIMEZONE is needed and the clock change cannot shift them.
import { ICalCalendarMethod, ICalEventStatus, default as ical } from 'ical-generator'

export interface CalendarEntry {
  /** Stable for the life of the event or session: `event-12` or `event-12-session-40`. */
  key: string
  sequence: number
  title: string
  description: string
  startsAt: Date
  endsAt: Date
  location: string
  url: string
  cancelled: boolean
  updatedAt: Date
}

export interface CalendarOptions {
  name: string
  /** The domain part of each UID: the site's host, so UIDs differ between networks. */
  domain: string
  /** `REQUEST` for a file sent to a registrant (a change replaces the entry), `PUBLISH` for feeds. */
  method?: 'publish' | 'request'
}

export function calendarFile(entries: CalendarEntry[], options: CalendarOptions): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'coophub', product: 'events', language: 'EN' },
    method: options.method === 'request' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.PUBLISH,
  })
  for (const entry of entries) {
    calendar.createEvent({
      id: `${entry.key}@${options.domain}`,
      sequence: entry.sequence,
      start: entry.startsAt,
      end: entry.endsAt,
      stamp: entry.updatedAt,
      summary: entry.title,
      description: entry.description,
      location: entry.location || null,
      url: entry.url,
      status: entry.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    })
  }
  return calendar.toString()
}

/** The UID's domain from the site's address (its host), or a fixed one when none is configured. */
export const calendarDomain = (publicUrl: string | undefined): string => {
  try {
    return publicUrl ? new URL(publicUrl).host : 'coophub.local'
  } catch {
    return 'coophub.local'
  }
}
