import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { clashesOf, speakerLines, type PlacedSession } from './clashes.ts'

const t = (hm: string) => new Date(`2026-06-10T${hm}:00Z`)
const event = { startsAt: t('09:00'), endsAt: t('17:00') }
const s = (id: number | null, from: string, to: string, room: string, speakers: string[] = [], title = `S${id}`): PlacedSession => ({
  id,
  title,
  startsAt: t(from),
  endsAt: t(to),
  room,
  speakers,
})

describe('agenda clashes', () => {
  const agenda = [s(1, '10:00', '11:00', 'Room A', ['Ann Jones']), s(2, '11:00', '12:00', 'Room B', ['Bo Li'])]
  for (const [name, session, expected] of [
    ['no clash in another room', s(null, '10:00', '11:00', 'Room B'), []],
    ['back to back in one room is fine', s(null, '11:00', '11:30', 'Room A'), []],
    ['same room at once', s(null, '10:30', '11:30', 'room a', [], 'New'), [{ message: 'events.clash.room', values: { room: 'room a', other: 'S1' } }]],
    [
      'a speaker in two places',
      s(null, '11:30', '12:30', 'Room C', [' bo  li ']),
      [{ message: 'events.clash.speaker', values: { speaker: 'Bo Li', other: 'S2' } }],
    ],
    ['a session is never its own clash', s(1, '10:00', '11:00', 'Room A', ['Ann Jones']), []],
    ['outside the event', s(null, '08:00', '09:30', ''), [{ message: 'events.clash.outsideEvent', values: {} }]],
    ['no room given: no room clash', s(null, '10:00', '11:00', ''), []],
  ] as const) {
    it(name, () => assert.deepEqual(clashesOf(session, agenda, event), expected))
  }

  it('reads speakers as "Name, Organisation" lines', () => {
    assert.deepEqual(speakerLines('Ann Jones, Northbrook City Council\n\n Bo Li \r\nCarys Ap, Tenants, Wales'), [
      { name: 'Ann Jones', organisation: 'Northbrook City Council' },
      { name: 'Bo Li', organisation: '' },
      { name: 'Carys Ap', organisation: 'Tenants, Wales' },
    ])
  })
})
