import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseFeeSchedule, type FeeSchedule } from './fee-schedule.ts'
import { calculateFee, conversionCredit, formatPounds, joiningFee, parsePounds, poundsString, prorate, type Figures } from './fees.ts'

function schedule(json: object): FeeSchedule {
  const result = parseFeeSchedule({ year: 2026, currency: 'GBP', label: 'Test', joining: 'prorate', ...json })
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return result.value
}

const fixed = { associate: { fixed: '250.00' }, affiliate: { fixed: '500.00' }, supporter: { fixed: '50.00' } }
const byPopulation = schedule({
  tiers: {
    full: {
      measure: 'population',
      bands: [
        { label: 'Up to 150,000', upTo: 150000, fee: '1000.00' },
        { label: 'Up to 300,000', upTo: 300000, fee: '2500.00' },
        { label: 'Up to 600,000', upTo: 600000, fee: '3500.00' },
        { label: 'Over 600,000', upTo: null, fee: '6000.00' },
      ],
      minimum: '1200.00',
      maximum: '5000.00',
    },
    ...fixed,
  },
})
const byBudget = schedule({
  tiers: {
    full: {
      measure: 'budget',
      bands: [
        { label: 'Small', upTo: 100000000, fee: 1000 },
        { label: 'Large', upTo: null, fee: 3000 },
      ],
    },
    ...fixed,
  },
})
const greaterOf = schedule({
  tiers: {
    full: {
      measure: 'greater-of',
      bands: [
        { label: 'A', upToPopulation: 150000, upToBudget: 100000000, fee: 1000 },
        { label: 'B', upToPopulation: 300000, upToBudget: 300000000, fee: 2000 },
        { label: 'C', upToPopulation: null, upToBudget: null, fee: 3000 },
      ],
    },
    ...fixed,
  },
})
const million = 100_000_000 // £1m in pence

describe('the annual fee', () => {
  const table: Array<[string, FeeSchedule, Figures, number, string | null, string | null]> = [
    // name, schedule, figures, pence, band, limited by
    ['the smallest band, raised to the minimum', byPopulation, { population: 80000 }, 120000, 'Up to 150,000', 'minimum'],
    ['a band limit is inside its band', byPopulation, { population: 150000 }, 120000, 'Up to 150,000', 'minimum'],
    ['one over the limit is in the next band', byPopulation, { population: 150001 }, 250000, 'Up to 300,000', null],
    ['a middle band', byPopulation, { population: 450000 }, 350000, 'Up to 600,000', null],
    ['the open band, cut to the maximum', byPopulation, { population: 1100000 }, 500000, 'Over 600,000', 'maximum'],
    ['a budget figure ignored where population is the measure', byPopulation, { population: 200000, budgetPence: 1 }, 250000, 'Up to 300,000', null],
    ['by budget, small', byBudget, { budgetPence: million * 100 }, 100000, 'Small', null],
    ['by budget, a penny over', byBudget, { budgetPence: million * 100 + 1 }, 300000, 'Large', null],
    ['greater of: population the higher band', greaterOf, { population: 400000, budgetPence: million * 50 }, 300000, 'C', null],
    ['greater of: budget the higher band', greaterOf, { population: 100000, budgetPence: million * 200 }, 200000, 'B', null],
    ['greater of: the same band', greaterOf, { population: 100000, budgetPence: million * 50 }, 100000, 'A', null],
  ]
  for (const [name, s, figures, pence, band, limitedBy] of table) {
    it(name, () => assert.deepEqual(calculateFee(s, 'full', figures), { ok: true, value: { amount: pence, band, limitedBy } }))
  }

  it('is the fixed amount of a fixed tier, whatever the figures', () => {
    assert.deepEqual(calculateFee(byPopulation, 'associate'), { ok: true, value: { amount: 25000, band: null, limitedBy: null } })
    assert.deepEqual(calculateFee(byPopulation, 'supporter', { population: null }), { ok: true, value: { amount: 5000, band: null, limitedBy: null } })
  })

  const missing: Array<[string, FeeSchedule, Figures, string, string]> = [
    ['no population', byPopulation, {}, 'population', 'membership.fee.needsPopulation'],
    ['a population of null', byPopulation, { population: null, budgetPence: 5 }, 'population', 'membership.fee.needsPopulation'],
    ['no budget', byBudget, { population: 5 }, 'budget', 'membership.fee.needsBudget'],
    ['one of two figures', greaterOf, { population: 5 }, 'budget', 'membership.fee.needsPopulationAndBudget'],
    ['a population of nobody', byPopulation, { population: 0 }, 'population', 'membership.fee.populationNotPositive'],
    ['a population in decimals', byPopulation, { population: 1.5 }, 'population', 'membership.fee.populationNotPositive'],
    ['a negative budget', byBudget, { budgetPence: -1 }, 'budget', 'membership.fee.budgetNotPositive'],
  ]
  for (const [name, s, figures, field, key] of missing) {
    it(`names the figure it needs: ${name}`, () => {
      assert.deepEqual(calculateFee(s, 'full', figures), { ok: false, reason: 'invalid', errors: [{ field, message: key, values: { tier: 'full' } }] })
    })
  }

  it('follows the schedule of the year asked: a change for next year leaves this year alone', () => {
    const next = schedule({ year: 2027, tiers: { ...fixed, full: { fixed: '2000.00' }, associate: { fixed: '300.00' } } })
    const [thisYear, nextYear] = [byPopulation, next].map((s) => {
      const r = calculateFee(s, 'associate')
      return r.ok ? r.value.amount : null
    })
    assert.deepEqual([thisYear, nextYear], [25000, 30000])
  })
})

