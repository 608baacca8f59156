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
  /** What the values are: a number of things, or pounds. */
  unit?: 'pounds'
}

export const chartIds = ['case-studies-by-year', 'principles-per-case-study', 'members-by-tier-and-nation', 'awards-by-year'] as const
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

/** How many principles case studies meet: the commonest number, said in words. */
export function principlesPerCaseStudyChart(rows: Array<{ principles: number; caseStudies: number }>, t: Translate): ChartData {
  const most = rows.reduce<(typeof rows)[number] | null>((best, r) => (best === null || r.caseStudies > best.caseStudies ? r : best), null)
  const top = Math.max(3, ...rows.map((r) => r.principles))
  const categories = Array.from({ length: top + 1 }, (_, n) => n)
  return {
    id: 'principles-per-case-study',
    headline: most ? t('insights.chart.principles.headline', { principles: most.principles, count: most.caseStudies }) : t('insights.chart.byYear.none'),
    desc: t('insights.chart.principles.desc'),
    categoryName: t('insights.chart.principles.category'),
    categories: categories.map(String),
    series: [{ key: 'case-studies', label: t('insights.caseStudies'), values: categories.map((n) => rows.find((r) => r.principles === n)?.caseStudies ?? 0) }],
  }
}

/** Members by nation, stacked by tier: the nation with most, said in words. */
export function membersChart(rows: Array<{ nation: string | null; tier: string; members: number }>, t: Translate): ChartData {
  const nations = [...new Set(rows.map((r) => r.nation ?? ''))].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'en-GB')))
  const tiers = ['full', 'associate', 'affiliate', 'supporter'].filter((tier) => rows.some((r) => r.tier === tier))
  const label = (nation: string) => {
    const key = `search.nation.${nation.toLowerCase().replace(/[^a-z]+/g, '-')}`
    const named = nation === '' ? t('insights.chart.members.unknown') : t(key)
    return named === key ? nation : named
  }
  const totals = nations.map((n) => rows.filter((r) => (r.nation ?? '') === n).reduce((sum, r) => sum + r.members, 0))
  const most = Math.max(0, ...totals)
  return {
    id: 'members-by-tier-and-nation',
    headline:
      most === 0 ? t('insights.chart.members.none') : t('insights.chart.members.headline', { nation: label(nations[totals.indexOf(most)]!), count: most }),
    desc: t('insights.chart.members.desc'),
    categoryName: t('insights.places.nation'),
    categories: nations.map(label),
    series: tiers.map((tier) => ({
      key: tier,
      label: t(`search.tier.${tier}`),
      values: nations.map((n) => rows.find((r) => (r.nation ?? '') === n && r.tier === tier)?.members ?? 0),
    })),
  }
}

/** Money awarded per year by kind of call, in pounds: the year with most, said in words. */
export function awardsChart(rows: Array<{ year: number; kind: string; pence: number }>, t: Translate, format: Formatter): ChartData {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b)
  const kinds = [...new Set(rows.map((r) => r.kind))].sort()
  const totals = years.map((y) => rows.filter((r) => r.year === y).reduce((sum, r) => sum + r.pence, 0))
  const most = Math.max(0, ...totals)
  return {
    id: 'awards-by-year',
    headline:
      most === 0
        ? t('insights.chart.awards.none')
        : t('insights.chart.awards.headline', { year: String(years[totals.indexOf(most)]), amount: format.money(most / 100) }),
    desc: t('insights.chart.awards.desc'),
    categoryName: t('insights.chart.year'),
    categories: years.map(String),
    series: kinds.map((kind) => ({
      key: kind,
      label: t(`calls.kind.${kind}`),
      values: years.map((y) => (rows.find((r) => r.year === y && r.kind === kind)?.pence ?? 0) / 100),
    })),
    unit: 'pounds',
  }
}

/** A value as the chart's table and tooltips write it. */
const valueText = (chart: ChartData, format: Formatter, n: number) => (chart.unit === 'pounds' ? format.money(n) : format.number(n))

export function chartSvg(chart: ChartData, t: Translate, format: Formatter): string {
  return stackedBarsSvg({
    id: chart.id,
    title: chart.headline,
    desc: chart.desc,
    categories: chart.categories,
    series: chart.series,
    number: (n) => (chart.unit === 'pounds' ? `£${format.number(n)}` : format.number(n)),
    segmentLabel: (category, series, value) =>
      chart.unit === 'pounds'
        ? t('insights.chart.segmentMoney', { category, series, amount: valueText(chart, format, value) })
        : t('insights.chart.segment', { category, series, count: value }),
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
      cells: chart.series.map((s) => ({ text: valueText(chart, format, s.values[i]!), ...(s.hrefs ? { href: s.hrefs[i]! } : {}) })),
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
