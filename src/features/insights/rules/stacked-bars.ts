// A stacked bar chart as SVG text, drawn on the server: d3-scale for the axes and bands, d3-shape's
// stack for the segments. No style attributes or <style> (the CSP allows neither): colours are
// presentation attributes and the text takes the page's font from the stylesheet. Each segment
// carries its own <title>; the links to each figure's search are in the table beside it (links
// inside an image would be hidden from screen readers). Pure.
import { scaleBand, scaleLinear } from 'd3-scale'
import { stack } from 'd3-shape'
import { escapeHtml as e } from '../../../lib/html.ts'
import { patternDefs, seriesFill } from './palette.ts'

export interface BarSeries {
  key: string
  label: string
  values: number[]
}

export interface StackedBars {
  /** The id its title, description and patterns are named from (unique on the page). */
  id: string
  title: string
  desc: string
  categories: string[]
  series: BarSeries[]
  /** A segment's tooltip: "2024, Policy lab: 3". */
  segmentLabel: (category: string, series: string, value: number) => string
  number: (n: number) => string
}

const width = 640
const height = 320
const margin = { top: 12, right: 12, bottom: 48, left: 40 }
const legendRow = 24
/** About the width of a figure at the chart's 16px (the stylesheet's size, one user unit a pixel). */
const charWidth = 9.5

const round = (n: number) => Math.round(n * 10) / 10

/** A label split at the space nearest its middle; as it is when it has none. */
function twoLines(label: string): string[] {
  const spaces = [...label.matchAll(/ /g)].map((m) => m.index)
  if (spaces.length === 0) return [label]
  const at = spaces.reduce((best, i) => (Math.abs(i - label.length / 2) < Math.abs(best - label.length / 2) ? i : best))
  return [label.slice(0, at), label.slice(at + 1)]
}

export function stackedBarsSvg(chart: StackedBars): string {
  const { id, categories, series } = chart
  const legendHeight = series.length * legendRow + 8
  const plotBottom = height - margin.bottom
  const keys = series.map((s) => s.key)
  const rows = categories.map((_, i) => Object.fromEntries(series.map((s) => [s.key, s.values[i] ?? 0])) as Record<string, number>)
  const stacked = stack<Record<string, number>>().keys(keys)(rows)
  const max = Math.max(1, ...categories.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0)))
  const y = scaleLinear().domain([0, max]).nice().range([plotBottom, margin.top])
  const ticks = y.ticks(5).filter((t) => Number.isInteger(t))
  // Room for the longest figure on the axis (£1,000,000 as much as 3).
  const left = Math.max(margin.left, Math.ceil(Math.max(0, ...ticks.map((t) => chart.number(t).length)) * charWidth) + 10)
  const x = scaleBand<string>()
    .domain(categories)
    .range([left, width - margin.right])
    .padding(0.2)

  let svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height + legendHeight}" class="coophub-chart" role="img" aria-labelledby="${id}-title ${id}-desc" data-qa="chart-${id}">`
  svg += `<title id="${id}-title">${e(chart.title)}</title><desc id="${id}-desc">${e(chart.desc)}</desc>`
  svg += `<defs>${patternDefs(id, series.length)}</defs>`
  svg += '<g class="coophub-chart__axis">'
  for (const t of ticks) {
    const ty = round(y(t))
    svg += `<line x1="${left}" x2="${width - margin.right}" y1="${ty}" y2="${ty}" stroke="#b1b4b6" stroke-width="1"/>`
    svg += `<text x="${left - 6}" y="${ty}" text-anchor="end" dominant-baseline="middle">${e(chart.number(t))}</text>`
  }
  // A label too wide for its bar goes on two lines (at the space nearest its middle); if one is
  // still too wide, every other label is shown (the table beside the chart has every one).
  const lines = categories.map((c) => (c.length * charWidth + 8 > x.step() ? twoLines(c) : [c]))
  const longest = Math.max(0, ...lines.flat().map((l) => l.length)) * charWidth + 8
  const every = Math.max(Math.ceil(categories.length / 12), Math.ceil(longest / x.step()))
  categories.forEach((c, i) => {
    if (i % every !== 0) return
    const cx = round(x(c)! + x.bandwidth() / 2)
    const [first, second] = lines[i]!
    svg += second
      ? `<text x="${cx}" y="${plotBottom + 20}" text-anchor="middle">${e(first!)}<tspan x="${cx}" dy="18">${e(second)}</tspan></text>`
      : `<text x="${cx}" y="${plotBottom + 20}" text-anchor="middle">${e(first!)}</text>`
  })
  svg += '</g>'
  stacked.forEach((layer, s) => {
    const info = series[s]!
    svg += `<g fill="${seriesFill(id, s)}" data-series="${e(info.key)}">`
    layer.forEach(([y0, y1], i) => {
      const value = info.values[i] ?? 0
      if (value === 0) return
      const rect = `<rect x="${round(x(categories[i]!)!)}" y="${round(y(y1))}" width="${round(x.bandwidth())}" height="${round(y(y0) - y(y1))}" stroke="#fff" stroke-width="1"><title>${e(chart.segmentLabel(categories[i]!, info.label, value))}</title></rect>`
      svg += rect
    })
    svg += '</g>'
  })
  series.forEach((s, i) => {
    const ly = height + 4 + i * legendRow
    svg += `<rect x="${left}" y="${ly}" width="16" height="16" fill="${seriesFill(id, i)}" stroke="#0b0c0c" stroke-width="1"/>`
    svg += `<text x="${left + 24}" y="${ly + 8}" dominant-baseline="middle">${e(s.label)}</text>`
  })
  return `${svg}</svg>`
}
