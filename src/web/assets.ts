import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import * as sass from 'sass'

const stylesDir = path.resolve(import.meta.dirname, 'styles')
export const buildDir = path.resolve(import.meta.dirname, '../../public/build')
const cssFile = path.join(buildDir, 'app.css')

function newestSourceTime(): number {
  const own = readdirSync(stylesDir).map((f) => statSync(path.join(stylesDir, f)).mtimeMs)
  const govuk = statSync(path.resolve(import.meta.dirname, '../../node_modules/govuk-frontend/package.json')).mtimeMs
  return Math.max(govuk, ...own)
}

function isFresh(): boolean {
  try {
    return statSync(cssFile).mtimeMs >= newestSourceTime()
  } catch {
    return false
  }
}

/** Compiles the stylesheet when it is missing or older than its sources; returns its version hash. */
export async function buildAssets(options: { force?: boolean } = {}): Promise<string> {
  if (options.force || !isFresh()) {
    const result = await sass.compileAsync(path.join(stylesDir, 'app.scss'), {
      importers: [new sass.NodePackageImporter()],
      style: 'compressed',
      quietDeps: true,
    })
    mkdirSync(buildDir, { recursive: true })
    writeFileSync(cssFile, result.css)
  }
  return createHash('sha256').update(readFileSync(cssFile)).digest('hex').slice(0, 12)
}
