import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { londonDate } from './subscription-year.ts'
import {
  defaultStatusSettings,
  dueDateFor,
  membershipStatus,
  renewalNoticeDate,
  statusKey,
  transition,
  type InvoiceFacts,
  type MembershipFacts,
  type MembershipStatus,
} from './status.ts'

const approved: MembershipFacts = { appliedOn: '2026-08-20', decidedOn: '2026-09-10', decision: 'approved' }
const joining: InvoiceFacts = { year: 2026, kind: 'joining', issuedOn: '2026-09-10', dueOn: '2026-10-10', paidOn: '2026-10-01' }
const renewal2027: InvoiceFacts = { year: 2027, kind: 'renewal', issuedOn: '2027-09-01', dueOn: '2027-10-01' }

type Row = [today: string, status: MembershipStatus, since: string, reason: string]
function table(name: string, membership: MembershipFacts, invoices: InvoiceFacts[], rows: Row[]): void {
  describe(name, () => {
    for (const [today, status, since, reason] of rows) {
      it(`on ${today}: ${status}`, () => {
        const result = membershipStatus(membership, invoices, today, defaultStatusSettings)
        assert.deepEqual([result.status, result.since, result.reason.key], [status, since, `membership.status.reason.${reason}`])
      })
    }
  })
}

table(
  'a council that applies, joins, pays and then stops paying',
  approved,
  [joining, renewal2027],
  [
    ['2026-08-25', 'applied', '2026-08-20', 'applied'],
    ['2026-09-09', 'applied', '2026-08-20', 'applied'], // decided on the 10th: not yet
    ['2026-09-10', 'approved', '2026-09-10', 'awaitingFirstPayment'],
    ['2026-09-30', 'approved', '2026-09-10', 'awaitingFirstPayment'],
    ['2026-10-01', 'current', '2026-10-01', 'paid'],
    ['2027-06-30', 'current', '2026-10-01', 'paid'],
    ['2027-07-01', 'renewal-due', '2027-07-01', 'renewalNoticeSent'],
    ['2027-08-31', 'renewal-due', '2027-07-01', 'renewalNoticeSent'],
    ['2027-09-01', 'renewal-due', '2027-07-01', 'renewalInvoiced'],
    ['2027-10-01', 'renewal-due', '2027-07-01', 'renewalInvoiced'], // the due date itself
    ['2027-10-02', 'overdue', '2027-10-02', 'overdue'],
    ['2027-12-30', 'overdue', '2027-10-02', 'overdue'], // 90 days after the due date
    ['2027-12-31', 'lapsed', '2027-12-31', 'lapsed'],
    ['2028-02-29', 'lapsed', '2027-12-31', 'lapsed'],
    ['2028-09-01', 'lapsed', '2027-12-31', 'yearMissed'], // a year on, still the same lapse
  ],
)

table(
  'a renewal paid late, inside the grace period, and next year paid early',
  approved,
  [joining, { ...renewal2027, paidOn: '2027-11-15' }, { year: 2028, kind: 'renewal', issuedOn: '2028-07-20', dueOn: '2028-08-19', paidOn: '2028-08-01' }],
  [
    ['2027-11-14', 'overdue', '2027-10-02', 'overdue'],
    ['2027-11-15', 'current', '2027-11-15', 'paid'],
    ['2028-07-01', 'renewal-due', '2028-07-01', 'renewalNoticeSent'],
    ['2028-08-01', 'current', '2028-08-01', 'paid'],
    ['2028-09-01', 'current', '2028-09-01', 'paid'],
  ],
)

table(
  'a lapsed membership restored by paying',
  approved,
  [joining, { ...renewal2027, paidOn: '2028-01-20' }],
  [
    ['2028-01-19', 'lapsed', '2027-12-31', 'lapsed'],
    ['2028-01-20', 'current', '2028-01-20', 'paid'],
  ],
)

