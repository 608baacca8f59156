// Which characters a TrueType font can draw, read from its cmap table. PDF/UA-1 refuses text
// with no glyph (an emoji: DejaVu has none), so the pack leaves such characters out of the PDF;
// the HTML edition keeps them.

/** The code points of a font's Unicode cmap (format 4 or 12). */
export function fontCodePoints(font: Buffer): Set<number> {
  const points = new Set<number>()
  const tables = font.readUInt16BE(4)
  let cmap = -1
  for (let i = 0; i < tables; i++) {
    const record = 12 + i * 16
    if (font.toString('latin1', record, record + 4) === 'cmap') cmap = font.readUInt32BE(record + 8)
  }
  if (cmap < 0) return points
  const subtables = font.readUInt16BE(cmap + 2)
  const offsets: number[] = []
  for (let i = 0; i < subtables; i++) {
    const platform = font.readUInt16BE(cmap + 4 + i * 8)
    if (platform === 0 || platform === 3) offsets.push(cmap + font.readUInt32BE(cmap + 4 + i * 8 + 4))
  }
  for (const at of offsets) {
    const format = font.readUInt16BE(at)
    if (format === 12) {
      const groups = font.readUInt32BE(at + 12)
      for (let g = 0; g < groups; g++) {
        const start = font.readUInt32BE(at + 16 + g * 12)
        const end = font.readUInt32BE(at + 20 + g * 12)
        for (let c = start; c <= end; c++) points.add(c)
      }
    } else if (format === 4) {
      const segments = font.readUInt16BE(at + 6) / 2
      const ends = at + 14
      const starts = ends + segments * 2 + 2
      for (let s = 0; s < segments; s++) {
        const start = font.readUInt16BE(starts + s * 2)
        const end = font.readUInt16BE(ends + s * 2)
        if (start === 0xffff) continue
        // A segment says the range is mapped; a glyph id of 0 inside it is rare enough in DejaVu to ignore.
        for (let c = start; c <= end; c++) points.add(c)
      }
    }
  }
  return points
}

/** Characters with no glyph that need none: zero-width space, joiners, word joiner, variation selectors. */
function invisible(cp: number): boolean {
  return (cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || (cp >= 0xfe00 && cp <= 0xfe0f)
}

/** The text without the characters none of the fonts can draw. */
export function drawableText(text: string, covered: Set<number>): string {
  let out = ''
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    if (cp < 0x80 || covered.has(cp) || invisible(cp)) out += ch
  }
  return out
}
