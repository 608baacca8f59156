// The rules speak in catalogue keys: each key they use is in both catalogues, and each message
// they return renders in English and Welsh with the values it carries.
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { catalogueOf, translator } from '../../../i18n/catalogue.ts'
import { parseFeeSchedule } from './fee-schedule.ts'
import { calculateFee } from './fees.ts'
import { parseFiguresCsv } from './figures-csv.ts'
import { describeRowError, type RowError } from './message.ts'
import { parsePounds } from './money.ts'
import { membershipStatus, membershipStatuses, statusKey, type InvoiceFacts } from './status.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
const sources = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
const reasonKeys = [
  'applied',
  'refused',
  'resigned',
  'converted',
  'awaitingFirstInvoice',
  'awaitingFirstPayment',
  'overdue',
  'lapsed',
  'paid',
  'paidAhead',
  'renewalNoticeSent',
  'renewalNotInvoiced',
  'renewalInvoiced',
  'yearMissed',
]

describe('the membership rules’ messages', () => {
  it('are all in both catalogues', () => {
    const used = new Set(
      sources.flatMap((f) => [...readFileSync(path.join(here, f), 'utf8').matchAll(/'(membership\.[a-zA-Z.]+[a-zA-Z])'/g)].map((m) => m[1]!)),
    )
    for (const s of membershipStatuses) used.add(statusKey(s))
    for (const r of reasonKeys) used.add(`membership.status.reason.${r}`)
    assert.ok(used.size > 60, `found only ${used.size} keys`)
    for (const locale of ['en', 'cy'] as const) {
      const catalogue = catalogueOf(locale)
      assert.deepEqual(
        [...used].filter((k) => !(k in catalogue)),
        [],
        `missing from locales/${locale}`,
      )
    }
  })

  it('render in both languages with the values they carry', () => {
    const errors: RowError[] = []
    const collect = (r: { ok: boolean; errors?: unknown }) => errors.push(...((r as { errors?: RowError[] }).errors ?? []))
    collect(
      parseFeeSchedule({
        year: 1,
        currency: 'EUR',
        label: 5,
        example: 'x',
        joining: 'no',
        extra: 1,
        tiers: {
          full: {
            measure: 'population',
            bands: [
              { label: 'a', upTo: 5, fee: 1.5 },
              { label: 'A', upTo: 2, fee: '-1' },
            ],
            minimum: 9,
            maximum: 1,
          },
          associate: { fixed: 1, bands: [] },
          affiliate: { fixed: '1.001' },
        },
      }),
    )
    collect(
      parseFiguresCsv(
        'code,population,population_year,population_source,budget_pounds,budget_year,budget_source\nA,0,1,,,,\nA,1,2000,x,0,2000,y\nB,,,,,,\nC,1\n',
        new Set(['A']),
      ),
    )
    collect(parseFiguresCsv('x,"y\n'))
    collect(parsePounds('1.234'))
    const schedule = parseFeeSchedule({
      year: 2026,
      currency: 'GBP',
      label: 'x',
      joining: 'prorate',
      tiers: {
        full: { measure: 'greater-of', bands: [{ label: 'a', upToPopulation: null, upToBudget: null, fee: 1 }] },
        associate: { fixed: 1 },
        affiliate: { fixed: 1 },
        supporter: { fixed: 1 },
      },
    })
    assert.ok(schedule.ok)
    collect(calculateFee(schedule.value, 'full', { population: 5 }))
    assert.ok(errors.length >= 20, `only ${errors.length} errors to render`)
    const invoices: InvoiceFacts[] = [{ year: 2026, kind: 'joining', issuedOn: '2026-09-10', dueOn: '2026-10-10' }]
    const reasons = ['2026-09-01', '2026-10-01', '2026-11-01', '2027-03-01'].map(
      (d) => membershipStatus({ appliedOn: '2026-08-01', decidedOn: '2026-09-10', decision: 'approved' }, invoices, d).reason,
    )
    for (const locale of ['en', 'cy'] as const) {
      const t = translator(locale)
      for (const e of errors) {
        const text = describeRowError(e, t)
        assert.ok(!/membership\.|\{/.test(text), `${locale}: ${text}`)
      }
      for (const r of reasons) assert.ok(!/membership\.|\{/.test(t(r.key, r.values)), `${locale}: ${r.key}`)
    }
  })

  it('say where each problem is', () => {
    const t = translator('en')
    const schedule = parseFeeSchedule({
      year: 2026,
      currency: 'GBP',
      label: 'x',
      joining: 'prorate',
      tiers: { full: { fixed: '1.001' }, associate: { fixed: 1 }, affiliate: { fixed: 1 }, supporter: { fixed: 1 } },
    })
    assert.ok(!schedule.ok)
    assert.equal(
      describeRowError(schedule.errors[0] as RowError, t),
      'tiers.full.fixed: “1.001” has more than 2 decimal places: amounts are in pounds and pence',
    )
    const csv = parseFiguresCsv('code,population,population_year,population_source\nBIR,100,1989,ONS\n')
    assert.ok(!csv.ok)
    assert.equal(describeRowError(csv.errors[0] as RowError, t), 'Line 2, population_year: “1989” is not a year from 1990 to 2100')
  })
})
