// Each chart is one set of figures shown three ways from the same data: an SVG, a table (the
// accessible alternative, whose figures link to their searches where they are search totals) and
// a CSV. The headline states the finding, in words worked out from the figures.
import { kindLabel } from '../case-studies/present.ts'
import type { Translate } from '../../i18n/catalogue.ts'
import type { Formatter } from '../../i18n/format.ts'
import { csvLine } from '../api/csv.ts'
import type { Coverage } from './rules/coverage.ts'
import { stackedBarsSvg } from './rules/stacked-bars.ts'

export interface ChartSeries {
  key: string
  label: string
  values: number[]
  /** Where a value is a search's total, that search's address. */
  hrefs?: string[]
}

export interface ChartData {
  id: string
  headline: string
  desc: string
  /** What the categories are ("Year"), the table's first column and the CSV's first header. */
  categoryName: string
  categories: string[]
  series: ChartSeries[]
}

export const chartIds = ['case-studies-by-year'] as const
export type ChartId = (typeof chartIds)[number]

/** Case studies per year, stacked by kind: the year with most, said in words. */
export function caseStudiesByYear(c: Coverage, t: Translate): ChartData {
  const series = c.kindsByYear
    .filter((k) => k.cells.some((f) => f.count > 0))
    .map((k) => ({ key: k.kind, label: kindLabel(t, k.kind), values: k.cells.map((f) => f.count), hrefs: k.cells.map((f) => f.href) }))
  const totals = c.years.map((_, i) => series.reduce((sum, s) => sum + s.values[i]!, 0))
  const most = Math.max(0, ...totals)
  const busiest = most === 0 ? null : c.years[totals.indexOf(most)]!
  return {
    id: 'case-studies-by-year',
    headline: busiest === null ? t('insights.chart.byYear.none') : t('insights.chart.byYear.headline', { year: String(busiest), count: most }),
    desc: t('insights.chart.byYear.desc', { first: String(c.years[0]), last: String(c.years.at(-1)) }),
    categoryName: t('insights.chart.year'),
    categories: c.years.map(String),
    series,
  }
}

export function chartSvg(chart: ChartData, t: Translate, format: Formatter): string {
  return stackedBarsSvg({
    id: chart.id,
    title: chart.headline,
    desc: chart.desc,
    categories: chart.categories,
    series: chart.series,
    number: (n) => format.number(n),
    segmentLabel: (category, series, value) => t('insights.chart.segment', { category, series, count: value }),
  })
}

/** The chart as the page shows it: the SVG and the same figures as a table. */
export function presentChart(chart: ChartData, t: Translate, format: Formatter) {
  return {
    id: chart.id,
    headline: chart.headline,
    svg: chartSvg(chart, t, format),
    csvHref: `/insights/${chart.id}.csv`,
    head: [chart.categoryName, ...chart.series.map((s) => s.label)],
    rows: chart.categories.map((category, i) => ({
      category,
      cells: chart.series.map((s) => ({ count: s.values[i]!, ...(s.hrefs ? { href: s.hrefs[i]! } : {}) })),
    })),
  }
}

/** The chart's figures as CSV: a row per category, a column per series. */
export function chartCsv(chart: ChartData): string {
  let csv = csvLine([chart.categoryName, ...chart.series.map((s) => s.label)])
  chart.categories.forEach((category, i) => {
    csv += csvLine([category, ...chart.series.map((s) => s.values[i]!)])
  })
  return csv
}
