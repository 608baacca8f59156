// The coverage of the library: how many published case studies meet each principle in each year,
// come from each nation and region, and from each member tier by kind. Every figure is a facet
// count of one search and carries that search's address, so the figure and the total of the page
// it links to are one number counted once (insights.routes.test.ts walks every link). Pure: the
// counts come in from the search engine (coverage-counts.ts).
import { caseStudyKinds, type CaseStudyKind } from '../../../db/schema/enums.ts'
import { emptySearch, searchHref, searchableTiers, type ListParam, type SearchParams, type SearchableTier } from '../../search/query-string.ts'
import type { Facet, FacetValue } from '../../search/search-types.ts'

/** A figure and the search whose total it is. */
export interface Figure {
  count: number
  href: string
  /** The search's own parameters (the API gives them; the map is drawn from them). */
  params: SearchParams
}

/** A search's counts, as countSearch gives them. */
export interface Counts {
  total: number
  facets: Facet[]
}

export interface NamedValue {
  value: string
  label: string
  labelCy?: string
}

export interface CoverageInput {
  /** This year (London's calendar is near enough: a year's figures are read the whole year). */
  year: number
  /** Years shown, at most this many, ending this year. */
  span: number
  principles: NamedValue[]
  /** Every published case study, no filter. */
  all: Counts
  /** Per principle slug: the search for that principle (its years facet is the row). */
  byPrinciple: ReadonlyMap<string, Counts>
  /** Per tier: the search for that tier (its kinds facet is the row). */
  byTier: ReadonlyMap<SearchableTier, Counts>
  /** Per kind: the search for that kind (its years facet is the kind's bars). */
  byKind: ReadonlyMap<CaseStudyKind, Counts>
}

export interface HeatCell extends Figure {
  year: number
  /** 0 for none, 1–4 from fewest to most (the shade the heat table gives it). */
  band: number
}

export interface PrincipleRow extends NamedValue {
  total: Figure
  cells: HeatCell[]
}

export interface PlaceRow extends NamedValue {
  figure: Figure
}

export interface TierRow {
  tier: SearchableTier
  total: Figure
  cells: Array<Figure & { kind: CaseStudyKind }>
}

export interface Coverage {
  year: number
  years: number[]
  all: Figure
  principles: PrincipleRow[]
  yearTotals: Figure[]
  /** The principles met by the fewest case studies this year (several when tied), and how many. */
  leastCovered: { principles: NamedValue[]; count: number } | null
  nations: PlaceRow[]
  regions: PlaceRow[]
  tiers: TierRow[]
  kindTotals: Array<Figure & { kind: CaseStudyKind }>
  /** Per kind, its case studies in each year shown (the stacked bars). */
  kindsByYear: Array<{ kind: CaseStudyKind; cells: Figure[] }>
}

/** The search of one choice per list given, every other list empty. */
export function searchOf(choices: Partial<Record<ListParam, Array<string | number>>>): SearchParams {
  const params: SearchParams = { ...emptySearch }
  for (const [list, values] of Object.entries(choices)) (params as unknown as Record<string, unknown>)[list] = values
  return params
}

const figureOf = (count: number, params: SearchParams): Figure => ({ count, href: searchHref(params), params })

/** One facet's counts by value. */
export function facetCounts(counts: Counts, list: ListParam): Map<string, number> {
  const facet = counts.facets.find((f) => f.name === list)
  return new Map((facet?.values ?? []).map((v) => [v.value, v.count]))
}

export function facetValues(counts: Counts, list: ListParam): FacetValue[] {
  return counts.facets.find((f) => f.name === list)?.values ?? []
}

/** The years a table shows: from the first with a case study (at most `span` back) to this year. */
export function yearsShown(yearsWithCases: Iterable<number>, year: number, span: number): number[] {
  const first = Math.max(year - span + 1, Math.min(year, ...[...yearsWithCases].filter((y) => y <= year)))
  return Array.from({ length: year - first + 1 }, (_, i) => first + i)
}

/** A heat band per count: 0 for none, then four equal steps up to the largest (so the darkest is the busiest). */
export function heatBand(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4)))
}

