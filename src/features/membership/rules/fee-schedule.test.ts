import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { parseFeeSchedule, parseFeeScheduleText, type FeeSchedule } from './fee-schedule.ts'

const examplePath = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../../data/membership/example-fee-schedule.json')

/** A valid schedule to spoil one field at a time. */
const base = () => ({
  year: 2026,
  currency: 'GBP',
  label: 'Test fees',
  joining: 'prorate',
  tiers: {
    full: {
      measure: 'population',
      bands: [
        { label: 'Small', upTo: 150000, fee: '1500.00' },
        { label: 'Medium', upTo: 300000, fee: 2500 },
        { label: 'Large', upTo: null, fee: '4000' },
      ],
      minimum: '1000.00',
      maximum: '5000.00',
    },
    associate: { fixed: '250.00' },
    affiliate: { fixed: 500 },
    supporter: { fixed: '0' },
  } as Record<string, unknown>,
})

/** The [path, key] of each problem. */
function problems(json: unknown): Array<[string, string]> {
  const result = parseFeeSchedule(json)
  assert.equal(result.ok, false, 'expected the schedule to be refused')
  return result.ok ? [] : result.errors.map((e) => [e.field, e.message])
}

describe('parsing a fee schedule', () => {
  it('reads amounts in pounds as pence, bands in ascending order', () => {
    const result = parseFeeSchedule(base())
    assert.ok(result.ok)
    const expected: FeeSchedule = {
      year: 2026,
      currency: 'GBP',
      label: 'Test fees',
      example: false,
      joining: 'prorate',
      tiers: {
        full: {
          measure: 'population',
          bands: [
            { label: 'Small', upToPopulation: 150000, fee: 150000 },
            { label: 'Medium', upToPopulation: 300000, fee: 250000 },
            { label: 'Large', upToPopulation: null, fee: 400000 },
          ],
          minimum: 100000,
          maximum: 500000,
        },
        associate: { fixed: 25000 },
        affiliate: { fixed: 50000 },
        supporter: { fixed: 0 },
      },
    }
    assert.deepEqual(result.value, expected)
  })

  it('reads budget bands in pounds, and bands over both figures', () => {
    const json = base()
    json.tiers.full = {
      measure: 'budget',
      bands: [
        { label: 'A', upTo: '1000000.50', fee: 1 },
        { label: 'B', upTo: null, fee: 2 },
      ],
    }
    json.tiers.associate = {
      measure: 'greater-of',
      bands: [
        { label: 'A', upToPopulation: 1000, upToBudget: 500000, fee: 1 },
        { label: 'B', upToPopulation: null, upToBudget: null, fee: 2 },
      ],
    }
    const result = parseFeeSchedule(json)
    assert.ok(result.ok)
    assert.deepEqual(result.value.tiers.full, {
      measure: 'budget',
      bands: [
        { label: 'A', upToBudget: 100000050, fee: 100 },
        { label: 'B', upToBudget: null, fee: 200 },
      ],
      minimum: null,
      maximum: null,
    })
    assert.deepEqual(result.value.tiers.associate, {
      measure: 'greater-of',
      bands: [
        { label: 'A', upToPopulation: 1000, upToBudget: 50000000, fee: 100 },
        { label: 'B', upToPopulation: null, upToBudget: null, fee: 200 },
      ],
      minimum: null,
      maximum: null,
    })
  })

  const bad: Array<[string, (j: ReturnType<typeof base>) => unknown, Array<[string, string]>]> = [
    ['not an object', () => [], [['', 'membership.schedule.notObject']]],
    ['no year', (j) => ({ ...j, year: undefined }), [['year', 'membership.schedule.required']]],
    ['a year out of range', (j) => ({ ...j, year: 1989 }), [['year', 'membership.schedule.notYear']]],
    ['a year as text', (j) => ({ ...j, year: '2026' }), [['year', 'membership.schedule.notYear']]],
    ['another currency', (j) => ({ ...j, currency: 'EUR' }), [['currency', 'membership.schedule.notGbp']]],
    ['an empty label', (j) => ({ ...j, label: ' ' }), [['label', 'membership.schedule.notText']]],
    ['an unknown joining policy', (j) => ({ ...j, joining: 'pro-rata' }), [['joining', 'membership.schedule.notOneOf']]],
    ['"example" not true or false', (j) => ({ ...j, example: 'yes' }), [['example', 'membership.schedule.notBoolean']]],
    ['a misspelt field', (j) => ({ ...j, lable: 'x' }), [['lable', 'membership.schedule.unknownField']]],
    ['a tier missing', (j) => ({ ...j, tiers: { ...j.tiers, supporter: undefined } }), [['tiers.supporter', 'membership.schedule.required']]],
    ['a tier that is not one', (j) => ({ ...j, tiers: { ...j.tiers, gold: { fixed: 1 } } }), [['tiers.gold', 'membership.schedule.unknownField']]],
    [
      'three decimals',
      (j) => ({ ...j, tiers: { ...j.tiers, associate: { fixed: '250.001' } } }),
      [['tiers.associate.fixed', 'membership.money.tooManyDecimals']],
    ],
    [
      'a fractional JSON number',
      (j) => ({ ...j, tiers: { ...j.tiers, associate: { fixed: 250.5 } } }),
      [['tiers.associate.fixed', 'membership.schedule.amountNumberNotWhole']],
    ],
    ['a negative fee', (j) => ({ ...j, tiers: { ...j.tiers, associate: { fixed: '-250.00' } } }), [['tiers.associate.fixed', 'membership.money.negative']]],
    [
      'a fee that is not money',
      (j) => ({ ...j, tiers: { ...j.tiers, associate: { fixed: 'two hundred' } } }),
      [['tiers.associate.fixed', 'membership.money.notAmount']],
    ],
    [
      'fixed and bands at once',
      (j) => ({ ...j, tiers: { ...j.tiers, associate: { fixed: 1, bands: [] } } }),
      [
        ['tiers.associate', 'membership.schedule.tierFeeShape'],
        ['tiers.associate.bands', 'membership.schedule.unknownField'],
      ],
    ],
    [
      'an unknown measure',
      (j) => ({ ...j, tiers: { ...j.tiers, full: { measure: 'area', bands: [] } } }),
      [['tiers.full.measure', 'membership.schedule.notOneOf']],
    ],
    ['no bands', (j) => ({ ...j, tiers: { ...j.tiers, full: { measure: 'population', bands: [] } } }), [['tiers.full.bands', 'membership.schedule.noBands']]],
  ]
  for (const [name, spoil, expected] of bad) it(`refuses ${name}`, () => assert.deepEqual(problems(spoil(base())), expected))

  const withBands = (bands: unknown[], extra: object = {}) => {
    const j = base()
    j.tiers.full = { measure: 'population', bands, ...extra }
    return j
  }
  const badBands: Array<[string, unknown[], object, Array<[string, string]>]> = [
    [
      'bands not ascending',
      [
        { label: 'a', upTo: 300000, fee: 1 },
        { label: 'b', upTo: 150000, fee: 2 },
        { label: 'c', upTo: null, fee: 3 },
      ],
      {},
      [['tiers.full.bands[1].upTo', 'membership.schedule.notAscending']],
    ],
    [
      'the same limit twice',
      [
        { label: 'a', upTo: 1000, fee: 1 },
        { label: 'b', upTo: 1000, fee: 2 },
        { label: 'c', upTo: null, fee: 3 },
      ],
      {},
      [['tiers.full.bands[1].upTo', 'membership.schedule.notAscending']],
    ],
    [
      'the last band closed',
      [
        { label: 'a', upTo: 1000, fee: 1 },
        { label: 'b', upTo: 2000, fee: 2 },
      ],
      {},
      [['tiers.full.bands[1].upTo', 'membership.schedule.lastBandNotOpen']],
    ],
    [
      'an open band before the last',
      [
        { label: 'a', upTo: null, fee: 1 },
        { label: 'b', upTo: null, fee: 2 },
      ],
      {},
      [['tiers.full.bands[0].upTo', 'membership.schedule.openBandNotLast']],
    ],
    [
      'a limit missing',
      [
        { label: 'a', fee: 1 },
        { label: 'b', upTo: null, fee: 2 },
      ],
      {},
      [['tiers.full.bands[0].upTo', 'membership.schedule.required']],
    ],
    [
      'a population of people in decimals',
      [
        { label: 'a', upTo: 1000.5, fee: 1 },
        { label: 'b', upTo: null, fee: 2 },
      ],
      {},
      [['tiers.full.bands[0].upTo', 'membership.schedule.notPopulation']],
    ],
    [
      'a population of nobody',
      [
        { label: 'a', upTo: 0, fee: 1 },
        { label: 'b', upTo: null, fee: 2 },
      ],
      {},
      [['tiers.full.bands[0].upTo', 'membership.schedule.notPopulation']],
    ],
    [
      'a band without a fee or label',
      [{ upTo: 1000 }, { label: 'b', upTo: null, fee: 2 }],
      {},
      [
        ['tiers.full.bands[0].label', 'membership.schedule.required'],
        ['tiers.full.bands[0].fee', 'membership.schedule.required'],
      ],
    ],
    [
      'two bands of one label',
      [
        { label: 'Small', upTo: 1000, fee: 1 },
        { label: 'small', upTo: null, fee: 2 },
      ],
      {},
      [['tiers.full.bands[1].label', 'membership.schedule.duplicateLabel']],
    ],
    ['a band that is not an object', ['small', { label: 'b', upTo: null, fee: 2 }], {}, [['tiers.full.bands[0]', 'membership.schedule.notObject']]],
    [
      'a maximum below the minimum',
      [{ label: 'b', upTo: null, fee: 2 }],
      { minimum: '10', maximum: '5' },
      [['tiers.full.maximum', 'membership.schedule.maximumBelowMinimum']],
    ],
    [
      '"upTo" beside greater-of',
      [{ label: 'b', upTo: null, fee: 2 }],
      { measure: 'greater-of' },
      [
        ['tiers.full.bands[0].upTo', 'membership.schedule.unknownField'],
        ['tiers.full.bands[0].upToPopulation', 'membership.schedule.required'],
        ['tiers.full.bands[0].upToBudget', 'membership.schedule.required'],
      ],
    ],
  ]
  for (const [name, bands, extra, expected] of badBands) it(`refuses ${name}`, () => assert.deepEqual(problems(withBands(bands, extra)), expected))

  it('lists every problem at once, each with its path in its values', () => {
    const result = parseFeeSchedule({ ...base(), year: 3000, currency: 'USD', tiers: { ...base().tiers, associate: { fixed: '1.999' } } })
    assert.ok(!result.ok)
    assert.deepEqual(
      result.errors.map((e) => e.field),
      ['year', 'currency', 'tiers.associate.fixed'],
    )
    assert.deepEqual(result.errors[2]?.values, { path: 'tiers.associate.fixed', amount: '1.999' })
  })

  it('says when the file is not JSON', () => {
    const result = parseFeeScheduleText('{ "year": 2026, ')
    assert.ok(!result.ok)
    assert.equal(result.errors[0]?.message, 'membership.schedule.notJson')
  })

  it('reads the example schedule shipped in data/membership', () => {
    const result = parseFeeScheduleText(readFileSync(examplePath, 'utf8'))
    assert.ok(result.ok, JSON.stringify(result))
    assert.equal(result.value.example, true)
    assert.equal(result.value.year, 2026)
    assert.match(result.value.label, /^Example schedule/)
    assert.deepEqual(result.value.tiers.associate, { fixed: 25000 })
  })
})