table(
  'the renewal run late: no invoice, no arrears',
  approved,
  [joining],
  [
    ['2027-09-01', 'renewal-due', '2027-07-01', 'renewalNotInvoiced'],
    ['2028-01-31', 'renewal-due', '2027-07-01', 'renewalNotInvoiced'],
    ['2028-09-01', 'lapsed', '2028-09-01', 'yearMissed'], // never invoiced, never paid: gone when the year after starts
  ],
)

// A due date on 29 February 2028; the grace period crosses the last Sunday of March.
table(
  'a first invoice due on 29 February',
  { appliedOn: '2028-01-10', decidedOn: '2028-01-30', decision: 'approved' },
  [{ year: 2027, kind: 'joining', issuedOn: '2028-01-30', dueOn: '2028-02-29' }],
  [
    ['2028-02-28', 'approved', '2028-01-30', 'awaitingFirstPayment'],
    ['2028-02-29', 'approved', '2028-01-30', 'awaitingFirstPayment'],
    ['2028-03-01', 'overdue', '2028-03-01', 'overdue'],
    ['2028-05-29', 'overdue', '2028-03-01', 'overdue'],
    ['2028-05-30', 'lapsed', '2028-05-30', 'lapsed'],
  ],
)

table('an approved member with no invoice yet', approved, [], [['2026-12-01', 'approved', '2026-09-10', 'awaitingFirstInvoice']])

table(
  'joined in August for the year that starts in September',
  { appliedOn: '2026-07-01', decidedOn: '2026-08-01', decision: 'approved' },
  [{ year: 2026, kind: 'joining', issuedOn: '2026-08-01', dueOn: '2026-08-31', paidOn: '2026-08-10' }],
  [
    ['2026-08-09', 'approved', '2026-08-01', 'awaitingFirstPayment'],
    ['2026-08-10', 'current', '2026-08-10', 'paidAhead'],
    ['2026-09-01', 'current', '2026-09-01', 'paid'],
  ],
)

table(
  'free until September: a £0 joining invoice is paid on issue',
  approved,
  [{ year: 2026, kind: 'joining', issuedOn: '2027-01-15', dueOn: '2027-02-14', amount: 0 }],
  [
    ['2027-01-14', 'approved', '2026-09-10', 'awaitingFirstInvoice'],
    ['2027-01-15', 'current', '2027-01-15', 'paid'],
  ],
)

table(
  'a cancelled invoice counts for nothing',
  approved,
  [
    { ...joining, paidOn: null, cancelledOn: '2026-09-20' },
    { ...joining, issuedOn: '2026-09-20', dueOn: '2026-10-20', paidOn: null },
  ],
  [
    ['2026-09-19', 'approved', '2026-09-10', 'awaitingFirstPayment'],
    ['2026-10-15', 'approved', '2026-09-10', 'awaitingFirstPayment'], // the first was due on 10 October, but it is cancelled
    ['2026-10-21', 'overdue', '2026-10-21', 'overdue'],
  ],
)

table(
  'refused',
  { appliedOn: '2026-08-20', decidedOn: '2026-09-10', decision: 'refused' },
  [],
  [
    ['2026-09-09', 'applied', '2026-08-20', 'applied'],
    ['2026-09-10', 'refused', '2026-09-10', 'refused'],
  ],
)
table(
  'resigned, whatever is owed',
  { ...approved, resignedOn: '2027-03-31' },
  [joining, renewal2027],
  [
    ['2027-03-30', 'current', '2026-10-01', 'paid'],
    ['2027-03-31', 'resigned', '2027-03-31', 'resigned'],
    ['2027-12-31', 'resigned', '2027-03-31', 'resigned'],
  ],
)
table(
  'converted to a Full membership',
  { ...approved, convertedOn: '2027-01-15' },
  [joining],
  [
    ['2027-01-14', 'current', '2026-10-01', 'paid'],
    ['2027-01-15', 'converted', '2027-01-15', 'converted'],
  ],
)

