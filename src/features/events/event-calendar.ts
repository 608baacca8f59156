// Events and sessions as calendar entries: the one place that decides what a calendar file says,
// for the public files (no personal data) and the files sent to registrants.
import type { events as eventsTable, eventSessions } from '../../db/schema/index.ts'
import type { CalendarEntry } from './calendar.ts'

type EventLike = typeof eventsTable.$inferSelect
type SessionLike = typeof eventSessions.$inferSelect

export const placeOf = (e: Pick<EventLike, 'venueName' | 'venueAddress' | 'online'>, onlineWord: string) =>
  [e.venueName, e.venueAddress.replace(/\s*\n\s*/g, ', '), e.online ? onlineWord : ''].filter((part) => part.trim()).join(', ')

export function eventEntry(e: EventLike, site: string, onlineWord: string): CalendarEntry {
  return {
    key: `event-${e.id}`,
    sequence: e.sequence,
    title: e.title,
    description: e.summary,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    location: placeOf(e, onlineWord),
    url: `${site}/events/${e.slug}`,
    cancelled: e.status === 'cancelled',
    updatedAt: e.updatedAt,
  }
}

export function sessionEntry(s: SessionLike, e: EventLike, site: string, onlineWord: string): CalendarEntry {
  return {
    key: `event-${e.id}-session-${s.id}`,
    // A session moves when its event does: both numbers only grow, so their sum does too.
    sequence: s.sequence + e.sequence,
    title: `${s.title} (${e.title})`,
    description: s.description,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    location: [s.room, placeOf(e, onlineWord)].filter(Boolean).join(', '),
    url: `${site}/events/${e.slug}`,
    cancelled: e.status === 'cancelled',
    updatedAt: e.updatedAt,
  }
}
