// The hex map of UK councils as SVG text: one hexagon per local authority district, every one the
// same size, laid out by d3-hexjson from Open Innovations' HexJSON (data/hexmaps, MIT). A
// hexagon is one <use> of a shared shape, so that 391 of them stay well under 100 KB; its shade
// is a class (the stylesheet's colours: no style attribute passes the CSP). Pure.
import { renderHexJSON } from 'd3-hexjson'
import { escapeHtml as e } from '../../../lib/html.ts'

export interface HexJson {
  layout: 'odd-r' | 'even-r' | 'odd-q' | 'even-q'
  hexes: Record<string, { n?: string; name?: string; q: number; r: number }>
}

export interface PlacedHex {
  /** The council's GSS code, the HexJSON key. */
  code: string
  name: string
  x: number
  y: number
}

export interface HexLayout {
  width: number
  height: number
  /** The hexagon's corners around (0, 0). */
  points: string
  hexes: PlacedHex[]
}

const round = (n: number) => Math.round(n * 10) / 10

/** Every hexagon's place for a map `width` wide (its height follows from the grid). */
export function layoutHexes(hexjson: HexJson, width: number): HexLayout {
  // renderHexJSON writes into the hexes it is given: a copy keeps the loaded data as it was.
  const copy = structuredClone(hexjson)
  const rendered = renderHexJSON(copy, width, width * 10) as Array<{
    key: string
    n?: string
    name?: string
    x: number
    y: number
    vertices: Array<{ x: number; y: number }>
  }>
  const vertices = rendered[0]?.vertices ?? []
  const radius = Math.max(0, ...vertices.map((v) => Math.abs(v.y)))
  const height = Math.max(0, ...rendered.map((h) => h.y)) + radius
  return {
    width,
    height: Math.ceil(height),
    points: vertices.map((v) => `${round(v.x)},${round(v.y)}`).join(' '),
    hexes: rendered.map((h) => ({ code: h.key, name: h.name ?? h.n ?? h.key, x: round(h.x), y: round(h.y) })),
  }
}

export interface HexValue {
  /** Where the hexagon links: the council's results. */
  href: string
  count: number
  member: boolean
}

export interface HexMapSvg {
  id: string
  title: string
  desc: string
  layout: HexLayout
  /** Per GSS code, the council's figure; a hexagon without one is drawn empty, with no link. */
  values: ReadonlyMap<string, HexValue>
  /** A hexagon's shade: classes of the stylesheet, or a fill (a pattern of this SVG) for a category. */
  shade: (value: HexValue | undefined) => { classes: string; fill?: string }
  /** Definitions the fills refer to (patterns). */
  defs?: string
  /** The hexagon's name and figure: "Leeds: 3 case studies (member)". */
  label: (name: string, value: HexValue | undefined) => string
}

export function hexMapSvg(map: HexMapSvg): string {
  const { id, layout } = map
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" class="coophub-hexmap" aria-labelledby="${id}-title ${id}-desc" data-qa="hexmap">`
  svg += `<title id="${id}-title">${e(map.title)}</title><desc id="${id}-desc">${e(map.desc)}</desc>`
  svg += `<defs><polygon id="${id}-hex" points="${layout.points}"/>${map.defs ?? ''}</defs>`
  for (const hex of layout.hexes) {
    const value = map.values.get(hex.code)
    const shade = map.shade(value)
    const classes = `coophub-hex ${shade.classes}${value?.member ? ' coophub-hex--member' : ''}`
    const fill = shade.fill ? ` fill="${shade.fill}"` : ''
    const use = `<use href="#${id}-hex" x="${hex.x}" y="${hex.y}" class="${classes}"${fill} data-code="${hex.code}" data-count="${value?.count ?? 0}"`
    const title = `<title>${e(map.label(hex.name, value))}</title>`
    svg += value ? `<a href="${e(value.href)}">${use}/>${title}</a>` : `${use}>${title}</use>`
  }
  return `${svg}</svg>`
}
