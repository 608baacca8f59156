import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { emailRetryDue, maxEmailAttempts, nextEmailTry } from './retry-rules.ts'

const at = (iso: string) => new Date(iso)
const last = at('2026-12-06T10:00:00Z')

describe('when a failed email is tried again', () => {
  it('waits 5 minutes, 30 minutes, 2 hours and 12 hours, then stops', () => {
    const cases: Array<[number, string | null]> = [
      [1, '2026-12-06T10:05:00.000Z'],
      [2, '2026-12-06T10:30:00.000Z'],
      [3, '2026-12-06T12:00:00.000Z'],
      [4, '2026-12-06T22:00:00.000Z'],
      [5, null],
      [9, null],
    ]
    for (const [attempts, next] of cases)
      assert.equal(nextEmailTry({ status: 'failed', attempts, lastTouched: last })?.toISOString() ?? null, next, String(attempts))
    assert.equal(maxEmailAttempts, 5)
  })

  it('never tries a sent email again; tries a queued one never tried once its delivery is plainly lost', () => {
    const cases: Array<[{ status: 'queued' | 'sent' | 'failed'; attempts: number }, string | null]> = [
      [{ status: 'sent', attempts: 1 }, null],
      [{ status: 'queued', attempts: 0 }, '2026-12-06T10:05:00.000Z'],
      [{ status: 'queued', attempts: 1 }, null],
      // A failed email with no try counted (written by hand or by older code): as after its first.
      [{ status: 'failed', attempts: 0 }, '2026-12-06T10:05:00.000Z'],
    ]
    for (const [email, next] of cases) assert.equal(nextEmailTry({ ...email, lastTouched: last })?.toISOString() ?? null, next, JSON.stringify(email))
  })

  it('is due at its time, not a moment before', () => {
    const email = { status: 'failed' as const, attempts: 2, lastTouched: last }
    const cases: Array<[string, boolean]> = [
      ['2026-12-06T10:29:59.999Z', false],
      ['2026-12-06T10:30:00.000Z', true],
      ['2026-12-07T10:00:00.000Z', true],
    ]
    for (const [now, due] of cases) assert.equal(emailRetryDue(email, at(now)), due, now)
  })

  it('sends a lost email only within a day of its writing', () => {
    const lost = { status: 'queued' as const, attempts: 0, lastTouched: last }
    const cases: Array<[string, boolean]> = [
      ['2026-12-06T10:04:59.000Z', false],
      ['2026-12-06T10:05:00.000Z', true],
      ['2026-12-07T09:59:59.000Z', true],
      ['2026-12-07T10:00:00.000Z', false],
    ]
    for (const [now, due] of cases) assert.equal(emailRetryDue(lost, at(now)), due, now)
  })
})
