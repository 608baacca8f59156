import { execFileSync, spawnSync } from 'node:child_process'

// Reading a produced PDF with tools that share no code with the one that wrote it: poppler-utils
// (pdfinfo, pdftotext) and qpdf, as Debian ships them. Where they are missing a test is skipped on
// a developer's machine and fails in CI, which installs them (.ci/run).

const tools = ['pdfinfo', 'pdftotext', 'qpdf'] as const

/** Why the PDF tests cannot run here, or null when they can. Throws in CI. */
export function pdfToolsMissing(): string | null {
  const missing = tools.filter((tool) => spawnSync(tool, ['-v']).error !== undefined)
  if (missing.length === 0) return null
  const reason = `${missing.join(', ')} not installed (Debian: apt-get install poppler-utils qpdf)`
  if (process.env.CI === 'true') throw new Error(`${reason}. In CI this is a failure.`)
  return reason
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  return Object.fromEntries(
    out
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m) => m !== null)
      .map((m) => [m[1]!.trim(), m[2]!.trim()]),
  )
}

/** The text of pages `first` to `last` (from 1). */
export function pdfText(file: string, first?: number, last = first): string {
  const range = first === undefined ? [] : ['-f', String(first), '-l', String(last)]
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...range, file, '-'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 64 * 1024 * 1024,
  })
}

export interface Bookmark {
  title: string
  page: number
  kids: Bookmark[]
}

/** The document outline (bookmarks) as qpdf reads it. */
export function pdfBookmarks(file: string): Bookmark[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=outlines', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as {
    outlines: Array<{ title: string; destpageposfrom1: number; kids: unknown[] }>
  }
  const read = (items: Array<{ title: string; destpageposfrom1: number; kids: unknown[] }>): Bookmark[] =>
    items.map((o) => ({ title: o.title, page: o.destpageposfrom1, kids: read(o.kids as typeof items) }))
  return read(json.outlines)
}

/** Fonts that are not embedded, from pdffonts' table; empty when every font is. */
export function unembeddedFonts(file: string): string[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .filter((line) => {
      // Columns: name type encoding emb sub uni object ID; "emb" is the fourth from the end.
      const cells = line.trim().split(/\s+/)
      return cells[cells.length - 5] !== 'yes'
    })
}

/** The document catalogue as qpdf prints it (language, structure tree, viewer preferences). */
export function pdfCatalogue(file: string): string {
  const trailer = execFileSync('qpdf', ['--show-object=trailer', file], { encoding: 'utf8' })
  const root = /\/Root (\d+) 0 R/.exec(trailer)?.[1]
  if (!root) throw new Error(`${file}: no /Root in the trailer`)
  return execFileSync('qpdf', [`--show-object=${root}`, file], { encoding: 'utf8' })
}

/** The address of every link annotation (/URI actions), in the order qpdf lists the objects. */
export function pdfLinkTargets(file: string): string[] {
  const json = execFileSync('qpdf', ['--json=2', '--json-key=qpdf', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  return [...json.matchAll(/"\/URI": "(?:u:)?([^"]*)"/g)].map((m) => m[1]!)
}

/** The images of a PDF as pdfimages -list reports them (poppler-utils). */
export function pdfImages(file: string): Array<{ page: number; width: number; height: number; type: string }> {
  const out = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  return out
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((cells) => cells.length > 4)
    .map((cells) => ({ page: Number(cells[0]), type: cells[2]!, width: Number(cells[3]), height: Number(cells[4]) }))
}

/** The structure elements' /Alt texts of a PDF, read from qpdf's uncompressed copy (literal and hex strings, PDFDoc or UTF-16). */
export function pdfAltTexts(file: string): string[] {
  // qpdf exits with 3 when it only warned: its output is still whole.
  const qdf = spawnSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { encoding: 'latin1', maxBuffer: 256 * 1024 * 1024 }).stdout
  const decode = (bytes: Buffer) =>
    bytes[0] === 0xfe && bytes[1] === 0xff ? Buffer.from(bytes.subarray(2)).swap16().toString('utf16le') : bytes.toString('latin1')
  const literal = (s: string) =>
    Buffer.from(
      s.replace(/\\([0-7]{1,3}|.)/g, (_, c: string) =>
        /^[0-7]+$/.test(c) ? String.fromCharCode(parseInt(c, 8)) : (({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[c] ?? c),
      ),
      'latin1',
    )
  return [...qdf.matchAll(/\/Alt (?:\(((?:\\.|[^\\)])*)\)|<([0-9A-Fa-f\s]*)>)/g)].map((m) =>
    decode(m[1] !== undefined ? literal(m[1]) : Buffer.from(m[2]!.replace(/\s/g, ''), 'hex')),
  )
}
