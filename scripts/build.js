#!/usr/bin/env node
// `npm run build`, also npm's `prepare` script, so that `npm ci && npm start` needs nothing else:
//   1. compiles src/ into dist/ (tsconfig.build.json: emit only; `npm run typecheck` checks types),
//   2. records the sources' fingerprint, so that bin/coophub.js runs dist/ only while it matches,
//   3. compiles the stylesheet into public/build/,
//   4. makes the embedded database's template (created and migrated) in dist/, unless the one
//      there was made from the same PGlite and the same migrations.
// Without TypeScript installed (`npm ci --omit=dev`) it skips 1–2: coophub then runs its sources
// through tsx, as in development.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { distDir, root, takeFingerprint, writeStamp } from './source-fingerprint.js'

const began = performance.now()
const elapsed = () => `${((performance.now() - began) / 1000).toFixed(1)} s`
const require = createRequire(import.meta.url)

function typescriptCompiler() {
  try {
    return require.resolve('typescript/bin/tsc')
  } catch {
    return null
  }
}

/** Empties dist/ but for the database template, which step 4 keeps when it still fits. */
function clearCompiledCode() {
  mkdirSync(distDir, { recursive: true })
  for (const entry of readdirSync(distDir)) {
    if (!entry.startsWith('pglite-template.')) rmSync(path.join(distDir, entry), { recursive: true, force: true })
  }
}

const tsc = typescriptCompiler()
let compiled = false
if (tsc) {
  const fingerprint = takeFingerprint()
  clearCompiledCode()
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error('coophub build: the TypeScript sources did not compile (see above).')
    process.exit(1)
  }
  writeStamp(fingerprint)
  compiled = true
  console.log(`coophub build: src/ compiled into dist/ (${elapsed()})`)
} else {
  console.log('coophub build: TypeScript is not installed (npm ci --omit=dev?): coophub will run its sources through tsx.')
}

// Steps 3 and 4 run the code just compiled, or the sources through tsx.
async function load(modulePath) {
  if (compiled) return import(pathToFileURL(path.join(distDir, `${modulePath}.js`)).href)
  const { register } = await import('tsx/esm/api')
  register()
  return import(pathToFileURL(path.join(root, 'src', `${modulePath}.ts`)).href)
}

const { buildAssets } = await load('web/assets')
await buildAssets({ force: true })
console.log(`coophub build: stylesheet compiled into public/build/ (${elapsed()})`)

const { currentTemplateManifest, templateFile, templateManifestFile } = await load('db/template')
const wanted = JSON.stringify(currentTemplateManifest())
const kept = existsSync(templateFile) && existsSync(templateManifestFile) && JSON.stringify(JSON.parse(readFileSync(templateManifestFile, 'utf8'))) === wanted
if (kept) {
  console.log('coophub build: the database template is up to date')
} else {
  try {
    const { buildTemplate } = await load('db/build-template')
    const manifest = await buildTemplate()
    console.log(`coophub build: database template made with ${manifest.migrations.length} migrations (${elapsed()})`)
  } catch (error) {
    // Only a speed-up: a new database then runs initdb and every migration itself.
    console.warn(`coophub build: no database template (${error instanceof Error ? error.message : String(error)}); new databases will be created from scratch.`)
  }
}
