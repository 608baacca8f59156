// The hex map of a search: the layout (read once from data/hexmaps), the organisations the map can
// place (memoised until content changes) and the search's member counts from the search engine.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { projectRoot } from '../../runtime.ts'
import type { SearchMessage, SearchParams } from '../search/query-string.ts'
import { searchHref } from '../search/query-string.ts'
import { countSearch, type SearchDeps } from '../search/run-search.ts'
import type { Facet } from '../search/search-types.ts'
import { mapOrganisations, type MapOrganisation } from './queries.ts'
import { layoutHexes, type HexLayout, type HexValue } from './rules/hex-map.ts'

export const mapWidth = 500

let layout: HexLayout | null = null

/** The UK's council hexagons (Open Innovations' HexJSON, shipped in data/hexmaps). */
export function ukLayout(): HexLayout {
  layout ??= layoutHexes(JSON.parse(readFileSync(path.join(projectRoot, 'data/hexmaps/uk-local-authority-districts.hexjson'), 'utf8')), mapWidth)
  return layout
}

export interface MapRow extends HexValue {
  slug: string
  name: string
  code: string
  tier: string
}

export interface SearchMap {
  params: SearchParams
  facets: Facet[]
  total: number
  stale: boolean
  /** What the search could not use (a mistyped filter), for the page to say. */
  notices: SearchMessage[]
  /** Every organisation the map places, with its count in this search, busiest first. */
  rows: MapRow[]
  max: number
}

/**
 * The search's count per council, led or taking part (the members facet), each with the address
 * of the same search for that council alone: the figure is that address's total.
 */
export async function searchMap(deps: SearchDeps, raw: Record<string, unknown>, language: 'en' | 'cy'): Promise<SearchMap> {
  const outcome = await countSearch(deps, raw, { language })
  const placed = await deps.memo('insights:map-organisations', () => mapOrganisations(deps.db))
  const counts = new Map((outcome.facets.find((f) => f.name === 'members')?.values ?? []).map((v) => [v.value, v.count]))
  const codes = new Set(ukLayout().hexes.map((h) => h.code))
  const rows = placed
    .filter((o: MapOrganisation) => codes.has(o.gssCode))
    .map((o) => ({
      slug: o.slug,
      name: o.name,
      code: o.gssCode,
      tier: o.tier,
      member: o.tier !== 'none',
      count: counts.get(o.slug) ?? 0,
      href: searchHref(outcome.params, { members: [o.slug], page: 1 }),
    }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en-GB'))
  // Two organisations with one code (a council and its merged successor): the busier is drawn.
  const seen = new Set<string>()
  const unique = rows.filter((r) => (seen.has(r.code) ? false : (seen.add(r.code), true)))
  return {
    params: outcome.params,
    facets: outcome.facets,
    total: outcome.total,
    stale: outcome.stale,
    notices: outcome.notices,
    rows: unique,
    max: Math.max(0, ...unique.map((r) => r.count)),
  }
}
