import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { callPhase, isBidEditable, statusChangeRefusal, submissionRefusal, type CallTimes } from './deadlines.ts'

const call = (status: CallTimes['status'] = 'open'): CallTimes => ({ status, opensOn: '2027-02-01', closesOn: '2027-03-20' })

describe('call deadlines', () => {
  const submissions: Array<[string, CallTimes, string, string | null]> = [
    ['open, mid-round', call(), '2027-03-01T12:00:00Z', null],
    ['open, the first minute of the opening day in London', call(), '2027-02-01T00:00:00Z', null],
    ['open, the day before it opens', call(), '2027-01-31T23:59:59Z', 'bids.deadline.notOpen'],
    ['the last minute of the closing day (GMT)', call(), '2027-03-20T23:59:59Z', null],
    ['a minute after midnight at the end of the closing day', call(), '2027-03-21T00:00:30Z', 'bids.deadline.closed'],
    // In summer London is an hour ahead: 23:30 UTC on the closing day is already the next day there.
    [
      'British Summer Time: 23:30 UTC is past midnight in London',
      { status: 'open', opensOn: '2027-06-01', closesOn: '2027-06-30' },
      '2027-06-30T23:30:00Z',
      'bids.deadline.closed',
    ],
    [
      'British Summer Time: 22:59 UTC is still the closing day',
      { status: 'open', opensOn: '2027-06-01', closesOn: '2027-06-30' },
      '2027-06-30T22:59:00Z',
      null,
    ],
    ['a draft call', call('draft'), '2027-03-01T12:00:00Z', 'bids.deadline.notOpen'],
    ['closed early by an administrator', call('closed'), '2027-03-01T12:00:00Z', 'bids.deadline.closed'],
    ['decided', call('decided'), '2027-03-01T12:00:00Z', 'bids.deadline.closed'],
  ]
  for (const [name, c, at, expected] of submissions) {
    it(`submission: ${name}`, () => assert.equal(submissionRefusal(c, new Date(at)), expected))
  }

  const editable: Array<[string, 'draft' | 'submitted' | 'withdrawn', string, boolean]> = [
    ['a draft before the close', 'draft', '2027-03-01T12:00:00Z', true],
    ['a submitted bid before the close', 'submitted', '2027-03-20T20:00:00Z', true],
    ['a submitted bid after the close', 'submitted', '2027-03-21T09:00:00Z', false],
    ['a withdrawn bid', 'withdrawn', '2027-03-01T12:00:00Z', false],
  ]
  for (const [name, status, at, expected] of editable) {
    it(`editable: ${name}`, () => assert.equal(isBidEditable(call(), { status }, new Date(at)), expected))
  }

  const phases: Array<[CallTimes, string, string]> = [
    [call(), '2027-03-01T12:00:00Z', 'open'],
    [call(), '2027-01-15T12:00:00Z', 'upcoming'],
    [call(), '2027-04-01T12:00:00Z', 'past'],
    [call('closed'), '2027-03-01T12:00:00Z', 'past'],
    [call('decided'), '2027-05-01T12:00:00Z', 'past'],
  ]
  for (const [c, at, expected] of phases) it(`phase of a ${c.status} call at ${at}: ${expected}`, () => assert.equal(callPhase(c, new Date(at)), expected))

  const changes: Array<[CallTimes['status'], 'open' | 'closed', string | null]> = [
    ['draft', 'open', null],
    ['closed', 'open', null],
    ['open', 'open', 'calls.errors.cannotOpen'],
    ['decided', 'open', 'calls.errors.cannotOpen'],
    ['open', 'closed', null],
    ['draft', 'closed', 'calls.errors.cannotClose'],
    ['decided', 'closed', 'calls.errors.cannotClose'],
  ]
  for (const [from, to, expected] of changes) it(`status: ${from} → ${to}`, () => assert.equal(statusChangeRefusal(from, to), expected))
})
