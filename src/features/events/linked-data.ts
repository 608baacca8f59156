// An event as schema.org reads it (JSON-LD): an Event with its times on the London clock with their
// offset, whether it happens in a place, online or both, its status, and its sessions as sub-events.
// The joining link is for registrants only: the virtual location is the event's own page. Pure.
import { londonClock, londonOffsetMinutes } from './rules/london-time.ts'

export interface EventFacts {
  slug: string
  title: string
  summary: string
  description: string
  status: 'draft' | 'published' | 'cancelled'
  startsAt: Date
  endsAt: Date
  venueName: string
  venueAddress: string
  online: boolean
  /** Moved on by every move in time or place (and a cancellation): the calendar SEQUENCE. */
  sequence: number
  sessions: Array<{ title: string; description: string; startsAt: Date; endsAt: Date }>
}

/** '2026-03-29T10:00:00+01:00': the instant as a London clock shows it, with London's offset. */
export function londonIso(instant: Date): string {
  const { date, time } = londonClock(instant)
  const offset = londonOffsetMinutes(instant)
  const sign = offset < 0 ? '-' : '+'
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0')
  return `${date}T${time}:00${sign}${hours}:${minutes}`
}

// A UK postcode at the end of the address's last line ("Northbrook NB1 1AA").
const postcodeAtEnd = /\s*\b([A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})$/i

/** The address as organisers typed it (one part a line), as a PostalAddress. */
export function postalAddress(text: string): Record<string, string> {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  const last = lines.at(-1) ?? ''
  const postcode = postcodeAtEnd.exec(last)
  if (!postcode) return { '@type': 'PostalAddress', streetAddress: lines.join(', '), addressCountry: 'GB' }
  const locality = last.slice(0, postcode.index).trim()
  return {
    '@type': 'PostalAddress',
    ...(lines.length > 1 ? { streetAddress: lines.slice(0, -1).join(', ') } : {}),
    ...(locality ? { addressLocality: locality } : {}),
    postalCode: postcode[1]!.toUpperCase(),
    addressCountry: 'GB',
  }
}

const attendanceMode = (e: Pick<EventFacts, 'venueName' | 'online'>) =>
  `https://schema.org/${e.online ? (e.venueName.trim() ? 'Mixed' : 'Online') : 'Offline'}EventAttendanceMode`

// A live event whose calendar SEQUENCE has moved on was moved in time or place after it was saved:
// said to be rescheduled, since the time or place it left is not kept to tell the two apart.
const eventStatus = (e: Pick<EventFacts, 'status' | 'sequence'>) =>
  `https://schema.org/${e.status === 'cancelled' ? 'EventCancelled' : e.sequence > 0 ? 'EventRescheduled' : 'EventScheduled'}`

/** A short plain description: the summary, or the start of the description's text. */
function descriptionOf(e: Pick<EventFacts, 'summary' | 'description'>): string {
  if (e.summary.trim()) return e.summary.trim()
  const plain = e.description
    .replace(/[#*_`>[\]()!-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return plain.length > 300 ? `${plain.slice(0, 297)}…` : plain
}

export function eventJsonLd(e: EventFacts, base: string, networkName: string): Record<string, unknown> {
  const url = `${base}/events/${e.slug}`
  const location = [
    ...(e.venueName.trim() ? [{ '@type': 'Place', name: e.venueName, address: postalAddress(e.venueAddress || e.venueName) }] : []),
    ...(e.online ? [{ '@type': 'VirtualLocation', url }] : []),
  ]
  const organizer = { '@type': 'Organization', name: networkName, url: `${base}/` }
  // Sessions are read on the event's page, in the event's language, from its organiser.
  const shared = {
    url,
    // The network's events are written in English, whichever language the page is read in.
    inLanguage: 'en-GB',
    organizer,
    eventStatus: eventStatus(e),
    eventAttendanceMode: attendanceMode(e),
    // An event with neither a venue nor "online" yet says nothing about where.
    ...(location.length > 0 ? { location: location.length === 1 ? location[0] : location } : {}),
  }
  const description = descriptionOf(e)
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': url,
    name: e.title,
    ...(description ? { description } : {}),
    startDate: londonIso(e.startsAt),
    endDate: londonIso(e.endsAt),
    ...shared,
    ...(e.sessions.length > 0
      ? {
          subEvent: e.sessions.map((s) => ({
            '@type': 'Event',
            name: s.title,
            ...(s.description.trim() ? { description: s.description.trim() } : {}),
            startDate: londonIso(s.startsAt),
            endDate: londonIso(s.endsAt),
            ...shared,
          })),
        }
      : {}),
  }
}
