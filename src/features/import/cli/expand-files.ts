// FILE_OR_GLOB arguments → files. Shells usually expand globs first; this covers quoted globs
// ("docs/**/*.html"), shells that do not (Windows), and folders (every readable file inside).
// Node 20 has no fs.glob, so a small matcher: *, ?, **, [abc] and {a,b}.

import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'

export const READABLE_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml', '.docx']

export interface Expanded {
  files: string[]
  /** Arguments that named nothing, with the reason. */
  missing: Array<{ file: string; error: string }>
}

const GLOB_CHARS = /[*?[{]/

/** A glob as a regular expression over '/'-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let out = ''
  let braces = 0
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slashAfter = glob[i + 2] === '/'
        out += slashAfter ? '(?:[^/]*/)*' : '.*'
        i += slashAfter ? 2 : 1
      } else out += '[^/]*'
    } else if (c === '?') out += '[^/]'
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1)
      if (close === -1) out += '\\['
      else {
        const body = glob
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')
        out += `[${body}]`
        i = close
      }
    } else if (c === '{') {
      braces++
      out += '(?:'
    } else if (c === '}' && braces > 0) {
      braces--
      out += ')'
    } else if (c === ',' && braces > 0) out += '|'
    else out += c.replace(/[.+^$()|\\]/g, '\\$&')
  }
  return new RegExp(`^${out}$`)
}

function isReadable(file: string): boolean {
  return READABLE_EXTENSIONS.includes(path.extname(file).toLowerCase())
}

/** Files under `dir` (and folders, with `folders`), at most `depth` levels down (Infinity for "**"). */
function walk(dir: string, depth = Infinity, folders = false): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name)
    if (e.isFile()) out.push(full)
    else if (e.isDirectory() && e.name !== 'node_modules' && !e.name.startsWith('.')) {
      if (folders) out.push(full)
      if (depth > 1) out.push(...walk(full, depth - 1, folders))
    }
  }
  return out
}

/** The files the arguments name, in argument order, sorted within each glob or folder, once each. */
export function expandFiles(args: readonly string[], cwd = process.cwd()): Expanded {
  const files: string[] = []
  const seen = new Set<string>()
  const missing: Expanded['missing'] = []
  const add = (file: string) => {
    const absolute = path.resolve(cwd, file)
    if (seen.has(absolute)) return
    seen.add(absolute)
    files.push(file)
  }
  for (const arg of args) {
    const normal = arg.split(path.sep).join('/')
    if (!GLOB_CHARS.test(normal)) {
      const stat = statSync(path.resolve(cwd, arg), { throwIfNoEntry: false })
      if (!stat) missing.push({ file: arg, error: `"${arg}" does not exist.` })
      else if (stat.isDirectory()) {
        const inside = walk(path.resolve(cwd, arg)).filter(isReadable).sort()
        if (inside.length === 0) missing.push({ file: arg, error: `The folder "${arg}" holds no file the importer reads (${READABLE_EXTENSIONS.join(', ')}).` })
        for (const f of inside) add(path.isAbsolute(arg) ? f : path.relative(cwd, f))
      } else add(arg)
      continue
    }
    // The folder part before the first wildcard is walked; the rest is matched.
    const parts = normal.split('/')
    const firstGlob = parts.findIndex((p) => GLOB_CHARS.test(p))
    const baseParts = parts.slice(0, firstGlob)
    const base = baseParts.length === 0 ? '.' : baseParts.join('/') || '/'
    const rest = parts.slice(firstGlob)
    const matcher = globToRegExp(rest.join('/'))
    const depth = rest.includes('**') || rest.some((p) => p.includes('**')) ? Infinity : rest.length
    const root = path.resolve(cwd, base)
    const stat = statSync(root, { throwIfNoEntry: false })
    // A folder that matches ("exports/2023-*") stands for the readable files inside it.
    const matched = stat?.isDirectory()
      ? walk(root, depth, true)
          .filter((f) => matcher.test(path.relative(root, f).split(path.sep).join('/')))
          .flatMap((f) => (statSync(f).isDirectory() ? walk(f).filter(isReadable) : [f]))
          .sort()
      : []
    if (matched.length === 0) missing.push({ file: arg, error: `No file matches "${arg}".` })
    for (const f of matched) add(path.isAbsolute(arg) ? f : path.relative(cwd, f))
  }
  return { files, missing }
}
