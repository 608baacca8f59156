#!/usr/bin/env node
// Every package coophub runs with (`npm ls --omit=dev --all`) under a licence that can be combined
// with coophub's AGPL-3.0-or-later: fails naming each package that is not. `.ci/run` runs it.
// An SPDX expression passes when every AND part, and at least one OR alternative, is allowed.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Permissive licences, weak and strong copyleft that AGPL-3.0-or-later can take in. */
export const allowed = new Set([
  'MIT',
  'MIT-0',
  'ISC',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'Apache-2.0',
  'MPL-2.0',
  '0BSD',
  'BlueOak-1.0.0',
  'CC0-1.0',
  'CC-BY-4.0',
  'Unlicense',
  'Zlib',
  'Python-2.0',
  'PSF-2.0',
  'OFL-1.1',
  'LGPL-2.1-or-later',
  'LGPL-3.0-only',
  'LGPL-3.0-or-later',
  'GPL-2.0-or-later',
  'GPL-3.0-only',
  'GPL-3.0-or-later',
  'AGPL-3.0-only',
  'AGPL-3.0-or-later',
])

/**
 * Packages whose package.json does not state an SPDX licence, read by hand: the licence their
 * files carry and why it is compatible. A new version must be read again (the key holds it).
 */
export const reviewed = {
  'dejavu-fonts-ttf@2.37.3': 'Bitstream Vera / Arev font licence (free to copy and embed); font files used as data in generated PDFs, not combined code',
  'png-js@2.0.0': 'MIT (its LICENSE file; package.json has no licence field)',
  'duck@0.1.12': 'BSD-2-Clause (its LICENSE file; package.json says only "BSD")',
}

/** Whether an SPDX expression is allowed (simple parser: parentheses, AND, OR, WITH). */
export function licenceAllowed(expression) {
  const tokens = expression.replace(/[()]/g, ' $& ').trim().split(/\s+/)
  let at = 0
  const primary = () => {
    const token = tokens[at++]
    if (token === '(') {
      const inner = or()
      at++ // ')'
      return inner
    }
    if (tokens[at] === 'WITH') at += 2 // an exception only ever adds permissions
    return allowed.has(token?.replace(/\+$/, '-or-later') ?? '') || allowed.has(token ?? '')
  }
  const and = () => {
    let ok = primary()
    while (tokens[at] === 'AND') {
      at++
      ok = primary() && ok
    }
    return ok
  }
  const or = () => {
    let ok = and()
    while (tokens[at] === 'OR') {
      at++
      ok = and() || ok
    }
    return ok
  }
  return or() && at === tokens.length
}

/** The licence a package.json states, as an SPDX expression, or null. */
export function statedLicence(pkg) {
  const l = pkg.license ?? pkg.licenses
  if (typeof l === 'string') return l
  if (Array.isArray(l)) return l.map((x) => (typeof x === 'string' ? x : x.type)).join(' OR ')
  if (l && typeof l === 'object' && typeof l.type === 'string') return l.type
  return null
}

function runtimePackageDirs() {
  const ls = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (!ls.stdout) throw new Error(`npm ls failed: ${ls.stderr}`)
  return [...new Set(ls.stdout.split('\n').filter(Boolean))].filter((dir) => path.resolve(dir) !== root)
}

function main() {
  const problems = []
  let checked = 0
  for (const dir of runtimePackageDirs()) {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))
    const id = `${pkg.name}@${pkg.version}`
    const licence = statedLicence(pkg)
    checked++
    if (reviewed[id]) continue
    if (!licence) problems.push(`${id}: no licence stated (read its files and add it to "reviewed" in scripts/check-licences.js)`)
    else if (!licenceAllowed(licence)) problems.push(`${id}: ${licence} is not on the list of licences compatible with AGPL-3.0-or-later`)
  }
  if (problems.length > 0) {
    console.error(`Licence check failed for ${problems.length} of ${checked} runtime packages:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    process.exit(1)
  }
  console.log(`Licences: all ${checked} runtime packages are compatible with AGPL-3.0-or-later`)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
