// The organisers' forms for an event and a session, checked before any row is read. Days and times
// are typed as a London clock shows them and become instants here (fromLondon), so an event at
// 10:00 on the day the clocks change is stored at the right instant.
import { eventKinds, eventStatuses, type EventKind, type EventStatus } from '../../../db/schema/events.ts'
import type { FieldError } from '../../../lib/result.ts'
import { fromLondon } from './london-time.ts'

export interface EventForm {
  revision: string
  title: string
  slug: string
  kind: string
  status: string
  summary: string
  description: string
  date: string
  startTime: string
  endDate: string
  endTime: string
  venueName: string
  venueAddress: string
  online: boolean
  joiningLink: string
  accessibility: string
  capacity: string
  perOrganisationCap: string
  membersOnly: boolean
  offerHours: string
  eraseNeedsAfterDays: string
  outcomes: string
  principleIds: string[]
  /** The call for sessions (a co-production call of kind event-session), or ''. */
  callId: string
}

export interface EventValues {
  title: string
  slug: string | null
  kind: EventKind
  status: EventStatus
  summary: string
  description: string
  startsAt: Date
  endsAt: Date
  venueName: string
  venueAddress: string
  online: boolean
  joiningLink: string
  accessibility: string
  capacity: number | null
  perOrganisationCap: number | null
  membersOnly: boolean
  offerHours: number
  eraseNeedsAfterDays: number
  outcomes: string
  principleIds: number[]
  callId: number | null
}

