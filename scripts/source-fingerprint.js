// Whether dist/ holds the code compiled from the sources as they are now. The build records a
// hash of what it compiled (every file tsconfig.build.json takes, and the compiler settings);
// bin/coophub.js runs dist/ only while the hash of the sources today is the same. It first
// compares the files' sizes and modification times (a few milliseconds), and reads the files
// (about 20 ms more) only when one of those moved: an edit, or a checkout that rewrote a file.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
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

/** A hash of the inputs' contents. */
export function sourceFingerprint(files = compiledInputs()) {
  const hash = createHash('sha256')
  for (const file of files) {
    hash.update(`${file}\0`)
    hash.update(readFileSync(path.join(root, file)))
    hash.update('\0')
  }
  return hash.digest('hex')
}

/** A hash of the inputs' names, sizes and modification times. */
export function statSignature(files = compiledInputs()) {
  const hash = createHash('sha256')
  for (const file of files) {
    const { size, mtimeMs } = statSync(path.join(root, file))
    hash.update(`${file}\0${size}\0${mtimeMs}\0`)
  }
  return hash.digest('hex')
}

/** 'current', 'stale' (built from other sources) or 'missing' (never built, or the build failed). */
export function distState() {
  if (!existsSync(stampFile) || !existsSync(path.join(distDir, 'main.js'))) return 'missing'
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'))
    const files = compiledInputs()
    if (stamp.stats === statSignature(files)) return 'current'
    return stamp.sources === sourceFingerprint(files) ? 'current' : 'stale'
  } catch {
    return 'missing'
  }
}

/** What the build is about to compile; written by it after compiling (an edit meanwhile makes dist/ stale). */
export function takeFingerprint() {
  const files = compiledInputs()
  return { sources: sourceFingerprint(files), stats: statSignature(files) }
}

export function writeStamp(fingerprint) {
  writeFileSync(stampFile, `${JSON.stringify({ ...fingerprint, builtAt: new Date().toISOString() }, null, 2)}\n`)
}
