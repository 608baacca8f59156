import assert from 'node:assert/strict'
import { it } from 'node:test'
import { eq } from 'drizzle-orm'
import { parse } from 'node-html-parser'
import { describeEachDatabase } from '../../../test/app.ts'
import { buildEvent, inDays } from '../../../test/events.ts'
import { events } from '../../db/schema/index.ts'

// What an Event and what it holds must have to mean anything to a reader of the data (schema.org
// itself requires nothing; these follow what search engines ask of an event), as the insights
// feature checks its Article and organisations.
const required: Record<string, string[]> = {
  Event: ['name', 'startDate', 'endDate', 'eventStatus', 'eventAttendanceMode', 'location', 'organizer', 'inLanguage', 'url'],
  Place: ['name', 'address'],
  VirtualLocation: ['url'],
  PostalAddress: ['addressCountry'],
  Organization: ['name', 'url'],
}
const isoWithOffset = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/

function jsonLdOf(html: string): Record<string, unknown> {
  const scripts = parse(html).querySelectorAll('script[type="application/ld+json"]')
  assert.equal(scripts.length, 1)
  assert.ok(scripts[0]!.getAttribute('nonce'), 'nonced, as every script')
  return JSON.parse(scripts[0]!.text) as Record<string, unknown>
}

/** Every typed object in the data has its type's properties; dates carry their offset. */
function assertValid(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(assertValid)
  if (typeof node !== 'object' || node === null) return
  const data = node as Record<string, unknown>
  if (typeof data['@type'] === 'string') {
    const type = data['@type']
    assert.ok(required[type], `a known type: ${type}`)
    for (const property of required[type]) assert.ok(data[property] !== undefined && data[property] !== '', `${type}.${property}`)
    if (type === 'Event') for (const date of ['startDate', 'endDate']) assert.match(String(data[date]), isoWithOffset, `${type}.${date}`)
  }
  for (const [key, value] of Object.entries(data)) if (key !== '@context') assertValid(value)
}

describeEachDatabase('events: schema.org data on the event’s page', (get) => {
  it('describes an event with its sessions as an Event that a script cannot be closed from', async () => {
    const { app, handle } = get()
    const { event } = await buildEvent(handle.db, {
      title: 'Summit </script><b>of councils',
      online: true,
      sessions: [{ title: 'Opening plenary', startsAt: inDays(30, 9), endsAt: inDays(30, 10) }],
    })
    const res = await app.inject(`/events/${event.slug}`)
    assert.equal(res.statusCode, 200)
    assert.ok(!res.body.includes('</script><b>'), 'the title cannot close the script')
    const data = jsonLdOf(res.body)
    assert.equal(data['@context'], 'https://schema.org')
    assert.equal(data['@type'], 'Event')
    assertValid(data)
    assert.ok(data.description, 'the event itself is described (a session may not be)')
    assert.equal(data.name, 'Summit </script><b>of councils')
    assert.equal(data.eventAttendanceMode, 'https://schema.org/MixedEventAttendanceMode')
    assert.equal(data.eventStatus, 'https://schema.org/EventScheduled')
    assert.equal(data.inLanguage, 'en-GB')
    assert.equal(new Date(String(data.startDate)).getTime(), event.startsAt.getTime())
    assert.deepEqual(
      (data.location as Array<Record<string, unknown>>).map((l) => l['@type']),
      ['Place', 'VirtualLocation'],
    )
    assert.equal((data.subEvent as Array<Record<string, unknown>>)[0]!.name, 'Opening plenary')
    // The same data on the Welsh page: the event is written in English.
    assert.deepEqual(jsonLdOf((await app.inject(`/cy/events/${event.slug}`)).body), data)
  })

  it('says a cancelled event is cancelled, and a moved one rescheduled', async () => {
    const { app, handle } = get()
    const { event: cancelled } = await buildEvent(handle.db, { title: 'Called off day', status: 'cancelled' })
    assert.equal(jsonLdOf((await app.inject(`/events/${cancelled.slug}`)).body).eventStatus, 'https://schema.org/EventCancelled')
    const { event: moved } = await buildEvent(handle.db, { title: 'Moved day' })
    await handle.db.update(events).set({ sequence: 1 }).where(eq(events.id, moved.id))
    const data = jsonLdOf((await app.inject(`/events/${moved.slug}`)).body)
    assertValid(data)
    assert.equal(data.eventStatus, 'https://schema.org/EventRescheduled')
  })
})