/** "2027-03-28" or "28/3/2027" as an ISO day, or null. */
export function readDay(text: string): string | null {
  const t = text.trim()
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t)
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t)
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : []
  if (!y || !m || !d) return null
  const day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`
  const check = new Date(`${day}T12:00:00Z`)
  return Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== day ? null : day
}

/** "9:30", "09:30" or "9.30" as "09:30", or null. */
export function readTime(text: string): string | null {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim())
  if (!m) return null
  const [h, min] = [Number(m[1]), Number(m[2])]
  return h <= 23 && min <= 59 ? `${String(h).padStart(2, '0')}:${m[2]}` : null
}

function whole(text: string, field: string, errors: FieldError[], options: { min: number; optional: boolean }): number | null {
  const t = text.trim()
  if (t === '' && options.optional) return null
  const n = Number(t)
  if (t === '' || !Number.isSafeInteger(n) || n < options.min || n > 100_000) {
    errors.push({ field, message: 'events.admin.errors.wholeNumber', values: { min: options.min } })
    return null
  }
  return n
}

/** A London day and time, with the field that is wrong when it cannot be one. */
export function instantOf(day: string, time: string, fields: { day: string; time: string }, errors: FieldError[]): Date | null {
  const d = readDay(day)
  const t = readTime(time)
  if (!d) errors.push({ field: fields.day, message: 'events.admin.errors.day' })
  if (!t) errors.push({ field: fields.time, message: 'events.admin.errors.time' })
  if (!d || !t) return null
  const instant = fromLondon(d, t)
  if (!instant) errors.push({ field: fields.time, message: 'events.admin.errors.skippedHour' })
  return instant
}

const longest: Array<[keyof EventForm, number]> = [
  ['title', 200],
  ['summary', 1000],
  ['description', 20_000],
  ['venueName', 200],
  ['venueAddress', 1000],
  ['joiningLink', 1000],
  ['accessibility', 4000],
  ['outcomes', 20_000],
]

export function checkEventForm(form: EventForm): { ok: true; value: EventValues } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  if (!form.title.trim()) errors.push({ field: 'title', message: 'events.admin.errors.title' })
  for (const [field, max] of longest) if (String(form[field]).length > max) errors.push({ field, message: 'events.register.errors.tooLong', values: { max } })
  const slug = form.slug.trim() || null
  if (slug !== null && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) errors.push({ field: 'slug', message: 'events.admin.errors.slug' })
  if (!(eventKinds as readonly string[]).includes(form.kind)) errors.push({ field: 'kind', message: 'events.admin.errors.kind' })
  if (!(eventStatuses as readonly string[]).includes(form.status)) errors.push({ field: 'status', message: 'events.admin.errors.status' })
  const startsAt = instantOf(form.date, form.startTime, { day: 'date', time: 'startTime' }, errors)
  const endsAt = instantOf(form.endDate.trim() || form.date, form.endTime, { day: form.endDate.trim() ? 'endDate' : 'date', time: 'endTime' }, errors)
  if (startsAt && endsAt && endsAt <= startsAt) errors.push({ field: 'endTime', message: 'events.admin.errors.endBeforeStart' })
  if (!form.venueName.trim() && !form.online) errors.push({ field: 'venueName', message: 'events.admin.errors.place' })
  if (form.joiningLink.trim() && !/^https:\/\/\S+$/.test(form.joiningLink.trim())) errors.push({ field: 'joiningLink', message: 'events.admin.errors.link' })
  const capacity = whole(form.capacity, 'capacity', errors, { min: 0, optional: true })
  const perOrganisationCap = whole(form.perOrganisationCap, 'perOrganisationCap', errors, { min: 1, optional: true })
  const offerHours = whole(form.offerHours, 'offerHours', errors, { min: 1, optional: false })
  const eraseNeedsAfterDays = whole(form.eraseNeedsAfterDays, 'eraseNeedsAfterDays', errors, { min: 0, optional: false })
  const principleIds = [...new Set(form.principleIds.map(Number))]
  if (principleIds.some((id) => !Number.isSafeInteger(id) || id <= 0)) errors.push({ field: 'principles', message: 'events.admin.errors.principles' })
  const callId = form.callId.trim() === '' ? null : Number(form.callId)
  if (callId !== null && (!Number.isSafeInteger(callId) || callId <= 0)) errors.push({ field: 'callId', message: 'events.admin.errors.call' })
  if (errors.length || !startsAt || !endsAt || offerHours === null || eraseNeedsAfterDays === null) return { ok: false, errors }
  return {
    ok: true,
    value: {
      title: form.title.trim(),
      slug,
      kind: form.kind as EventKind,
      status: form.status as EventStatus,
      summary: form.summary.trim(),
      description: form.description.trim(),
      startsAt,
      endsAt,
      venueName: form.venueName.trim(),
      venueAddress: form.venueAddress.trim(),
      online: form.online,
      joiningLink: form.joiningLink.trim(),
      accessibility: form.accessibility.trim(),
      capacity,
      perOrganisationCap,
      membersOnly: form.membersOnly,
      offerHours,
      eraseNeedsAfterDays,
      outcomes: form.outcomes.trim(),
      principleIds,
      callId,
    },
  }
}

/** Whether a change moves the event in time or place: calendars need a new SEQUENCE and registrants a new file. */
export function movesEvent(
  before: { startsAt: Date; endsAt: Date; venueName: string; venueAddress: string; online: boolean },
  after: { startsAt: Date; endsAt: Date; venueName: string; venueAddress: string; online: boolean },
): boolean {
  return (
    before.startsAt.getTime() !== after.startsAt.getTime() ||
    before.endsAt.getTime() !== after.endsAt.getTime() ||
    before.venueName !== after.venueName ||
    before.venueAddress !== after.venueAddress ||
    before.online !== after.online
  )
}

export interface SessionForm {
  revision: string
  title: string
  description: string
  date: string
  startTime: string
  endTime: string
  room: string
  capacity: string
  speakers: string
  bidId: string
}

export interface SessionValues {
  title: string
  description: string
  startsAt: Date
  endsAt: Date
  room: string
  capacity: number | null
  speakers: string
  bidId: number | null
}

export function checkSessionForm(form: SessionForm): { ok: true; value: SessionValues } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  if (!form.title.trim()) errors.push({ field: 'title', message: 'events.admin.errors.title' })
  if (form.title.length > 200) errors.push({ field: 'title', message: 'events.register.errors.tooLong', values: { max: 200 } })
  if (form.description.length > 4000) errors.push({ field: 'description', message: 'events.register.errors.tooLong', values: { max: 4000 } })
  if (form.speakers.length > 4000) errors.push({ field: 'speakers', message: 'events.register.errors.tooLong', values: { max: 4000 } })
  if (form.room.length > 200) errors.push({ field: 'room', message: 'events.register.errors.tooLong', values: { max: 200 } })
  const startsAt = instantOf(form.date, form.startTime, { day: 'date', time: 'startTime' }, errors)
  const endsAt = instantOf(form.date, form.endTime, { day: 'date', time: 'endTime' }, errors)
  if (startsAt && endsAt && endsAt <= startsAt) errors.push({ field: 'endTime', message: 'events.admin.errors.endBeforeStart' })
  const capacity = whole(form.capacity, 'capacity', errors, { min: 0, optional: true })
  let bidId: number | null = null
  if (form.bidId.trim()) {
    bidId = Number(form.bidId)
    if (!Number.isSafeInteger(bidId) || bidId <= 0) errors.push({ field: 'bidId', message: 'events.admin.errors.proposal' })
  }
  if (errors.length || !startsAt || !endsAt) return { ok: false, errors }
  return {
    ok: true,
    value: {
      title: form.title.trim(),
      description: form.description.trim(),
      startsAt,
      endsAt,
      room: form.room.trim(),
      capacity,
      speakers: form.speakers.trim(),
      bidId,
    },
  }
}
