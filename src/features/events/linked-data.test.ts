import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eventJsonLd, londonIso, postalAddress, type EventFacts } from './linked-data.ts'

const facts = (over: Partial<EventFacts> = {}): EventFacts => ({
  slug: 'spring-summit',
  title: 'Spring summit',
  summary: 'A day of co-production.',
  description: '',
  status: 'published',
  startsAt: new Date('2026-06-10T08:00:00Z'),
  endsAt: new Date('2026-06-10T15:00:00Z'),
  venueName: 'Northbrook Civic Hall',
  venueAddress: '1 Market Street\nNorthbrook NB1 1AA',
  online: false,
  sequence: 0,
  sessions: [],
  ...over,
})

describe('events as schema.org data', () => {
  it('writes instants on the London clock with their offset, either side of the clock change', () => {
    for (const [instant, expected] of [
      ['2026-06-10T08:00:00Z', '2026-06-10T09:00:00+01:00'],
      ['2026-01-15T09:30:00Z', '2026-01-15T09:30:00+00:00'],
      ['2026-03-29T00:59:00Z', '2026-03-29T00:59:00+00:00'],
      ['2026-03-29T01:00:00Z', '2026-03-29T02:00:00+01:00'],
      ['2026-10-25T00:30:00Z', '2026-10-25T01:30:00+01:00'],
      ['2026-10-25T01:30:00Z', '2026-10-25T01:30:00+00:00'],
    ] as const) {
      assert.equal(londonIso(new Date(instant)), expected, instant)
      assert.equal(new Date(londonIso(new Date(instant))).toISOString(), new Date(instant).toISOString(), 'the same instant')
    }
  })

  it('reads a postcode at the end of an address, and keeps an address without one whole', () => {
    const table: Array<[string, Record<string, string>]> = [
      [
        '1 Market Street\nNorthbrook NB1 1AA',
        { '@type': 'PostalAddress', streetAddress: '1 Market Street', addressLocality: 'Northbrook', postalCode: 'NB1 1AA', addressCountry: 'GB' },
      ],
      ['Town Hall\nCardiff\ncf10 3nd', { '@type': 'PostalAddress', streetAddress: 'Town Hall, Cardiff', postalCode: 'CF10 3ND', addressCountry: 'GB' }],
      ['The Guildhall, Leeds', { '@type': 'PostalAddress', streetAddress: 'The Guildhall, Leeds', addressCountry: 'GB' }],
    ]
    for (const [text, expected] of table) assert.deepEqual(postalAddress(text), expected, text)
  })

  it('says how people attend and whether the event goes ahead', () => {
    const table: Array<[Partial<EventFacts>, string, string, string[]]> = [
      [{}, 'OfflineEventAttendanceMode', 'EventScheduled', ['Place']],
      [{ online: true, venueName: '' }, 'OnlineEventAttendanceMode', 'EventScheduled', ['VirtualLocation']],
      [{ online: true }, 'MixedEventAttendanceMode', 'EventScheduled', ['Place', 'VirtualLocation']],
      [{ sequence: 1 }, 'OfflineEventAttendanceMode', 'EventRescheduled', ['Place']],
      [{ status: 'cancelled', sequence: 1 }, 'OfflineEventAttendanceMode', 'EventCancelled', ['Place']],
    ]
    for (const [over, mode, status, places] of table) {
      const data = eventJsonLd(facts(over), 'https://hub.example', 'The Network')
      assert.equal(data.eventAttendanceMode, `https://schema.org/${mode}`)
      assert.equal(data.eventStatus, `https://schema.org/${status}`)
      const location = [data.location].flat() as Array<Record<string, unknown>>
      assert.deepEqual(
        location.map((l) => l['@type']),
        places,
      )
      if (places.includes('VirtualLocation')) assert.equal(location.at(-1)!.url, 'https://hub.example/events/spring-summit')
    }
  })

  it('gives sessions as sub-events, and a description from the text when there is no summary', () => {
    const data = eventJsonLd(
      facts({
        summary: '',
        description: '## About\n\nWe **share** what works.',
        sessions: [{ title: 'Opening', description: '', startsAt: new Date('2026-06-10T08:00:00Z'), endsAt: new Date('2026-06-10T09:00:00Z') }],
      }),
      '',
      'The Network',
    )
    assert.equal(data.description, 'About We share what works.')
    assert.deepEqual(data.organizer, { '@type': 'Organization', name: 'The Network', url: '/' })
    const [session] = data.subEvent as Array<Record<string, unknown>>
    assert.equal(session!['@type'], 'Event')
    assert.equal(session!.startDate, '2026-06-10T09:00:00+01:00')
    assert.equal(session!.eventStatus, 'https://schema.org/EventScheduled')
  })
})
