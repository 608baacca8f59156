import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checkEventForm, checkSessionForm, movesEvent, readDay, readTime, type EventForm } from './event-form.ts'

const form = (over: Partial<EventForm> = {}): EventForm => ({
  revision: '1',
  title: ' Spring conference ',
  slug: '',
  kind: 'conference',
  status: 'published',
  summary: '',
  description: '',
  date: '2027-03-28',
  startTime: '10:00',
  endDate: '',
  endTime: '16:00',
  venueName: 'Civic Hall',
  venueAddress: '',
  online: false,
  joiningLink: '',
  accessibility: '',
  capacity: '100',
  perOrganisationCap: '',
  membersOnly: false,
  offerHours: '48',
  eraseNeedsAfterDays: '30',
  outcomes: '',
  principleIds: ['3'],
  callId: '',
  ...over,
})

describe('the event form', () => {
  it('reads days and times as people type them', () => {
    assert.equal(readDay('28/3/2027'), '2027-03-28')
    assert.equal(readDay('2027-3-8'), '2027-03-08')
    assert.equal(readDay('31/2/2027'), null)
    assert.equal(readTime('9.30'), '09:30')
    assert.equal(readTime('24:00'), null)
  })

  it('stores 10:00 on the last Sunday of March and of October at the right instant', () => {
    const march = checkEventForm(form({ date: '2027-03-28' }))
    assert.ok(march.ok)
    assert.equal(march.value.startsAt.toISOString(), '2027-03-28T09:00:00.000Z')
    const october = checkEventForm(form({ date: '31/10/2027' }))
    assert.ok(october.ok)
    assert.equal(october.value.startsAt.toISOString(), '2027-10-31T10:00:00.000Z')
    assert.equal(october.value.capacity, 100)
    assert.equal(october.value.perOrganisationCap, null)
  })

  for (const [name, over, field, message] of <Array<[string, Partial<EventForm>, string, string]>>[
    ['no title', { title: '' }, 'title', 'events.admin.errors.title'],
    ['an unknown kind', { kind: 'party' }, 'kind', 'events.admin.errors.kind'],
    ['a day that does not exist', { date: '30/2/2027' }, 'date', 'events.admin.errors.day'],
    ['a time the clocks skip', { date: '2027-03-28', startTime: '01:30' }, 'startTime', 'events.admin.errors.skippedHour'],
    ['an end before the start', { endTime: '09:00' }, 'endTime', 'events.admin.errors.endBeforeStart'],
    ['nowhere to be', { venueName: '', online: false }, 'venueName', 'events.admin.errors.place'],
    ['a negative capacity', { capacity: '-1' }, 'capacity', 'events.admin.errors.wholeNumber'],
    ['a cap of nought', { perOrganisationCap: '0' }, 'perOrganisationCap', 'events.admin.errors.wholeNumber'],
    ['a joining link that is not https', { online: true, joiningLink: 'javascript:alert(1)' }, 'joiningLink', 'events.admin.errors.link'],
    ['a bad address', { slug: 'Not A Slug' }, 'slug', 'events.admin.errors.slug'],
  ]) {
    it(`refuses ${name}`, () => {
      const result = checkEventForm(form(over))
      assert.equal(result.ok, false)
      if (!result.ok) assert.deepEqual([result.errors[0]!.field, result.errors[0]!.message], [field, message])
    })
  }

  it('knows a move in time or place from other edits', () => {
    const base = { startsAt: new Date(0), endsAt: new Date(1000), venueName: 'Hall', venueAddress: '', online: false }
    assert.equal(movesEvent(base, { ...base }), false)
    assert.equal(movesEvent(base, { ...base, venueName: 'Other hall' }), true)
    assert.equal(movesEvent(base, { ...base, startsAt: new Date(1) }), true)
  })

  it('checks a session’s times and capacity', () => {
    const ok = checkSessionForm({
      revision: '',
      title: 'Plenary',
      description: '',
      date: '2027-10-31',
      startTime: '10:00',
      endTime: '11:00',
      room: 'Hall',
      capacity: '',
      speakers: '',
      bidId: '',
    })
    assert.ok(ok.ok && ok.value.startsAt.toISOString() === '2027-10-31T10:00:00.000Z' && ok.value.capacity === null)
    const bad = checkSessionForm({
      revision: '',
      title: '',
      description: '',
      date: 'x',
      startTime: '10:00',
      endTime: '11:00',
      room: '',
      capacity: 'lots',
      speakers: '',
      bidId: 'x',
    })
    assert.ok(!bad.ok)
    if (!bad.ok)
      assert.deepEqual(
        bad.errors.map((e) => e.field),
        ['title', 'date', 'date', 'capacity', 'bidId'],
      )
  })
})
