import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import { projectRoot, sourceDir } from '../runtime.ts'

const stylesDir = path.join(sourceDir, 'web/styles')
export const buildDir = path.join(projectRoot, 'public/build')
const cssFile = path.join(buildDir, 'app.css')

function newestSourceTime(): number {
  const own = readdirSync(stylesDir).map((f) => statSync(path.join(stylesDir, f)).mtimeMs)
  const govuk = statSync(path.join(projectRoot, 'node_modules/govuk-frontend/package.json')).mtimeMs
  return Math.max(govuk, ...own)
}

function isFresh(): boolean {
  try {
    return statSync(cssFile).mtimeMs >= newestSourceTime()
  } catch {
    return false
  }
}

/** Written whole or not at all: test files and servers may build at the same time. */
function writeAtomically(file: string, content: Buffer | string): void {
  const temporary = `${file}.${process.pid}.tmp`
  writeFileSync(temporary, content)
  renameSync(temporary, file)
}

/**
 * The stylesheet, and beside it the same bytes compressed with Brotli and gzip, which the static
 * files plugin sends to browsers that accept them: the stylesheet blocks the first paint, and
 * compressed it is about an eighth of its size.
 */
async function compile(): Promise<void> {
  // Loaded only to compile: importing sass costs a few hundred milliseconds of every start.
  const sass = await import('sass')
  const result = await sass.compileAsync(path.join(stylesDir, 'app.scss'), {
    importers: [new sass.NodePackageImporter()],
    style: 'compressed',
    quietDeps: true,
  })
  const css = Buffer.from(result.css)
  const [brotli, gzip] = await Promise.all([
    promisify(zlib.brotliCompress)(css, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY } }),
    promisify(zlib.gzip)(css, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ])
  mkdirSync(buildDir, { recursive: true })
  writeAtomically(`${cssFile}.br`, brotli)
  writeAtomically(`${cssFile}.gz`, gzip)
  // Last: its time is what says the build is fresh.
  writeAtomically(cssFile, css)
}

/** Compiles the stylesheet when it is missing or older than its sources; returns its version hash. */
export async function buildAssets(options: { force?: boolean } = {}): Promise<string> {
  if (options.force || !isFresh()) await compile()
  return createHash('sha256').update(readFileSync(cssFile)).digest('hex').slice(0, 12)
}
