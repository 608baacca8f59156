// The UK government Analysis Function's categorical palette (its accessible colours for charts,
// in its order), each paired with a pattern so that series stay apart in greyscale and for
// people who cannot tell the colours apart; a chart also labels its series directly.
export const palette = ['#12436D', '#28A197', '#801650', '#F46A25', '#3D3D3D', '#A285D1'] as const

/** Patterns drawn over a series' colour, by series: none for the first, then lines, dots and crosses. */
const patternShapes = [
  '',
  '<path d="M0,6 L6,0" stroke="#fff" stroke-width="1.5"/>',
  '<circle cx="3" cy="3" r="1.2" fill="#fff"/>',
  '<path d="M0,3 H6" stroke="#fff" stroke-width="1.5"/>',
  '<path d="M0,0 L6,6 M0,6 L6,0" stroke="#fff" stroke-width="1"/>',
  '<path d="M3,0 V6" stroke="#fff" stroke-width="1.5"/>',
] as const

/** The fill of series `i` in a chart whose patterns are named from `id`. */
export const seriesFill = (id: string, i: number) => (i % palette.length === 0 ? palette[0] : `url(#${id}-p${i % palette.length})`)

/** The chart's pattern definitions (each a colour with white marks), for its <defs>. */
export function patternDefs(id: string, count: number): string {
  let defs = ''
  for (let i = 1; i < Math.min(count, palette.length); i++) {
    defs += `<pattern id="${id}-p${i}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="${palette[i]}"/>${patternShapes[i]}</pattern>`
  }
  return defs
}
