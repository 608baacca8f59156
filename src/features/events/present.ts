// Events as pages show them: days and times on a London clock (with the zone where it matters),
// kinds and statuses in the page's language, Markdown made safe. Templates get these, never rows.
import type { EventKind, EventStatus, MaterialKind } from '../../db/schema/events.ts'
import type { Translate } from '../../i18n/catalogue.ts'
import type { Formatter } from '../../i18n/format.ts'
import type { Locale } from '../../i18n/locales.ts'
import { renderMarkdown } from '../../web/markdown.ts'
import type { EventRow, listPublicEvents } from './queries.ts'
import { speakerLines } from './rules/clashes.ts'
import { londonClock, londonZone, zoneMatters } from './rules/london-time.ts'

type Principle = { slug: string; shortName: string; shortNameCy: string | null }
const principleName = (locale: Locale, p: Principle) => (locale === 'cy' && p.shortNameCy ? p.shortNameCy : p.shortName)

export const eventKindText = (t: Translate, kind: EventKind) => t(`events.kind.${kind}`)

/** "10:00" or "10:00 BST": the zone is named only when the event says it matters. */
function timeText(instant: Date, withZone: boolean): string {
  const { time } = londonClock(instant)
  return withZone ? `${time} ${londonZone(instant)}` : time
}

/** "Sunday 29 March 2026, 10:00 to 16:00" (the end's day too when it is another day). */
export function whenText(t: Translate, format: Formatter, event: { startsAt: Date; endsAt: Date; online: boolean }): string {
  const withZone = zoneMatters(event)
  const sameDay = londonClock(event.startsAt).date === londonClock(event.endsAt).date
  return sameDay
    ? t('events.when.sameDay', { day: format.date(event.startsAt), from: timeText(event.startsAt, withZone), to: timeText(event.endsAt, withZone) })
    : t('events.when.days', {
        fromDay: format.date(event.startsAt),
        from: timeText(event.startsAt, withZone),
        toDay: format.date(event.endsAt),
        to: timeText(event.endsAt, withZone),
      })
}

const statusTag = (t: Translate, status: EventStatus) => (status === 'cancelled' ? { text: t('events.status.cancelled'), classes: 'govuk-tag--red' } : null)

type Listed = Awaited<ReturnType<typeof listPublicEvents>>['upcoming'][number]

export function presentListedEvent(t: Translate, format: Formatter, e: Listed) {
  return {
    slug: e.slug,
    title: e.title,
    summary: e.summary,
    kind: eventKindText(t, e.kind),
    when: whenText(t, format, e),
    where: [e.venueName, e.online ? t('events.online') : ''].filter(Boolean).join(' · '),
    membersOnly: e.membersOnly,
    tag: statusTag(t, e.status),
  }
}

const materialKindText = (t: Translate, kind: MaterialKind) => t(`events.material.${kind}`)

/** The event's page. `past`: the event has ended, so materials and outcomes are shown. */
export function presentEvent(t: Translate, format: Formatter, locale: Locale, event: EventRow, now: Date) {
  const withZone = zoneMatters(event)
  const past = event.endsAt < now
  const full = event.capacity !== null && event.taken >= event.capacity
  return {
    id: event.id,
    slug: event.slug,
    title: event.title,
    summary: event.summary,
    kind: eventKindText(t, event.kind),
    cancelled: event.status === 'cancelled',
    tag: statusTag(t, event.status),
    when: whenText(t, format, event),
    venueName: event.venueName,
    venueAddress: event.venueAddress.split('\n').filter((l) => l.trim()),
    online: event.online,
    accessibility: event.accessibility,
    descriptionHtml: event.description.trim() ? renderMarkdown(event.description) : '',
    membersOnly: event.membersOnly,
    past,
    open: !past && event.status === 'published',
    full,
    placesLeft: event.capacity === null ? null : Math.max(0, event.capacity - event.taken),
    principles: event.principles.map((p) => ({ name: principleName(locale, p), href: `/events?principle=${p.slug}` })),
    sessions: event.sessions.map((s) => ({
      id: s.id,
      title: s.title,
      description: s.description,
      time: `${timeText(s.startsAt, withZone)}–${timeText(s.endsAt, withZone)}`,
      day: format.date(s.startsAt),
      room: s.room,
      speakers: speakerLines(s.speakers),
      principles: s.principles.map((p) => principleName(locale, p)),
      caseStudy: s.caseStudySlug && s.caseStudyStatus === 'published' ? { title: s.caseStudyTitle, href: `/case-studies/${s.caseStudySlug}` } : null,
      full: s.capacity !== null && s.taken >= s.capacity,
      capacity: s.capacity,
    })),
    materials: past
      ? event.materials.map((m) => ({
          kind: materialKindText(t, m.kind),
          title: m.title,
          // An uploaded file is served from the event's own address.
          url: m.url || `/events/${event.slug}/materials/${m.id}`,
          session: event.sessions.find((s) => s.id === m.sessionId)?.title ?? null,
        }))
      : [],
    outcomesHtml: past && event.outcomes.trim() ? renderMarkdown(event.outcomes) : '',
  }
}
