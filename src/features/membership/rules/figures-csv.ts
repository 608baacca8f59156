// Reads the bulk figures file (`coophub membership figures import FILE.csv`): a council's
// population and controllable budget, each with its year and source. The whole file is checked
// before anything is imported, and every problem is reported with its line and column.
//
//   code,population,population_year,population_source,budget_pounds,budget_year,budget_source
//   BIR,1144900,2021,ONS mid-year estimates 2021,3200000000,2024,Revenue and capital budget 2024/25
//
// A header line is required; columns may come in any order. A file may leave out the three budget
// columns or the three population columns; a row may leave one figure's three cells empty, not
// both. Populations are whole numbers of people; budgets pounds (pence allowed, "£" and thousands
// commas forgiven). Years run 1990 to 2100. A council code appears once. Codes are compared in
// capitals; codes not in the register are reported when the caller passes the known codes.
import { parse } from 'csv-parse/sync'
import { rowError, type MessageValues, type RowError, type RowResult, rowsInvalid } from './message.ts'
import { penceOf, type Pence } from './money.ts'

export const figureYears = { min: 1990, max: 2100 }
export const maxSourceLength = 300

const populationColumns = ['population', 'population_year', 'population_source'] as const
const budgetColumns = ['budget_pounds', 'budget_year', 'budget_source'] as const
export const figuresColumns = ['code', ...populationColumns, ...budgetColumns] as const
type Column = (typeof figuresColumns)[number]

export interface Figure<V> {
  value: V
  year: number
  source: string
}

export interface FiguresRow {
  /** The CSV line the row ends on (1 is the header). */
  line: number
  code: string
  population: Figure<number> | null
  /** The controllable budget (revenue plus capital) in pence. */
  budget: Figure<Pence> | null
}

export function parseFiguresCsv(text: string, knownCodes?: ReadonlySet<string>): RowResult<FiguresRow[]> {
  let records: Array<{ record: string[]; info: { lines: number } }>
  try {
    // With `info` each record comes with where it ends; csv-parse's types do not follow the option.
    records = parse(text.replace(/\r\n?/g, '\n'), { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as typeof records
  } catch (e) {
    const line = (e as { lines?: number }).lines
    return rowsInvalid([rowError('', 'membership.figures.notCsv', { detail: (e as Error).message }, line)])
  }
  const [header, ...rows] = records
  if (!header) return rowsInvalid([rowError('', 'membership.figures.noHeader', { columns: figuresColumns.join(',') }, 1)])

  const errors: RowError[] = []
  const problem = (line: number, field: string, key: string, values: MessageValues = {}) => errors.push(rowError(field, key, values, line))
  const names = header.record.map((n) => n.trim().toLowerCase())
  if (!names.some((n) => (figuresColumns as readonly string[]).includes(n)))
    return rowsInvalid([rowError('', 'membership.figures.noHeader', { columns: figuresColumns.join(',') }, 1)])
  const at = new Map<Column, number>()
  names.forEach((name, i) => {
    if (!(figuresColumns as readonly string[]).includes(name)) problem(1, name, 'membership.figures.unknownColumn', { known: figuresColumns.join(', ') })
    else if (at.has(name as Column)) problem(1, name, 'membership.figures.duplicateColumn')
    else at.set(name as Column, i)
  })
  const group = (columns: readonly Column[]) => {
    const present = columns.filter((c) => at.has(c))
    if (present.length > 0 && present.length < columns.length)
      for (const c of columns.filter((c) => !at.has(c))) problem(1, c, 'membership.figures.missingColumn')
    return present.length === columns.length
  }
  if (!at.has('code')) problem(1, 'code', 'membership.figures.missingColumn')
  const hasPopulation = group(populationColumns)
  const hasBudget = group(budgetColumns)
  if (!hasPopulation && !hasBudget && !populationColumns.some((c) => at.has(c)) && !budgetColumns.some((c) => at.has(c))) {
    problem(1, 'population', 'membership.figures.noFigureColumns')
  }
  if (errors.length > 0) return rowsInvalid(errors)
  if (rows.length === 0) return rowsInvalid([rowError('', 'membership.figures.noRows', {}, 1)])

  const out: FiguresRow[] = []
  const firstLineOf = new Map<string, number>()
  for (const { record, info } of rows) {
    const line = info.lines
    const before = errors.length
    if (record.length !== names.length) {
      problem(line, '', 'membership.figures.fieldCount', { expected: names.length, found: record.length })
      continue
    }
    const cell = (c: Column) => (at.has(c) ? (record[at.get(c)!] ?? '').trim() : '')
    const code = cell('code').toUpperCase()
    if (code === '') problem(line, 'code', 'membership.figures.codeRequired')
    else if (firstLineOf.has(code)) problem(line, 'code', 'membership.figures.duplicateCode', { code, firstLine: firstLineOf.get(code)! })
    else {
      firstLineOf.set(code, line)
      if (knownCodes && !knownCodes.has(code)) problem(line, 'code', 'membership.figures.unknownCode', { code })
    }

    const figure = <V>(columns: readonly [Column, Column, Column], read: (text: string) => V | null): Figure<V> | null => {
      const [valueColumn, yearColumn, sourceColumn] = columns
      const [value, year, source] = columns.map(cell) as [string, string, string]
      if (value === '' && year === '' && source === '') return null
      if (value === '') {
        problem(line, valueColumn, 'membership.figures.figureRequired', { other: year !== '' ? yearColumn : sourceColumn })
        return null
      }
      const parsed = read(value)
      const y = /^\d{4}$/.test(year) ? Number(year) : NaN
      if (year === '') problem(line, yearColumn, 'membership.figures.yearRequired')
      else if (!(y >= figureYears.min && y <= figureYears.max))
        problem(line, yearColumn, 'membership.figures.notYear', { value: year, min: String(figureYears.min), max: String(figureYears.max) })
      if (source === '') problem(line, sourceColumn, 'membership.figures.sourceRequired')
      else if (source.length > maxSourceLength) problem(line, sourceColumn, 'membership.figures.sourceTooLong', { max: maxSourceLength })
      return parsed === null ? null : { value: parsed, year: y, source }
    }
    const population = figure(populationColumns, (text) => {
      const n = /^\d{1,3}(,\d{3})+$|^\d+$/.test(text) ? Number(text.replaceAll(',', '')) : NaN
      if (Number.isSafeInteger(n) && n > 0) return n
      problem(line, 'population', 'membership.figures.notPopulation', { value: text })
      return null
    })
    const budget = figure(budgetColumns, (text) => {
      const pence = penceOf(text)
      if (typeof pence === 'number' && pence > 0) return pence
      problem(line, 'budget_pounds', pence === 0 ? 'membership.figures.budgetNotPositive' : (pence as string), { amount: text })
      return null
    })
    if (errors.length === before && !population && !budget) problem(line, '', 'membership.figures.noFigures')
    if (errors.length === before) out.push({ line, code, population, budget })
  }
  return errors.length > 0 ? rowsInvalid(errors) : { ok: true, value: out }
}
