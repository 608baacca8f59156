import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checkFiguresForm, type FiguresForm } from './figures-form.ts'

const blank: FiguresForm = { population: '', populationYear: '', populationSource: '', budget: '', budgetYear: '', budgetSource: '' }

describe('checkFiguresForm', () => {
  it('keeps a population and a budget with their years and sources', () => {
    const result = checkFiguresForm('MAN', {
      population: '552,000',
      populationYear: '2024',
      populationSource: 'ONS',
      budget: '£1,200,000,000',
      budgetYear: '2025',
      budgetSource: 'Budget book',
    })
    assert.ok(result.ok)
    assert.deepEqual(result.value.population, { value: 552_000, year: 2024, source: 'ONS' })
    assert.equal(result.value.budget?.value, 120_000_000_000)
  })

  it('keeps a population alone', () => {
    const result = checkFiguresForm('MAN', { ...blank, population: '90000', populationYear: '2021', populationSource: 'Census 2021' })
    assert.ok(result.ok)
    assert.equal(result.value.budget, null)
  })

  const cases: Array<[string, FiguresForm, string[]]> = [
    ['nothing at all', blank, [':membership.figures.noFigures']],
    [
      'a population without its year and source',
      { ...blank, population: '90000' },
      ['populationYear:membership.figures.yearRequired', 'populationSource:membership.figures.sourceRequired'],
    ],
    ['a negative population', { ...blank, population: '-5', populationYear: '2021', populationSource: 'x' }, ['population:membership.figures.notPopulation']],
    ['a year out of range', { ...blank, population: '5', populationYear: '1850', populationSource: 'x' }, ['populationYear:membership.figures.notYear']],
    ['a budget of nothing', { ...blank, budget: '0', budgetYear: '2024', budgetSource: 'x' }, ['budget:membership.figures.budgetNotPositive']],
    ['a quote in a source', { ...blank, population: '5', populationYear: '2021', populationSource: 'The "ONS", 2021' }, []],
  ]
  for (const [name, form, expected] of cases) {
    it(`answers ${name}`, () => {
      const result = checkFiguresForm('MAN', form)
      assert.deepEqual(result.ok ? [] : result.errors.map((e) => `${e.field}:${e.message}`), expected)
    })
  }
})