/** The principles with the fewest case studies this year; null when there are no principles. */
export function leastCovered(rows: ReadonlyArray<{ principle: NamedValue; count: number }>): Coverage['leastCovered'] {
  if (rows.length === 0) return null
  const fewest = Math.min(...rows.map((r) => r.count))
  return { principles: rows.filter((r) => r.count === fewest).map((r) => r.principle), count: fewest }
}

const named = (v: FacetValue): NamedValue => (v.labelCy ? { value: v.value, label: v.label, labelCy: v.labelCy } : { value: v.value, label: v.label })

export function buildCoverage(input: CoverageInput): Coverage {
  const { year, all } = input
  const yearCounts = facetCounts(all, 'years')
  const years = yearsShown([...yearCounts.keys()].map(Number), year, input.span)
  const principleTotals = facetCounts(all, 'principles')
  const rowsCounts = input.principles.map((p) => ({ p, years: facetCounts(input.byPrinciple.get(p.value) ?? { total: 0, facets: [] }, 'years') }))
  const max = Math.max(0, ...rowsCounts.flatMap((r) => years.map((y) => r.years.get(String(y)) ?? 0)))
  const principles: PrincipleRow[] = rowsCounts.map(({ p, years: counts }) => ({
    ...p,
    total: figureOf(principleTotals.get(p.value) ?? 0, searchOf({ principles: [p.value] })),
    cells: years.map((y) => {
      const count = counts.get(String(y)) ?? 0
      return { ...figureOf(count, searchOf({ principles: [p.value], years: [y] })), year: y, band: heatBand(count, max) }
    }),
  }))
  const thisYear = principles.map((row) => ({
    principle: { value: row.value, label: row.label, ...(row.labelCy ? { labelCy: row.labelCy } : {}) },
    count: row.cells.at(-1)?.count ?? 0,
  }))
  const place = (list: 'nations' | 'regions'): PlaceRow[] =>
    facetValues(all, list).map((v) => ({ ...named(v), figure: figureOf(v.count, searchOf({ [list]: [v.value] })) }))
  const tierTotals = facetCounts(all, 'tiers')
  const kindCounts = facetCounts(all, 'kinds')
  return {
    year,
    years,
    all: figureOf(all.total, searchOf({})),
    principles,
    yearTotals: years.map((y) => figureOf(yearCounts.get(String(y)) ?? 0, searchOf({ years: [y] }))),
    leastCovered: leastCovered(thisYear),
    nations: place('nations'),
    regions: place('regions'),
    tiers: searchableTiers.map((tier) => {
      const kinds = facetCounts(input.byTier.get(tier) ?? { total: 0, facets: [] }, 'kinds')
      return {
        tier,
        total: figureOf(tierTotals.get(tier) ?? 0, searchOf({ tiers: [tier] })),
        cells: caseStudyKinds.map((kind) => ({ ...figureOf(kinds.get(kind) ?? 0, searchOf({ tiers: [tier], kinds: [kind] })), kind })),
      }
    }),
    kindTotals: caseStudyKinds.map((kind) => ({ ...figureOf(kindCounts.get(kind) ?? 0, searchOf({ kinds: [kind] })), kind })),
    kindsByYear: caseStudyKinds.map((kind) => {
      const perYear = facetCounts(input.byKind.get(kind) ?? { total: 0, facets: [] }, 'years')
      return { kind, cells: years.map((y) => figureOf(perYear.get(String(y)) ?? 0, searchOf({ kinds: [kind], years: [y] }))) }
    }),
  }
}

/** Every figure of the coverage with its address, in page order (the link-walking test and the API share it). */
export function everyFigure(c: Coverage): Figure[] {
  return [
    c.all,
    ...c.principles.flatMap((r) => [...r.cells, r.total]),
    ...c.yearTotals,
    ...c.nations.map((r) => r.figure),
    ...c.regions.map((r) => r.figure),
    ...c.tiers.flatMap((r) => [...r.cells, r.total]),
    ...c.kindTotals,
    ...c.kindsByYear.flatMap((k) => k.cells),
  ]
}
