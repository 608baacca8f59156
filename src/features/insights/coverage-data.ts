// The coverage as open data: the API's JSON and the CSV, each figure with the address of the
// search whose total it is (absolute in the JSON, as the rest of the API gives addresses).
import type { Translate } from '../../i18n/catalogue.ts'
import { csvLine } from '../api/csv.ts'
import { everyFigure, type Coverage, type Figure } from './rules/coverage.ts'

const link = (f: Figure, base: string) => ({ count: f.count, search: base + f.href })

export function coverageJson(c: Coverage, base: string) {
  return {
    year: c.year,
    years: c.years,
    total: link(c.all, base),
    leastCovered: c.leastCovered && { principles: c.leastCovered.principles.map((p) => ({ slug: p.value, name: p.label })), count: c.leastCovered.count },
    principles: c.principles.map((p) => ({
      slug: p.value,
      name: p.label,
      total: link(p.total, base),
      years: p.cells.map((cell) => ({ year: cell.year, ...link(cell, base) })),
    })),
    yearTotals: c.years.map((year, i) => ({ year, ...link(c.yearTotals[i]!, base) })),
    nations: c.nations.map((n) => ({ slug: n.value, name: n.label, ...link(n.figure, base) })),
    regions: c.regions.map((r) => ({ slug: r.value, name: r.label, ...link(r.figure, base) })),
    tiers: c.tiers.map((tier) => ({ tier: tier.tier, total: link(tier.total, base), kinds: tier.cells.map((k) => ({ kind: k.kind, ...link(k, base) })) })),
    kinds: c.kindTotals.map((k) => ({
      kind: k.kind,
      ...link(k, base),
      years: c.kindsByYear.find((y) => y.kind === k.kind)!.cells.map((cell, i) => ({ year: c.years[i]!, ...link(cell, base) })),
    })),
  }
}

/** The filters a CSV row shows, in this order. */
const columns = ['principles', 'years', 'nations', 'regions', 'tiers', 'kinds'] as const

/** Every figure of the coverage as one row: its filters, its count and its search (each figure once). */
export function coverageCsv(c: Coverage, t: Translate): string {
  let csv = csvLine([...columns.map((l) => t(`search.facet.${l}`)), t('insights.caseStudies'), t('insights.csv.search')])
  const seen = new Set<string>()
  for (const f of everyFigure(c)) {
    if (seen.has(f.href)) continue
    seen.add(f.href)
    csv += csvLine([...columns.map((l) => (f.params[l] as Array<string | number>).map(String).join('; ') || null), f.count, f.href])
  }
  return csv
}
