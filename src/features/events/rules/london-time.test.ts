import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fromLondon, londonClock, londonZone, zoneMatters } from './london-time.ts'

describe('London times across the clock change', () => {
  for (const [date, time, utc] of [
    ['2026-03-28', '10:00', '2026-03-28T10:00:00.000Z'],
    // The last Sunday of March: clocks went forward at 01:00 UTC, so 10:00 is BST.
    ['2026-03-29', '10:00', '2026-03-29T09:00:00.000Z'],
    ['2026-03-29', '00:59', '2026-03-29T00:59:00.000Z'],
    ['2026-03-29', '02:00', '2026-03-29T01:00:00.000Z'],
    ['2026-10-24', '10:00', '2026-10-24T09:00:00.000Z'],
    // The last Sunday of October: back to GMT.
    ['2026-10-25', '10:00', '2026-10-25T10:00:00.000Z'],
    // 01:30 happens twice; the first (BST) is taken.
    ['2026-10-25', '01:30', '2026-10-25T00:30:00.000Z'],
    ['2027-03-28', '10:00', '2027-03-28T09:00:00.000Z'],
    ['2027-10-31', '10:00', '2027-10-31T10:00:00.000Z'],
  ] as const) {
    it(`${date} ${time} in London is ${utc}`, () => {
      const instant = fromLondon(date, time)
      assert.equal(instant?.toISOString(), utc)
      assert.deepEqual(londonClock(instant!), { date, time })
    })
  }

  it('has no 01:30 on the morning the clocks go forward, and refuses what is not a date and time', () => {
    for (const [date, time] of [
      ['2026-03-29', '01:30'],
      ['2026-02-30', '10:00'],
      ['2026-13-01', '10:00'],
      ['2026-05-01', '24:00'],
      ['2026-05-01', '9:00'],
      ['yesterday', '10:00'],
    ]) {
      assert.equal(fromLondon(date!, time!), null, `${date} ${time}`)
    }
  })

  it('names the zone when it matters: online, or across a change', () => {
    assert.equal(londonZone(new Date('2026-03-29T09:00:00Z')), 'BST')
    assert.equal(londonZone(new Date('2026-10-25T10:00:00Z')), 'GMT')
    const day = { startsAt: new Date('2026-06-10T09:00:00Z'), endsAt: new Date('2026-06-10T16:00:00Z') }
    assert.equal(zoneMatters({ ...day, online: false }), false)
    assert.equal(zoneMatters({ ...day, online: true }), true)
    assert.equal(zoneMatters({ online: false, startsAt: new Date('2026-10-24T09:00:00Z'), endsAt: new Date('2026-10-25T15:00:00Z') }), true)
  })
})
