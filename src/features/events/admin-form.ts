// The organisers' forms read from a post, and filled from rows: strings in, strings out, so an
// invalid post shows exactly what was typed.
import { asForm, list, text } from '../../web/forms.ts'
import type { EventRow } from './queries.ts'
import { londonClock } from './rules/london-time.ts'
import type { EventForm, SessionForm } from './rules/event-form.ts'

export function readEventForm(body: unknown): EventForm {
  const f = asForm(body)
  return {
    revision: text(f, 'revision', 20),
    title: text(f, 'title', 1000),
    slug: text(f, 'slug', 200).trim(),
    kind: text(f, 'kind', 60),
    status: text(f, 'status', 20),
    summary: text(f, 'summary', 5000),
    description: text(f, 'description', 50_000),
    date: text(f, 'date', 40),
    startTime: text(f, 'startTime', 20),
    endDate: text(f, 'endDate', 40),
    endTime: text(f, 'endTime', 20),
    venueName: text(f, 'venueName', 1000),
    venueAddress: text(f, 'venueAddress', 5000),
    online: text(f, 'online', 5) === 'yes',
    joiningLink: text(f, 'joiningLink', 5000),
    accessibility: text(f, 'accessibility', 10_000),
    capacity: text(f, 'capacity', 20),
    perOrganisationCap: text(f, 'perOrganisationCap', 20),
    membersOnly: text(f, 'membersOnly', 5) === 'yes',
    offerHours: text(f, 'offerHours', 20),
    eraseNeedsAfterDays: text(f, 'eraseNeedsAfterDays', 20),
    outcomes: text(f, 'outcomes', 50_000),
    principleIds: list(f, 'principles', 50),
    callId: text(f, 'callId', 20).trim(),
  }
}

export const blankEventForm = (): EventForm => ({
  revision: '',
  title: '',
  slug: '',
  kind: 'conference',
  status: 'draft',
  summary: '',
  description: '',
  date: '',
  startTime: '',
  endDate: '',
  endTime: '',
  venueName: '',
  venueAddress: '',
  online: false,
  joiningLink: '',
  accessibility: '',
  capacity: '',
  perOrganisationCap: '',
  membersOnly: false,
  offerHours: '48',
  eraseNeedsAfterDays: '30',
  outcomes: '',
  principleIds: [],
  callId: '',
})

export function eventFormOf(e: EventRow): EventForm {
  const start = londonClock(e.startsAt)
  const end = londonClock(e.endsAt)
  return {
    revision: String(e.revision),
    title: e.title,
    slug: e.slug,
    kind: e.kind,
    status: e.status,
    summary: e.summary,
    description: e.description,
    date: start.date,
    startTime: start.time,
    endDate: end.date === start.date ? '' : end.date,
    endTime: end.time,
    venueName: e.venueName,
    venueAddress: e.venueAddress,
    online: e.online,
    joiningLink: e.joiningLink,
    accessibility: e.accessibility,
    capacity: e.capacity === null ? '' : String(e.capacity),
    perOrganisationCap: e.perOrganisationCap === null ? '' : String(e.perOrganisationCap),
    membersOnly: e.membersOnly,
    offerHours: String(e.offerHours),
    eraseNeedsAfterDays: String(e.eraseNeedsAfterDays),
    outcomes: e.outcomes,
    principleIds: e.principles.map((p) => String(p.id)),
    callId: e.callId === null ? '' : String(e.callId),
  }
}

export function readSessionForm(body: unknown): SessionForm {
  const f = asForm(body)
  return {
    revision: text(f, 'revision', 20),
    title: text(f, 'title', 1000),
    description: text(f, 'description', 10_000),
    date: text(f, 'date', 40),
    startTime: text(f, 'startTime', 20),
    endTime: text(f, 'endTime', 20),
    room: text(f, 'room', 1000),
    capacity: text(f, 'capacity', 20),
    speakers: text(f, 'speakers', 10_000),
    bidId: text(f, 'bidId', 20).trim(),
  }
}

export const blankSessionForm = (e: EventRow): SessionForm => ({
  revision: '',
  title: '',
  description: '',
  date: londonClock(e.startsAt).date,
  startTime: '',
  endTime: '',
  room: '',
  capacity: '',
  speakers: '',
  bidId: '',
})

export function sessionFormOf(s: EventRow['sessions'][number]): SessionForm {
  return {
    revision: String(s.revision),
    title: s.title,
    description: s.description,
    date: londonClock(s.startsAt).date,
    startTime: londonClock(s.startsAt).time,
    endTime: londonClock(s.endsAt).time,
    room: s.room,
    capacity: s.capacity === null ? '' : String(s.capacity),
    speakers: s.speakers,
    bidId: s.bidId === null ? '' : String(s.bidId),
  }
}
