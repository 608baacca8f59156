import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checkCancellation, checkPayment, dateOfInput, settledMessage, type PaymentForm } from './invoice-forms.ts'

const today = '2027-03-01'
const invoice = { issuedOn: '2026-09-01' }
const form = (over: Partial<PaymentForm> = {}): PaymentForm => ({
  amount: '1250.00',
  day: '15',
  month: '10',
  year: '2026',
  method: 'bacs',
  reference: '',
  ...over,
})
const errorsOf = (over: Partial<PaymentForm>) => {
  const result = checkPayment(form(over), invoice, today)
  return result.ok ? [] : result.errors.map((e) => [e.field, e.message, ...(e.values ? [e.values] : [])])
}

describe('recording a payment', () => {
  it('reads a good form as pence, a date, a method and a reference', () => {
    assert.deepEqual(checkPayment(form({ amount: '£1,250.5', reference: '  BACS 123 ' }), invoice, today), {
      ok: true,
      value: { pence: 125_050, paidOn: '2026-10-15', method: 'bacs', reference: 'BACS 123' },
    })
    assert.deepEqual(checkPayment(form({ day: '1', month: '9' }), invoice, today), {
      ok: true,
      value: { pence: 125_000, paidOn: '2026-09-01', method: 'bacs', reference: null },
    })
  })

  const cases: Array<[string, Partial<PaymentForm>, unknown[][]]> = [
    ['no amount', { amount: ' ' }, [['amount', 'invoices.errors.amountRequired']]],
    ['an amount in words', { amount: 'twelve' }, [['amount', 'invoices.errors.amountFormat']]],
    ['fractions of a penny', { amount: '12.345' }, [['amount', 'invoices.errors.amountFormat']]],
    ['nothing paid', { amount: '0.00' }, [['amount', 'invoices.errors.amountPositive']]],
    ['a negative amount', { amount: '-5' }, [['amount', 'invoices.errors.amountPositive']]],
    ['more than a million pounds', { amount: '1000000.01' }, [['amount', 'invoices.errors.amountTooLarge', { max: '1,000,000.00' }]]],
    ['an amount past what a number holds', { amount: '9'.repeat(30) }, [['amount', 'invoices.errors.amountTooLarge', { max: '1,000,000.00' }]]],
    ['no date', { day: '', month: '', year: '' }, [['paidOn-day', 'invoices.errors.paidOnRequired']]],
    ['a date without its month', { month: '' }, [['paidOn-month', 'invoices.errors.paidOnMissing.month']]],
    ['a date without its year', { year: ' ' }, [['paidOn-year', 'invoices.errors.paidOnMissing.year']]],
    ['a day in words', { day: 'first' }, [['paidOn-day', 'invoices.errors.paidOnReal']]],
    ['a month past 12', { month: '13' }, [['paidOn-day', 'invoices.errors.paidOnReal']]],
    ['29 February in a common year', { day: '29', month: '2', year: '2027' }, [['paidOn-day', 'invoices.errors.paidOnReal']]],
    ['a two-digit year', { year: '26' }, [['paidOn-year', 'invoices.errors.paidOnYear']]],
    ['tomorrow', { day: '2', month: '3', year: '2027' }, [['paidOn-day', 'invoices.errors.paidOnFuture']]],
    ['the day before the invoice', { day: '31', month: '8', year: '2026' }, [['paidOn-day', 'invoices.errors.paidOnBeforeIssue', { date: '2026-09-01' }]]],
    ['no method', { method: '' }, [['method', 'invoices.errors.methodRequired']]],
    ['a method not on the list', { method: 'bitcoin' }, [['method', 'invoices.errors.methodRequired']]],
    ['a very long reference', { reference: 'r'.repeat(201) }, [['reference', 'invoices.errors.referenceTooLong', { max: 200 }]]],
    [
      'everything wrong at once, in the order of the form',
      { amount: '', day: '', month: '', year: '', method: '' },
      [
        ['amount', 'invoices.errors.amountRequired'],
        ['paidOn-day', 'invoices.errors.paidOnRequired'],
        ['method', 'invoices.errors.methodRequired'],
      ],
    ],
  ]
  for (const [name, over, expected] of cases) it(`refuses ${name}`, () => assert.deepEqual(errorsOf(over), expected))

  it('accepts today and the day of issue', () => {
    assert.equal(checkPayment(form({ day: '1', month: '3', year: '2027' }), invoice, today).ok, true)
    assert.equal(checkPayment(form({ day: '01', month: '09', year: '2026' }), invoice, today).ok, true)
  })
})

describe('a GOV.UK date input', () => {
  const table: Array<[[string, string, string], unknown]> = [
    [['29', '2', '2028'], '2028-02-29'],
    [[' 5 ', ' 4 ', ' 2026 '], '2026-04-05'],
    [['31', '4', '2026'], { field: 'paidOn-day', message: 'invoices.errors.paidOnReal' }],
    [['', '4', '2026'], { field: 'paidOn-day', message: 'invoices.errors.paidOnMissing.day' }],
    [['1', 'x', '2026'], { field: 'paidOn-month', message: 'invoices.errors.paidOnReal' }],
  ]
  for (const [[d, m, y], expected] of table) it(`reads ${d}/${m}/${y}`, () => assert.deepEqual(dateOfInput(d, m, y), expected))
})

describe('cancelling', () => {
  it('needs a reason of at most 2000 characters', () => {
    assert.deepEqual(checkCancellation('  Sent twice  '), { ok: true, value: { reason: 'Sent twice' } })
    assert.deepEqual(checkCancellation(' \n '), { ok: false, reason: 'invalid', errors: [{ field: 'reason', message: 'invoices.errors.reasonRequired' }] })
    assert.deepEqual(checkCancellation('x'.repeat(2001)), {
      ok: false,
      reason: 'invalid',
      errors: [{ field: 'reason', message: 'invoices.errors.reasonTooLong', values: { max: 2000 } }],
    })
  })

  it('says why a paid or cancelled invoice is settled', () => {
    assert.deepEqual(['issued', 'paid', 'cancelled'].map(settledMessage), [null, 'invoices.refused.alreadyPaid', 'invoices.refused.alreadyCancelled'])
  })
})
