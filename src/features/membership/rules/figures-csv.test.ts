import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseFiguresCsv } from './figures-csv.ts'

const header = 'code,population,population_year,population_source,budget_pounds,budget_year,budget_source'

/** [line, column, key] of each problem. */
function problems(text: string, known?: Set<string>): Array<[number | undefined, string, string]> {
  const result = parseFiguresCsv(text, known)
  assert.equal(result.ok, false, 'expected the file to be refused')
  return result.ok ? [] : result.errors.map((e) => [(e as { line?: number }).line, e.field, e.message])
}

describe('the figures CSV', () => {
  it('reads populations and budgets with their years and sources', () => {
    const text = `\uFEFF${header}\r\nbir,"1,144,900",2021,ONS mid-year estimates,"£3,200,000,000.50",2024,Budget book 2024/25\r\n\r\nE06000001,93000,2020,"Register, pop-2020",,,\n`
    assert.deepEqual(parseFiguresCsv(text, new Set(['BIR', 'E06000001'])), {
      ok: true,
      value: [
        {
          line: 2,
          code: 'BIR',
          population: { value: 1144900, year: 2021, source: 'ONS mid-year estimates' },
          budget: { value: 320000000050, year: 2024, source: 'Budget book 2024/25' },
        },
        { line: 4, code: 'E06000001', population: { value: 93000, year: 2020, source: 'Register, pop-2020' }, budget: null },
      ],
    })
  })

  it('takes columns in any order, and a file of populations only', () => {
    const result = parseFiguresCsv('population_source,population_year,code,population\nONS,2021,XYZ,5000\n')
    assert.deepEqual(result, { ok: true, value: [{ line: 2, code: 'XYZ', population: { value: 5000, year: 2021, source: 'ONS' }, budget: null }] })
  })

  const row = (cells: string) => `${header}\n${cells}\n`
  const bad: Array<[string, string, Array<[number | undefined, string, string]>]> = [
    ['an empty file', '', [[1, '', 'membership.figures.noHeader']]],
    ['a header alone', `${header}\n`, [[1, '', 'membership.figures.noRows']]],
    ['no header (data first)', 'BIR,1000,2021,ONS,,,\n', [[1, '', 'membership.figures.noHeader']]],
    ['half a group of columns', 'code,population,population_year\nBIR,1,2021\n', [[1, 'population_source', 'membership.figures.missingColumn']]],
    ['a column twice', 'code,code,population,population_year,population_source\n', [[1, 'code', 'membership.figures.duplicateColumn']]],
    ['an unclosed quote', `${header}\nBIR,"1000,2021,ONS,,,\n`, [[2, '', 'membership.figures.notCsv']]],
    ['too few cells', row('BIR,1000,2021'), [[2, '', 'membership.figures.fieldCount']]],
    ['no code', row(',1000,2021,ONS,,,'), [[2, 'code', 'membership.figures.codeRequired']]],
    ['a code twice', `${header}\nBIR,1000,2021,ONS,,,\nbir,2000,2021,ONS,,,\n`, [[3, 'code', 'membership.figures.duplicateCode']]],
    ['no figure at all', row('BIR,,,,,,'), [[2, '', 'membership.figures.noFigures']]],
    ['a year without its figure', row('BIR,,2021,,,,'), [[2, 'population', 'membership.figures.figureRequired']]],
    ['a population of nobody', row('BIR,0,2021,ONS,,,'), [[2, 'population', 'membership.figures.notPopulation']]],
    ['a negative population', row('BIR,-5,2021,ONS,,,'), [[2, 'population', 'membership.figures.notPopulation']]],
    ['a population in decimals', row('BIR,1000.5,2021,ONS,,,'), [[2, 'population', 'membership.figures.notPopulation']]],
    ['a population in words', row('BIR,many,2021,ONS,,,'), [[2, 'population', 'membership.figures.notPopulation']]],
    ['no year', row('BIR,1000,,ONS,,,'), [[2, 'population_year', 'membership.figures.yearRequired']]],
    ['a year before 1990', row('BIR,1000,1989,ONS,,,'), [[2, 'population_year', 'membership.figures.notYear']]],
    ['a year after 2100', row('BIR,1000,2101,ONS,,,'), [[2, 'population_year', 'membership.figures.notYear']]],
    ['a year of two digits', row('BIR,1000,21,ONS,,,'), [[2, 'population_year', 'membership.figures.notYear']]],
    ['no source', row('BIR,1000,2021,,,,'), [[2, 'population_source', 'membership.figures.sourceRequired']]],
    ['a source too long', row(`BIR,1000,2021,${'x'.repeat(301)},,,`), [[2, 'population_source', 'membership.figures.sourceTooLong']]],
    ['a budget of nothing', row('BIR,,,,0,2024,Budget'), [[2, 'budget_pounds', 'membership.figures.budgetNotPositive']]],
    ['a negative budget', row('BIR,,,,-5,2024,Budget'), [[2, 'budget_pounds', 'membership.money.negative']]],
    ['a budget with fractions of a penny', row('BIR,,,,5.001,2024,Budget'), [[2, 'budget_pounds', 'membership.money.tooManyDecimals']]],
    ['a budget in words', row('BIR,,,,lots,2024,Budget'), [[2, 'budget_pounds', 'membership.money.notAmount']]],
  ]
  for (const [name, text, expected] of bad) it(`refuses ${name}`, () => assert.deepEqual(problems(text), expected))

  it('reports codes not in the register, and every bad row at once', () => {
    const text = `${header}\nBIR,1000,2021,ONS,,,\nNOPE,1000,2021,ONS,,,\nMAN,0,1900,,,,\n`
    assert.deepEqual(problems(text, new Set(['BIR', 'MAN'])), [
      [3, 'code', 'membership.figures.unknownCode'],
      [4, 'population', 'membership.figures.notPopulation'],
      [4, 'population_year', 'membership.figures.notYear'],
      [4, 'population_source', 'membership.figures.sourceRequired'],
    ])
  })

  it('says which line a code first appeared on', () => {
    const result = parseFiguresCsv(`${header}\nBIR,1000,2021,ONS,,,\nBIR,2000,2021,ONS,,,\n`)
    assert.ok(!result.ok)
    assert.deepEqual(result.errors[0]?.values, { code: 'BIR', firstLine: 2 })
  })
})
