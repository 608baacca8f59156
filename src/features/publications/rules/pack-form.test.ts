import assert from 'node:assert/strict'
import { test } from 'node:test'
import { emptyPackForm, packSlug, readPackForm } from './pack-form.ts'

test('a year is 1 January to 31 December; dates are whole days; each error names its field', () => {
  const year = readPackForm(emptyPackForm(2025))
  assert.ok(year.ok)
  if (year.ok) {
    assert.equal(year.value.from, '2025-01-01')
    assert.equal(year.value.to, '2025-12-31')
    assert.deepEqual(year.value.kinds, ['case-studies', 'policy-labs', 'affiliate-pieces'])
  }
  const dates = readPackForm({ ...emptyPackForm(2025), year: '', from: '2025-04-01', to: '2026-03-31' })
  assert.ok(dates.ok && dates.value.period.to.toISOString() === '2026-03-31T23:59:59.999Z' && dates.value.year === null)
  const cases: Array<[Partial<ReturnType<typeof emptyPackForm>>, string[]]> = [
    [{ year: '' }, ['year']],
    [{ year: '20x5' }, ['year']],
    [{ year: '', from: '2025-02-29', to: '2025-03-01' }, ['from']],
    [{ year: '', from: '2024-02-29', to: '2024-02-28' }, ['to']],
    [{ kinds: ['poems'] }, ['kinds']],
    [{ order: '', language: 'de' }, ['order', 'language']],
    [{ foreword: 'x'.repeat(20_001) }, ['foreword']],
  ]
  for (const [over, fields] of cases) {
    const read = readPackForm({ ...emptyPackForm(2025), ...over })
    assert.deepEqual(read.ok ? [] : read.errors.map((e) => e.field), fields, JSON.stringify(over).slice(0, 80))
  }
})

test('the address of a pack names its period, its language when Welsh, and its edition after the first', () => {
  const year = { year: 2025, from: '2025-01-01', to: '2025-12-31', language: 'en' as const }
  assert.equal(packSlug(year, 1), 'case-study-pack-2025')
  assert.equal(packSlug({ ...year, language: 'cy' }, 2), 'case-study-pack-2025-cy-edition-2')
  assert.equal(packSlug({ year: null, from: '2025-04-01', to: '2026-03-31', language: 'en' }, 1), 'case-study-pack-2025-04-01-2026-03-31')
})
