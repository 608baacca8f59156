import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { londonInstant, londonWallClockAt } from './london-time.ts'

describe('times in London', () => {
  const cases: Array<[string, [number, number, number, number, number], string | null]> = [
    ['winter is UTC', [2026, 12, 1, 9, 0], '2026-12-01T09:00:00.000Z'],
    ['summer is an hour ahead', [2027, 6, 1, 9, 0], '2027-06-01T08:00:00.000Z'],
    ['midnight in summer is the evening before in UTC', [2027, 6, 1, 0, 0], '2027-05-31T23:00:00.000Z'],
    ['the last minute of a day', [2027, 3, 20, 23, 59], '2027-03-20T23:59:00.000Z'],
    ['the clocks go forward: 01:30 does not exist, read as 02:30', [2027, 3, 28, 1, 30], '2027-03-28T01:30:00.000Z'],
    ['the clocks go back: 01:30 happens twice, the second (GMT) is taken', [2027, 10, 31, 1, 30], '2027-10-31T01:30:00.000Z'],
    ['30 February is not a date', [2027, 2, 30, 9, 0], null],
    ['25:00 is not a time', [2027, 2, 3, 25, 0], null],
  ]
  for (const [name, [year, month, day, hour, minute], expected] of cases) {
    it(name, () => assert.equal(londonInstant({ year, month, day, hour, minute })?.toISOString() ?? null, expected))
  }
  it('reads back the clock it was given', () => {
    assert.deepEqual(londonWallClockAt(new Date('2027-06-01T08:00:00Z')), { year: 2027, month: 6, day: 1, hour: 9, minute: 0 })
  })
})
