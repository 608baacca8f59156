// A council's figures typed into the administrators' form, checked by the same rules as a row of
// the bulk CSV file, so that the form and `coophub membership figures import` never disagree.
import type { FieldError, Result } from '../../lib/result.ts'
import { parseFiguresCsv, type FiguresRow } from './rules/figures-csv.ts'

export interface FiguresForm {
  population: string
  populationYear: string
  populationSource: string
  budget: string
  budgetYear: string
  budgetSource: string
}

const fieldOfColumn: Record<string, keyof FiguresForm> = {
  population: 'population',
  population_year: 'populationYear',
  population_source: 'populationSource',
  budget_pounds: 'budget',
  budget_year: 'budgetYear',
  budget_source: 'budgetSource',
}

const quote = (value: string) => `"${value.replaceAll('"', '""')}"`

export function checkFiguresForm(code: string, form: FiguresForm): Result<FiguresRow> {
  const csv = [
    'code,population,population_year,population_source,budget_pounds,budget_year,budget_source',
    [code, form.population, form.populationYear, form.populationSource, form.budget, form.budgetYear, form.budgetSource].map((v) => quote(v.trim())).join(','),
  ].join('\n')
  const parsed = parseFiguresCsv(csv)
  if (parsed.ok) return { ok: true, value: parsed.value[0]! }
  const errors: FieldError[] = parsed.errors.map((e) => ({ field: fieldOfColumn[e.field] ?? '', message: e.message, values: e.values }))
  return { ok: false, reason: 'invalid', errors }
}
