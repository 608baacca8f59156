import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { agedDebt, type DebtInvoice } from './aged-debt.ts'

const today = '2027-03-01'
const invoice = (issuedOn: string, amount: number, extra: Partial<DebtInvoice> = {}): DebtInvoice => ({ amount, issuedOn, ...extra })

describe('aged debt', () => {
  it('puts each unpaid invoice in the bucket of its age, boundaries included', () => {
    const result = agedDebt(
      [
        invoice('2027-03-01', 100), // 0 days
        invoice('2027-01-30', 200), // 30 days
        invoice('2027-01-29', 400), // 31
        invoice('2026-12-31', 800), // 60
        invoice('2026-12-30', 1600), // 61
        invoice('2026-12-01', 3200), // 90
        invoice('2026-11-30', 6400), // 91
        invoice('2025-09-01', 12800), // a year and more
        invoice('2026-12-01', 99, { paidOn: '2027-02-01' }),
        invoice('2026-12-01', 99, { cancelledOn: '2027-02-01' }),
        invoice('2027-03-02', 99), // issued tomorrow
        invoice('2026-12-01', 0), // free
      ],
      today,
    )
    assert.deepEqual(
      result.buckets.map((b) => [b.label, b.pence, b.count]),
      [
        ['0-30', 300, 2],
        ['31-60', 1200, 2],
        ['61-90', 4800, 2],
        ['90+', 19200, 2],
      ],
    )
    assert.deepEqual(result.total, { pence: 25500, count: 8 })
  })

  it('counts an invoice paid after the day asked about as owed on it', () => {
    assert.equal(agedDebt([invoice('2027-01-01', 500, { paidOn: '2027-03-02' })], today).total.pence, 500)
  })

  it('ages across 29 February by calendar days', () => {
    // 31 January to 1 March 2028 is 30 days (February has 29); from 30 January, 31.
    assert.deepEqual(
      agedDebt([invoice('2028-01-31', 1)], '2028-03-01').buckets.map((b) => b.count),
      [1, 0, 0, 0],
    )
    assert.deepEqual(
      agedDebt([invoice('2028-01-30', 1)], '2028-03-01').buckets.map((b) => b.count),
      [0, 1, 0, 0],
    )
  })
})
