import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import ICAL from 'ical.js'
import { calendarFile, type CalendarEntry } from './calendar.ts'

const entry = (over: Partial<CalendarEntry> = {}): CalendarEntry => ({
  key: 'event-7',
  sequence: 0,
  title: 'Cynhadledd flynyddol: cydgynhyrchu gwasanaethau gyda’n trigolion ŵyr ŷd âêîôû',
  description: 'Diwrnod o weithdai. '.repeat(20),
  startsAt: new Date('2026-03-29T09:00:00Z'),
  endsAt: new Date('2026-03-29T16:00:00Z'),
  location: 'Neuadd y Ddinas, Caerdydd',
  url: 'https://example.org/events/annual',
  cancelled: false,
  updatedAt: new Date('2026-01-01T00:00:00Z'),
  ...over,
})

describe('calendar files', () => {
  it('folds every line at 75 octets, never inside a Welsh letter, and reads back in an independent parser', () => {
    const text = calendarFile([entry()], { name: 'Events', domain: 'example.org' })
    for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `${Buffer.byteLength(line)} octets: ${line}`)
    assert.ok(!text.includes('\uFFFD'))
    const calendar = new ICAL.Component(ICAL.parse(text))
    const [vevent] = calendar.getAllSubcomponents('vevent')
    const event = new ICAL.Event(vevent)
    assert.equal(event.summary, entry().title)
    assert.equal(event.uid, 'event-7@example.org')
    assert.equal(event.startDate.toJSDate().toISOString(), '2026-03-29T09:00:00.000Z')
    assert.equal(event.location, 'Neuadd y Ddinas, Caerdydd')
    assert.equal(vevent!.getFirstPropertyValue('status'), 'CONFIRMED')
    assert.equal(vevent!.getFirstPropertyValue('sequence'), 0)
  })

  it('marks a cancelled event and carries its sequence', () => {
    const text = calendarFile([entry({ cancelled: true, sequence: 3 })], { name: 'Events', domain: 'example.org', method: 'request' })
    const calendar = new ICAL.Component(ICAL.parse(text))
    assert.equal(calendar.getFirstPropertyValue('method'), 'REQUEST')
    const vevent = calendar.getFirstSubcomponent('vevent')!
    assert.equal(vevent.getFirstPropertyValue('status'), 'CANCELLED')
    assert.equal(vevent.getFirstPropertyValue('sequence'), 3)
  })
})
