import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  addDays,
  dateInYear,
  daysBetween,
  isIsoDate,
  londonDate,
  subscriptionYearOf,
  wholeMonthsRemaining,
  yearBounds,
  yearLabel,
} from './subscription-year.ts'

describe('the subscription year', () => {
  const years: Array<[string, number, number?, number?]> = [
    ['2026-09-01', 2026],
    ['2026-08-31', 2025],
    ['2027-08-31', 2026],
    ['2027-01-15', 2026],
    ['2028-02-29', 2027],
    ['2026-04-05', 2025, 4, 6],
    ['2026-04-06', 2026, 4, 6],
    ['2026-01-01', 2026, 1, 1],
    ['2025-12-31', 2025, 1, 1],
  ]
  for (const [date, year, month, day] of years) {
    it(`${date} is in ${year}${month ? ` when years start on ${day}/${month}` : ''}`, () => assert.equal(subscriptionYearOf(date, month, day), year))
  }

  it('is labelled by its two calendar years', () => {
    assert.deepEqual([2026, 2027, 2099, 2009].map(yearLabel), ['2026/27', '2027/28', '2099/00', '2009/10'])
  })

  it('has bounds, a leap day inside when there is one', () => {
    assert.deepEqual(yearBounds(2026), { starts: '2026-09-01', ends: '2027-08-31' })
    assert.deepEqual(yearBounds(2027, { month: 3, day: 1 }), { starts: '2027-03-01', ends: '2028-02-29' })
    assert.deepEqual(yearBounds(2026, { month: 4, day: 6 }), { starts: '2026-04-06', ends: '2027-04-05' })
  })

  it('refuses a start day that some years lack, and a date that is not one', () => {
    assert.throws(() => yearBounds(2026, { month: 2, day: 29 }), RangeError)
    assert.throws(() => subscriptionYearOf('2027-02-29'), RangeError)
    assert.throws(() => subscriptionYearOf('1 Sep 2026'), RangeError)
  })
})

describe('whole months remaining', () => {
  const table: Array<[string, number, number]> = [
    // date, subscription year, months
    ['2026-09-01', 2026, 12],
    ['2026-08-20', 2026, 12], // approved before the year starts
    ['2026-09-02', 2026, 11],
    ['2026-10-01', 2026, 11],
    ['2027-01-01', 2026, 8],
    ['2027-01-15', 2026, 7], // the issue's example: February to August
    ['2027-08-01', 2026, 1],
    ['2027-08-02', 2026, 0],
    ['2027-08-31', 2026, 0],
    ['2027-09-01', 2026, 0], // the next year
    ['2028-02-28', 2027, 6],
    ['2028-02-29', 2027, 6], // leap day: March to August
    ['2028-03-01', 2027, 6],
    ['2028-03-02', 2027, 5],
  ]
  for (const [date, year, months] of table) it(`joining on ${date} leaves ${months} of ${year}`, () => assert.equal(wholeMonthsRemaining(date, year), months))

  it('counts from a configured start day', () => {
    assert.equal(wholeMonthsRemaining('2026-04-06', 2026, { month: 4, day: 6 }), 12)
    assert.equal(wholeMonthsRemaining('2026-05-06', 2026, { month: 4, day: 6 }), 11)
    assert.equal(wholeMonthsRemaining('2026-05-07', 2026, { month: 4, day: 6 }), 10)
    assert.equal(wholeMonthsRemaining('2027-03-06', 2026, { month: 4, day: 6 }), 1)
  })
})

describe('dates', () => {
  it('add days across month ends, leap days and the clock change', () => {
    const table: Array<[string, number, string]> = [
      ['2028-02-28', 1, '2028-02-29'],
      ['2028-02-29', 1, '2028-03-01'],
      ['2027-02-28', 1, '2027-03-01'],
      ['2026-03-28', 2, '2026-03-30'], // over the last Sunday of March
      ['2026-10-24', 2, '2026-10-26'], // over the last Sunday of October
      ['2026-09-01', 90, '2026-11-30'],
      ['2027-01-01', -1, '2026-12-31'],
    ]
    for (const [date, days, expected] of table) assert.equal(addDays(date, days), expected, `${date} + ${days}`)
  })

  it('count the days between', () => {
    assert.equal(daysBetween('2026-09-01', '2026-10-01'), 30)
    assert.equal(daysBetween('2028-02-01', '2028-03-01'), 29)
    assert.equal(daysBetween('2026-03-01', '2026-04-01'), 31) // a 23-hour day inside
    assert.equal(daysBetween('2026-10-01', '2026-09-01'), -30)
  })

  it('know a real date', () => {
    assert.deepEqual(['2028-02-29', '2027-02-29', '2026-13-01', '2026-9-1', '', 20260901].map(isIsoDate), [true, false, false, false, false, false])
  })

  it('place a day of the year inside a subscription year', () => {
    assert.equal(dateInYear(2026, 7, 1), '2027-07-01')
    assert.equal(dateInYear(2026, 9, 1), '2026-09-01')
    assert.equal(dateInYear(2026, 12, 25), '2026-12-25')
  })
})

describe('the date in London', () => {
  const table: Array<[string, string]> = [
    ['2026-06-30T23:30:00Z', '2026-07-01'], // BST: already 00:30 on 1 July
    ['2026-12-30T23:30:00Z', '2026-12-30'], // GMT
    ['2026-03-29T00:59:59Z', '2026-03-29'], // the last Sunday of March, before the clocks go forward
    ['2026-03-29T01:00:00Z', '2026-03-29'], // 02:00 BST
    ['2026-03-28T23:59:59Z', '2026-03-28'],
    ['2026-10-24T23:30:00Z', '2026-10-25'], // BST still: 00:30 on the last Sunday of October
    ['2026-10-25T00:30:00Z', '2026-10-25'], // 01:30 BST, then again at 01:00Z as 01:00 GMT
    ['2026-10-25T23:30:00Z', '2026-10-25'], // GMT again
    ['2028-02-28T23:59:59Z', '2028-02-28'],
    ['2028-02-29T00:00:00Z', '2028-02-29'],
    ['2027-08-31T23:00:00Z', '2027-09-01'], // midnight in London starts the subscription year
  ]
  for (const [instant, date] of table) it(`${instant} is ${date}`, () => assert.equal(londonDate(new Date(instant)), date))
})
