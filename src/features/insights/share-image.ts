// A case study's share image (Open Graph, 1200 × 630): an SVG drawn here and rendered to PNG by
// resvg with the DejaVu fonts the project ships (no browser, no system fonts: the same picture on
// every machine). The caller keeps the PNG until content changes.
import { createRequire } from 'node:module'
import path from 'node:path'
import { escapeHtml as e } from '../../lib/html.ts'

const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf')

/** Words into lines of at most `width` characters, at most `lines` of them (the last ends with … when cut). */
export function wrapWords(text: string, width: number, lines: number): string[] {
  const out: string[] = []
  let line = ''
  const words = text.split(/\s+/).filter(Boolean)
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    const next = line ? `${line} ${word}` : word
    if (next.length <= width || line === '') line = next.length > width ? `${next.slice(0, width - 1)}…` : next
    else {
      out.push(line)
      line = word
    }
    if (out.length === lines) {
      out[lines - 1] = `${out[lines - 1]!.replace(/[\s.,;:…]+$/, '')}…`
      return out
    }
  }
  if (line) out.push(line)
  return out.slice(0, lines)
}

export interface ShareFacts {
  title: string
  networkName: string
  /** "Led by Leeds City Council". */
  byline: string
  /** "Meets 3 of the network's principles". */
  principles: string
}

export function shareSvg(facts: ShareFacts): string {
  const title = wrapWords(facts.title, 30, 4)
  let svg = '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">'
  svg += '<rect width="1200" height="630" fill="#3b2159"/><rect y="600" width="1200" height="30" fill="#28A197"/>'
  svg += `<text x="80" y="110" font-family="DejaVu Sans" font-size="34" fill="#ffffff">${e(facts.networkName)}</text>`
  title.forEach((line, i) => {
    svg += `<text x="80" y="${230 + i * 76}" font-family="DejaVu Sans" font-weight="bold" font-size="62" fill="#ffffff">${e(line)}</text>`
  })
  svg += `<text x="80" y="530" font-family="DejaVu Sans" font-size="32" fill="#ffffff">${e(facts.byline)}</text>`
  svg += `<text x="80" y="575" font-family="DejaVu Sans" font-size="28" fill="#d2e2f1">${e(facts.principles)}</text>`
  return `${svg}</svg>`
}

export async function sharePng(facts: ShareFacts): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js')
  const resvg = new Resvg(shareSvg(facts), {
    font: {
      loadSystemFonts: false,
      fontFiles: [path.join(fontDir, 'DejaVuSans.ttf'), path.join(fontDir, 'DejaVuSans-Bold.ttf')],
      defaultFontFamily: 'DejaVu Sans',
    },
  })
  return Buffer.from(resvg.render().asPng())
}