describe('the clock change', () => {
  // Due on the last Sunday of March 2027 (28th) and the last Sunday of October 2027 (31st): the day
  // in London decides, whatever the hour in UTC.
  const march: InvoiceFacts = { year: 2026, kind: 'joining', issuedOn: '2027-02-26', dueOn: '2027-03-28' }
  const october: InvoiceFacts = { year: 2027, kind: 'renewal', issuedOn: '2027-10-01', dueOn: '2027-10-31' }
  const marchJoiner: MembershipFacts = { appliedOn: '2027-02-01', decidedOn: '2027-02-26', decision: 'approved' }
  const rows: Array<[string, MembershipFacts, InvoiceFacts[], MembershipStatus]> = [
    ['2027-03-27T23:30:00Z', marchJoiner, [march], 'approved'], // 23:30 GMT on the 27th
    ['2027-03-28T22:59:59Z', marchJoiner, [march], 'approved'], // 23:59 BST on the 28th
    ['2027-03-28T23:00:00Z', marchJoiner, [march], 'overdue'], // midnight BST: the 29th
    ['2027-10-30T23:30:00Z', approved, [joining, october], 'renewal-due'], // 00:30 BST on the 31st
    ['2027-10-31T23:59:59Z', approved, [joining, october], 'renewal-due'], // GMT again, still the 31st
    ['2027-11-01T00:00:00Z', approved, [joining, october], 'overdue'],
  ]
  for (const [instant, membership, invoices, status] of rows) {
    it(`at ${instant}: ${status}`, () => assert.equal(membershipStatus(membership, invoices, londonDate(new Date(instant))).status, status))
  }
})

describe('settings', () => {
  it('put the renewal notice inside the year it ends', () => {
    assert.equal(renewalNoticeDate(2026, defaultStatusSettings), '2027-07-01')
    assert.equal(
      renewalNoticeDate(2026, { ...defaultStatusSettings, yearStart: { month: 4, day: 1 }, renewalNoticeMonth: 2, renewalNoticeDay: 1 }),
      '2027-02-01',
    )
  })

  it('set an invoice’s due date by the payment terms', () => {
    assert.deepEqual(
      [dueDateFor('2027-09-01', defaultStatusSettings), dueDateFor('2028-01-30', defaultStatusSettings), dueDateFor('2027-09-01', { paymentTermsDays: 14 })],
      ['2027-10-01', '2028-02-29', '2027-09-15'],
    )
  })

  it('shorten or lengthen the grace period', () => {
    const statusOn = (today: string, graceDays: number) =>
      membershipStatus(approved, [joining, renewal2027], today, { ...defaultStatusSettings, graceDays }).status
    assert.deepEqual([statusOn('2027-10-02', 0), statusOn('2027-10-31', 30), statusOn('2027-11-01', 30)], ['lapsed', 'overdue', 'lapsed'])
  })

  it('name each status in the catalogue', () => {
    assert.deepEqual([statusKey('renewal-due'), statusKey('current')], ['membership.status.renewalDue', 'membership.status.current'])
  })
})

describe('transitions', () => {
  it('are recorded only when the status changes, dated when it did', () => {
    const lapsed = membershipStatus(approved, [joining, renewal2027], '2028-01-10') // the job was down since Christmas
    assert.deepEqual(transition('overdue', lapsed), { from: 'overdue', to: 'lapsed', reason: lapsed.reason, on: '2027-12-31' })
    assert.equal(transition('lapsed', lapsed), null)
    const first = membershipStatus(approved, [], '2026-08-25')
    assert.deepEqual(transition(null, first), { from: null, to: 'applied', reason: first.reason, on: '2026-08-20' })
  })

  it('walk a year day by day through each status once', () => {
    const seen: string[] = []
    let previous: MembershipStatus | null = null
    for (let day = new Date('2026-08-20T12:00:00Z'); day <= new Date('2028-01-31T12:00:00Z'); day = new Date(day.getTime() + 86_400_000)) {
      const change = transition(previous, membershipStatus(approved, [joining, renewal2027], londonDate(day)))
      if (change) {
        seen.push(`${change.on} ${change.to}`)
        previous = change.to
      }
    }
    assert.deepEqual(seen, [
      '2026-08-20 applied',
      '2026-09-10 approved',
      '2026-10-01 current',
      '2027-07-01 renewal-due',
      '2027-10-02 overdue',
      '2027-12-31 lapsed',
    ])
  })
})
