import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type * as Typst from '@myriaddreamin/typst-ts-node-compiler'
import type { PackDocument } from './pack-document.ts'
import { drawableText, fontCodePoints } from './font-coverage.ts'
import { packTemplate } from './pack-template.ts'

// The pack as a tagged PDF/UA-1 document through Typst. DejaVu Sans is embedded: it has every
// Welsh letter (ŵ, ŷ and the rest), and the compiler is given no system fonts, so the output is
// the same on every machine.

const require = createRequire(import.meta.url)
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf')
const fontFiles = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf', 'DejaVuSansMono.ttf']

const workspace = '/coophub-pack'
const coverPath = `${workspace}/cover-image`

let loaded: { compiler: Typst.NodeCompiler; covered: Set<number> } | undefined
function load(): { compiler: Typst.NodeCompiler; covered: Set<number> } {
  if (!loaded) {
    const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler') as typeof Typst
    const fonts = fontFiles.map((f) => readFileSync(path.join(fontDir, f)))
    // The regular face draws the text; a character it lacks is left out rather than refused.
    // A workspace that is no folder on disk: the program reads only the files mapped into it.
    loaded = { compiler: NodeCompiler.create({ workspace, fontArgs: [{ fontBlobs: fonts }] }), covered: fontCodePoints(fonts[0]!) }
  }
  return loaded
}

export class PackTypesettingError extends Error {}

export interface PackPdf {
  bytes: Buffer
  pages: number
}

/**
 * The PDF and its page count. `createdAt` fixes the date in its metadata (the same pack gives the
 * same file). `cover` is the cover image's bytes, when the document has one.
 */
export function packPdf(document: PackDocument, createdAt: Date = new Date(), cover: Uint8Array | null = null): PackPdf {
  const { compiler: typst, covered } = load()
  if (document.coverImage && !cover) throw new PackTypesettingError('The pack has a cover image but its bytes were not given.')
  // The compiler is kept between packs: the last pack's image must not reach this one.
  typst.resetShadow()
  if (document.coverImage && cover) typst.mapShadow(coverPath, Buffer.from(cover.buffer, cover.byteOffset, cover.byteLength))
  // JSON's own punctuation is ASCII, so leaving characters out of the serialised text is safe.
  const pack = drawableText(JSON.stringify(document), covered)
  try {
    const compiled = typst.compile({ mainFileContent: packTemplate, inputs: { pack } })
    const result = compiled.result
    if (compiled.hasError() || !result) throw compiled.takeDiagnostics() ?? compiled.takeError() ?? new Error('no document')
    const bytes = typst.pdf(result, { pdfStandard: 'ua-1', creationTimestamp: Math.floor(createdAt.getTime() / 1000) })
    return { bytes, pages: result.numOfPages }
  } catch (error) {
    const diagnostics = (error as { shortDiagnostics?: unknown }).shortDiagnostics
    throw new PackTypesettingError(
      `The pack could not be typeset: ${String((error as { code?: string }).code ?? error)}${diagnostics ? ` ${JSON.stringify(diagnostics)}` : ''}`,
    )
  } finally {
    typst.evictCache(10)
  }
}
