import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { askedForFeedback, checkFeedback, feedbackDue, summariseFeedback } from './feedback.ts'

describe('the feedback form after an event', () => {
  it('is due from the London day after the event ends, for a fortnight', () => {
    const cases: Array<[string, string, boolean]> = [
      ['2026-06-10T15:00:00Z', '2026-06-10T22:59:00Z', false],
      ['2026-06-10T15:00:00Z', '2026-06-10T23:00:00Z', true],
      ['2026-12-10T15:00:00Z', '2026-12-10T23:59:00Z', false],
      ['2026-12-10T15:00:00Z', '2026-12-11T07:00:00Z', true],
      ['2026-06-10T15:00:00Z', '2026-06-24T15:00:00Z', true],
      ['2026-06-10T15:00:00Z', '2026-06-24T15:00:01Z', false],
    ]
    for (const [ends, now, due] of cases) assert.equal(feedbackDue(new Date(ends), new Date(now)), due, `${ends} at ${now}`)
  })

  it('asks those marked as there, or everyone with a place when the sheet was not marked', () => {
    const cases: Array<[string, boolean | null, boolean]> = [
      ['confirmed', true, true],
      ['confirmed', false, false],
      ['confirmed', null, true],
      ['cancelled', null, false],
      ['waiting', null, false],
      ['offered', null, false],
      ['lapsed', null, false],
    ]
    for (const [status, attended, asked] of cases) assert.equal(askedForFeedback({ status, attended }), asked, `${status} ${attended}`)
  })

  it('needs a rating from 1 to 5; the rest is optional', () => {
    const cases: Array<[string, boolean]> = [
      ['', false],
      ['0', false],
      ['6', false],
      ['3.5', false],
      ['five', false],
      ['1', true],
      [' 5 ', true],
    ]
    for (const [rating, ok] of cases) assert.equal(checkFeedback({ rating, useful: '', improve: '', comments: '' }).ok, ok, rating)
    const long = checkFeedback({ rating: '4', useful: 'x'.repeat(5001), improve: '', comments: '' })
    assert.equal(long.ok, false)
    assert.deepEqual(!long.ok && long.errors.map((e) => e.field), ['useful'])
  })

  it('sums up the answers: counts, each rating, the average and what was said', () => {
    const s = summariseFeedback([
      { rating: 5, useful: 'The lab', improve: '', comments: '' },
      { rating: 4, useful: ' ', improve: 'More time', comments: 'Thanks' },
      { rating: null, useful: '', improve: '', comments: '' },
    ])
    assert.equal(s.asked, 3)
    assert.equal(s.answered, 2)
    assert.deepEqual(s.ratings, [
      { rating: 5, count: 1 },
      { rating: 4, count: 1 },
      { rating: 3, count: 0 },
      { rating: 2, count: 0 },
      { rating: 1, count: 0 },
    ])
    assert.equal(s.average, 4.5)
    assert.deepEqual(s.useful, ['The lab'])
    assert.deepEqual(s.improve, ['More time'])
    assert.deepEqual(s.comments, ['Thanks'])
    assert.equal(summariseFeedback([]).average, null)
  })
})
