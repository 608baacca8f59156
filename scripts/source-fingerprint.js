// Whether dist/ holds the code compiled from the sources as they are now. The build records a
// hash of what it compiled (every file tsconfig.build.json takes, and the compiler settings);
// bin/coophub.js runs dist/ only while the hash of the sources today is the same (about 20 ms).
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export const root = path.resolve(import.meta.dirname, '..')
export const distDir = path.join(root, 'dist')
const stampFile = path.join(distDir, 'build-stamp.json')

/** The files the build compiles (tsconfig.build.json's include and exclude), and its settings. */
function compiledInputs() {
  const sources = readdirSync(path.join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|js)$/.test(e.name) && !e.name.endsWith('.test.ts'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .filter((file) => !file.startsWith(path.join('src', 'web', 'static') + path.sep))
  return [...sources.sort(), 'tsconfig.json', 'tsconfig.build.json']
}

export function sourceFingerprint() {
  const hash = createHash('sha256')
  for (const file of compiledInputs()) {
    hash.update(`${file}\0`)
    hash.update(readFileSync(path.join(root, file)))
    hash.update('\0')
  }
  return hash.digest('hex')
}

/** 'current', 'stale' (built from other sources) or 'missing' (never built, or the build failed). */
export function distState() {
  if (!existsSync(stampFile) || !existsSync(path.join(distDir, 'main.js'))) return 'missing'
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'))
    return stamp.sources === sourceFingerprint() ? 'current' : 'stale'
  } catch {
    return 'missing'
  }
}

/** Written by the build after compiling, with the fingerprint taken before it (an edit meanwhile makes dist/ stale). */
export function writeStamp(sources) {
  writeFileSync(stampFile, `${JSON.stringify({ sources, builtAt: new Date().toISOString() }, null, 2)}\n`)
}
