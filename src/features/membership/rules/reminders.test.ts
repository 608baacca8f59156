import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { defaultReminderSettings, dueReminders, type ReminderInvoice, type ReminderState } from './reminders.ts'
import { addDays } from './subscription-year.ts'

const joining: ReminderInvoice = { id: 1, year: 2026, kind: 'joining', issuedOn: '2026-09-10', dueOn: '2026-10-10', paidOn: '2026-10-01' }
const renewal: ReminderInvoice = { id: 2, year: 2027, kind: 'renewal', issuedOn: '2027-09-01', dueOn: '2027-10-01' }
const council = (extra: Partial<ReminderState> = {}): ReminderState => ({
  membershipId: 7,
  tier: 'full',
  asksForPoNumber: true,
  membership: { appliedOn: '2026-08-20', decidedOn: '2026-09-10', decision: 'approved' },
  invoices: [joining],
  ...extra,
})
const keysOn = (state: ReminderState, today: string) => dueReminders(state, today, defaultReminderSettings).map((r) => r.dedupeKey)

describe('reminders due on a day', () => {
  const table: Array<[string, ReminderState, string, string[]]> = [
    ['nothing while current before the notice date', council(), '2027-06-30', []],
    ['the renewal notice from 1 July', council(), '2027-07-01', ['renewal-notice:membership:7:2027']],
    ['no PO reminder before the notice has gone', council(), '2027-08-01', ['renewal-notice:membership:7:2027']],
    [
      'the PO reminder once the notice has gone, from 1 August',
      council({ sent: new Set(['renewal-notice:membership:7:2027']) }),
      '2027-08-01',
      ['po-number-missing:membership:7:2027'],
    ],
    ['not before 1 August', council({ sent: new Set(['renewal-notice:membership:7:2027']) }), '2027-07-31', []],
    [
      'none with a PO number given through the link',
      council({ sent: new Set(['renewal-notice:membership:7:2027']), poNumbers: { 2027: 'PO-88' } }),
      '2027-08-02',
      [],
    ],
    ['none for a Supporter', council({ tier: 'supporter', asksForPoNumber: false, sent: new Set(['renewal-notice:membership:7:2027']) }), '2027-08-02', []],
    ['no notice once next year is invoiced', council({ invoices: [joining, { ...renewal, poNumber: 'PO-1' }] }), '2027-09-02', []],
    [
      'a PO reminder for an invoice issued without one',
      council({ invoices: [joining, renewal], sent: new Set(['renewal-notice:membership:7:2027']) }),
      '2027-09-02',
      ['po-number-missing:membership:7:2027'],
    ],
    ['the renewal run late: the notice still due in September', council(), '2027-09-05', ['renewal-notice:membership:7:2027']],
    ['unpaid 30 days after issue', council({ invoices: [joining, { ...renewal, poNumber: 'PO-1' }] }), '2027-10-01', ['unpaid-30:invoice:2']],
    ['not at 29 days', council({ invoices: [joining, { ...renewal, poNumber: 'PO-1' }] }), '2027-09-30', []],
    ['unpaid 60 days after issue, not 30 as well', council({ invoices: [joining, { ...renewal, poNumber: 'PO-1' }] }), '2027-10-31', ['unpaid-60:invoice:2']],
    [
      'the lapse notice, not the unpaid ones',
      council({ invoices: [joining, { ...renewal, poNumber: 'PO-1' }] }),
      '2027-12-31',
      ['lapse:membership:7:2027-12-31'],
    ],
    ['the same lapse a month later (a job down since Christmas)', council({ invoices: [joining, renewal] }), '2028-01-31', ['lapse:membership:7:2027-12-31']],
    ['nothing once paid', council({ invoices: [joining, { ...renewal, paidOn: '2027-10-20' }] }), '2027-11-15', []],
    [
      'nothing once resigned',
      council({ membership: { appliedOn: '2026-08-20', decidedOn: '2026-09-10', decision: 'approved', resignedOn: '2027-06-01' } }),
      '2027-07-02',
      [],
    ],
    ['nothing to an applicant', council({ membership: { appliedOn: '2026-08-20' }, invoices: [] }), '2026-12-01', []],
    ['a new member’s unpaid first invoice', council({ invoices: [{ ...joining, paidOn: null }] }), '2026-10-10', ['unpaid-30:invoice:1']],
    ['no chasing a £0 invoice', council({ invoices: [{ ...joining, paidOn: null, amount: 0 }] }), '2026-12-10', []],
    [
      'no chasing a cancelled invoice',
      council({ invoices: [joining, { ...renewal, cancelledOn: '2027-09-10' }], poNumbers: { 2027: 'PO' } }),
      '2027-10-15',
      ['renewal-notice:membership:7:2027'],
    ],
    [
      'no renewal notice for the year a member joined ahead of',
      council({
        membership: { appliedOn: '2026-07-01', decidedOn: '2026-08-01', decision: 'approved' },
        invoices: [{ ...joining, issuedOn: '2026-08-01', dueOn: '2026-08-31', paidOn: '2026-08-10' }],
      }),
      '2026-08-20',
      [],
    ],
  ]
  for (const [name, state, today, keys] of table) it(name, () => assert.deepEqual(keysOn(state, today), keys))

  it('leave out what was already sent', () => {
    const state = council({ invoices: [joining, { ...renewal, poNumber: 'PO-1' }], sent: new Set(['unpaid-30:invoice:2']) })
    assert.deepEqual(keysOn(state, '2027-10-05'), [])
    assert.deepEqual(keysOn(state, '2027-10-31'), ['unpaid-60:invoice:2'])
  })

  it('say when each became due and what it is about', () => {
    assert.deepEqual(dueReminders(council({ invoices: [joining, { ...renewal, poNumber: 'PO-1' }] }), '2027-11-20'), [
      { kind: 'unpaid-60', dedupeKey: 'unpaid-60:invoice:2', membershipId: 7, invoiceId: 2, year: 2027, dueSince: '2027-10-31' },
    ])
  })

  it('send each reminder once over a year of daily runs, and the same after a week-long outage', () => {
    const runYear = (skip: (day: string) => boolean) => {
      const sent = new Set<string>()
      const invoices: ReminderInvoice[] = [joining]
      for (let day = '2027-06-01'; day <= '2028-03-01'; day = addDays(day, 1)) {
        if (day === '2027-09-01') invoices.push({ ...renewal }) // the renewal run
        if (skip(day)) continue
        // Two instances run the same day: the second finds everything stored.
        for (const instance of [1, 2]) {
          for (const r of dueReminders(council({ invoices, sent }), day)) {
            assert.ok(!sent.has(r.dedupeKey), `instance ${instance} sent ${r.dedupeKey} twice`)
            sent.add(r.dedupeKey)
          }
        }
      }
      return [...sent]
    }
    const everyDay = runYear(() => false)
    assert.deepEqual(everyDay, [
      'renewal-notice:membership:7:2027',
      'po-number-missing:membership:7:2027',
      'unpaid-30:invoice:2',
      'unpaid-60:invoice:2',
      'lapse:membership:7:2027-12-31',
    ])
    // Down from 25 October to 3 November: the 60-day reminder (due 31 October) goes once on the 4th.
    assert.deepEqual(
      runYear((day) => day >= '2027-10-25' && day <= '2027-11-03'),
      everyDay,
    )
    // Down from 25 September to 1 November: the 30-day reminder is overtaken by the 60-day one.
    assert.deepEqual(
      runYear((day) => day >= '2027-09-25' && day <= '2027-11-01'),
      everyDay.filter((k) => !k.startsWith('unpaid-30')),
    )
  })
})
