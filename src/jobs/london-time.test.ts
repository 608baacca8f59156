import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { dayOfJob, londonDate, nextRuns, parseDay, previousRun } from './london-time.ts'

describe('London time for scheduled work', () => {
  it('gives the London date of an instant, across midnight and both clock changes', () => {
    const cases: Array<[string, string]> = [
      ['2026-12-06T23:59:59Z', '2026-12-06'], // winter: London is UTC
      ['2026-07-01T23:30:00Z', '2026-07-02'], // summer: 00:30 BST is already the next day
      ['2026-07-01T22:59:59Z', '2026-07-01'],
      ['2026-03-29T00:59:59Z', '2026-03-29'], // the spring change: 00:59 GMT, then 02:00 BST
      ['2026-10-24T23:30:00Z', '2026-10-25'], // 00:30 BST on the autumn change's day
      ['2028-02-29T12:00:00Z', '2028-02-29'],
    ]
    for (const [instant, day] of cases) assert.equal(londonDate(new Date(instant)), day, instant)
  })

  it('accepts only real dates written YYYY-MM-DD', () => {
    const cases: Array<[unknown, string | null]> = [
      ['2026-12-06', '2026-12-06'],
      ['2028-02-29', '2028-02-29'],
      ['2027-02-29', null],
      ['2026-13-01', null],
      ['2026-1-01', null],
      ['06/12/2026', null],
      [20261206, null],
      [null, null],
    ]
    for (const [value, day] of cases) assert.equal(parseDay(value), day, String(value))
  })

  it('works out the day a daily job is for: the date it was sent with, else the London date it was created', () => {
    const sixAmInJuly = new Date('2026-07-15T05:00:00Z')
    const cases: Array<[unknown, Date, string]> = [
      [{}, sixAmInJuly, '2026-07-15'],
      [null, sixAmInJuly, '2026-07-15'],
      [{ date: '2026-07-01' }, sixAmInJuly, '2026-07-01'],
      [{ date: 'yesterday' }, sixAmInJuly, '2026-07-15'],
      // Created at 23:30 BST on the 15th: a retry running after midnight still works for the 15th.
      [{}, new Date('2026-07-15T22:30:00Z'), '2026-07-15'],
    ]
    for (const [data, createdOn, day] of cases) assert.equal(dayOfJob(data, createdOn), day, `${JSON.stringify(data)} ${createdOn.toISOString()}`)
  })

  it('runs a 06:00 job at 06:00 London time, in summer and in winter, once on each clock-change day', () => {
    assert.deepEqual(
      nextRuns('0 6 * * *', new Date('2026-03-28T12:00:00Z'), 2).map((d) => d.toISOString()),
      ['2026-03-29T05:00:00.000Z', '2026-03-30T05:00:00.000Z'],
    )
    assert.deepEqual(
      nextRuns('0 6 * * *', new Date('2026-10-24T12:00:00Z'), 2).map((d) => d.toISOString()),
      ['2026-10-25T06:00:00.000Z', '2026-10-26T06:00:00.000Z'],
    )
  })

  it('runs a job set in the hour the clocks change once that day, neither skipped nor twice', () => {
    // 01:30 does not exist on 29 March 2026 (01:00 GMT becomes 02:00 BST) and happens twice on 25 October.
    const spring = nextRuns('30 1 * * *', new Date('2026-03-28T12:00:00Z'), 2).map((d) => d.toISOString())
    assert.deepEqual(spring, ['2026-03-29T01:30:00.000Z', '2026-03-30T00:30:00.000Z'])
    const autumn = nextRuns('30 1 * * *', new Date('2026-10-24T12:00:00Z'), 2).map((d) => d.toISOString())
    assert.deepEqual(autumn, ['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z'])
  })

  it('finds the last time a daily job was due, in London time', () => {
    const cases: Array<[string, string]> = [
      ['2026-07-15T04:59:59Z', '2026-07-14T05:00:00.000Z'], // 05:59 BST: yesterday's 06:00
      ['2026-07-15T05:00:00Z', '2026-07-15T05:00:00.000Z'], // 06:00 BST itself
      ['2026-12-15T05:30:00Z', '2026-12-14T06:00:00.000Z'], // 05:30 GMT
      ['2026-03-29T12:00:00Z', '2026-03-29T05:00:00.000Z'], // the spring change's day
    ]
    for (const [at, last] of cases) assert.equal(previousRun('0 6 * * *', new Date(at)).toISOString(), last, at)
  })
})
