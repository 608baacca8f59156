// An event as organisers make one, with optional sessions: straight rows, as the admin pages would write them.
import type { Database } from '../src/db/client.ts'
import { eventPrinciples, eventSessions, events, type EventKind } from '../src/db/schema/index.ts'

let n = 0

export interface EventOptions {
  title?: string
  slug?: string
  kind?: EventKind
  status?: 'draft' | 'published' | 'cancelled'
  startsAt?: Date
  endsAt?: Date
  capacity?: number | null
  perOrganisationCap?: number | null
  membersOnly?: boolean
  online?: boolean
  offerHours?: number
  principleIds?: number[]
  sessions?: Array<{ title: string; startsAt: Date; endsAt: Date; room?: string; capacity?: number | null; speakers?: string }>
}

const inDays = (days: number, hour = 10) => {
  const d = new Date()
  d.setUTCDate(d.getUTCDate() + days)
  d.setUTCHours(hour, 0, 0, 0)
  return d
}

export async function buildEvent(db: Database, options: EventOptions = {}) {
  n++
  const startsAt = options.startsAt ?? inDays(30, 9)
  const endsAt = options.endsAt ?? new Date(startsAt.getTime() + 7 * 3_600_000)
  const title = options.title ?? `Event ${n}`
  const [event] = await db
    .insert(events)
    .values({
      slug:
        options.slug ??
        `${title
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '')}-${n}`,
      title,
      kind: options.kind ?? 'conference',
      status: options.status ?? 'published',
      summary: `A day about ${title}.`,
      startsAt,
      endsAt,
      venueName: 'Northbrook Civic Hall',
      venueAddress: '1 Market Street\nNorthbrook NB1 1AA',
      online: options.online ?? false,
      accessibility: 'Step-free access; hearing loop in the main hall.',
      capacity: options.capacity === undefined ? null : options.capacity,
      perOrganisationCap: options.perOrganisationCap ?? null,
      membersOnly: options.membersOnly ?? false,
      offerHours: options.offerHours ?? 48,
    })
    .returning()
  for (const principleId of options.principleIds ?? []) await db.insert(eventPrinciples).values({ eventId: event!.id, principleId })
  const sessions = []
  for (const s of options.sessions ?? []) {
    const [row] = await db
      .insert(eventSessions)
      .values({
        eventId: event!.id,
        title: s.title,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        room: s.room ?? '',
        capacity: s.capacity ?? null,
        speakers: s.speakers ?? '',
      })
      .returning()
    sessions.push(row!)
  }
  return { event: event!, sessions }
}

export { inDays }