describe('proration', () => {
  const table: Array<[number, number, number]> = [
    // annual pence, months, pence
    [120000, 12, 120000],
    [120000, 7, 70000],
    [25000, 7, 14583], // 145.833…
    [25000, 5, 10417], // 104.166…
    [6, 1, 1], // half a penny, up
    [5, 1, 0],
    [100, 0, 0],
  ]
  for (const [annual, months, pence] of table) it(`${months} months of ${annual}p is ${pence}p`, () => assert.equal(prorate(annual, months), pence))

  it('refuses amounts that are not pence', () => {
    assert.throws(() => prorate(12.5, 6), RangeError)
    assert.throws(() => prorate(100, 13.5), RangeError)
  })
})

describe('the joining fee', () => {
  const policies = (joining: FeeSchedule['joining']) => ({ year: 2026, joining })
  const table: Array<[FeeSchedule['joining'], string, number, number]> = [
    // policy, joining date, pence, months
    ['prorate', '2026-09-01', 150000, 12],
    ['prorate', '2026-08-15', 150000, 12], // approved before the year starts
    ['prorate', '2027-01-15', 87500, 7],
    ['prorate', '2027-08-31', 0, 0],
    ['full-year', '2027-01-15', 150000, 7],
    ['free-until-september', '2027-01-15', 0, 7],
    ['free-until-september', '2026-09-01', 150000, 12],
  ]
  for (const [policy, date, amount, months] of table) {
    it(`${policy}, joining on ${date}`, () => assert.deepEqual(joiningFee(150000, date, policies(policy)), { amount, months, policy }))
  }

  it('counts a leap day as the start of March’s month, not February’s', () => {
    assert.deepEqual(joiningFee(120000, '2028-02-29', { year: 2027, joining: 'prorate' }), { amount: 60000, months: 6, policy: 'prorate' })
  })
})

describe('the conversion credit', () => {
  const table: Array<[number, string, number, number, number]> = [
    // associate pence, conversion date, year, months covered, credit pence
    [25000, '2026-09-01', 2026, 12, 25000],
    [25000, '2027-01-15', 2026, 12, 14583], // February to August of £250
    [25000, '2027-08-15', 2026, 12, 0],
    [14000, '2027-05-01', 2026, 7, 8000], // joined in January (7 months for £140), converts with 4 left: £80
    [14000, '2026-10-01', 2026, 7, 14000], // never more than was charged
  ]
  for (const [paid, date, year, covered, credit] of table) {
    it(`${paid}p for ${covered} months, converting on ${date}: ${credit}p`, () => assert.equal(conversionCredit(paid, date, year, undefined, covered), credit))
  }
})

describe('money as text', () => {
  const parsed: Array<[string, number | string]> = [
    ['1250.00', 125000],
    ['1250', 125000],
    ['1,250.5', 125050],
    ['£1,250.05', 125005],
    ['£ 12', 1200],
    [' 0.10 ', 10],
    ['0', 0],
    ['12,50', 'membership.money.notAmount'],
    ['1.001', 'membership.money.tooManyDecimals'],
    ['-5.00', 'membership.money.negative'],
    ['£-5', 'membership.money.negative'],
    ['', 'membership.money.required'],
    ['1e3', 'membership.money.notAmount'],
    ['99999999999999999', 'membership.money.tooLarge'],
  ]
  for (const [text, expected] of parsed) {
    it(`reads "${text}"`, () => {
      const result = parsePounds(text, 'amount')
      if (typeof expected === 'number') assert.deepEqual(result, { ok: true, value: expected })
      else assert.deepEqual(result, { ok: false, reason: 'invalid', errors: [{ field: 'amount', message: expected, values: { amount: text.trim() } }] })
    })
  }

  it('writes pounds for people and for files', () => {
    assert.deepEqual([125000, 5, 0, 123456789, -1250].map(formatPounds), ['1,250.00', '0.05', '0.00', '1,234,567.89', '-12.50'])
    assert.deepEqual([125000, 5, 0, 123456789, -1250].map(poundsString), ['1250.00', '0.05', '0.00', '1234567.89', '-12.50'])
    assert.throws(() => poundsString(0.5), RangeError)
  })

  it('round-trips every amount through its text', () => {
    for (const pence of [0, 1, 99, 100, 101, 999999, Number.MAX_SAFE_INTEGER]) {
      assert.deepEqual(parsePounds(poundsString(pence)), { ok: true, value: pence })
      assert.deepEqual(parsePounds(formatPounds(pence)), { ok: true, value: pence })
    }
  })
})
