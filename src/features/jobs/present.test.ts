import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { attemptsOf, dataOf, errorOf } from './present.ts'

describe('scheduled work as the admin page shows it', () => {
  it('counts the tries made: none before the first start, then pg-boss’s retries plus one', () => {
    const started = new Date()
    const cases: Array<[Date | null, number, number]> = [
      [null, 0, 0],
      [started, 0, 1],
      [started, 1, 2],
      [started, 6, 7],
    ]
    for (const [startedOn, retryCount, tries] of cases) assert.equal(attemptsOf({ startedOn, retryCount }), tries, `${String(startedOn)} ${retryCount}`)
  })

  it('finds the error in each shape pg-boss stores it', () => {
    const cases: Array<[unknown, string | null]> = [
      [{ name: 'Error', message: 'connect ECONNREFUSED 127.0.0.1:25', stack: 'Error: …\n at x' }, 'connect ECONNREFUSED 127.0.0.1:25'],
      [{ value: { message: 'job failed by timeout in active state' } }, 'job failed by timeout in active state'],
      [{ value: 'pg-boss shut down while active' }, 'pg-boss shut down while active'],
      [{ value: 42 }, null],
      [null, null],
      ['text', null],
    ]
    for (const [output, error] of cases) assert.equal(errorOf(output), error, JSON.stringify(output))
  })

  it('shows what a job was sent with only when it says something, and not at length', () => {
    const cases: Array<[unknown, string]> = [
      [{}, ''],
      [null, ''],
      [{ date: '2026-12-06' }, '{"date":"2026-12-06"}'],
      [{ ids: Array.from({ length: 60 }, (_, i) => i) }, `${JSON.stringify({ ids: Array.from({ length: 60 }, (_, i) => i) }).slice(0, 119)}…`],
    ]
    for (const [data, shown] of cases) assert.equal(dataOf(data), shown, JSON.stringify(data))
  })
})
