import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'

export interface Row {
  benchmark: string
  database: string
  measured: string
  reference: string
  result: string
  target: string
  /** null: no target, reported for information. */
  pass: boolean | null
}

export function machineDescription(): string {
  const cpus = os.cpus()
  const memory = (os.totalmem() / 1024 ** 3).toFixed(1)
  return `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${memory} GiB memory, Node ${process.version}, ${os.type()} ${os.release()}`
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ')
}

export function markdownTable(rows: Row[]): string {
  const verdict = (pass: boolean | null): string => (pass === null ? '—' : pass ? 'pass' : '**FAIL**')
  return [
    '| Benchmark | Database | Measured | Reference | Result | Target | Pass |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${[r.benchmark, r.database, r.measured, r.reference, r.result, r.target, verdict(r.pass)].map(cell).join(' | ')} |`),
  ].join('\n')
}

/** Replaces the section headed `heading` (up to the next `## `), or appends it; keeps the rest. */
export function writeSection(file: string, heading: string, body: string): void {
  const section = `${heading}\n\n${body.trim()}\n`
  const current = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Benchmarks\n\nResults of `npm run bench` (bench/). Each benchmark run replaces its own section.\n'
  const lines = current.split('\n')
  const start = lines.findIndex((line) => line.trim() === heading)
  if (start === -1) {
    writeFileSync(file, `${current.trimEnd()}\n\n${section}`)
    return
  }
  const next = lines.findIndex((line, i) => i > start && line.startsWith('## '))
  const before = lines.slice(0, start).join('\n').trimEnd()
  const after = next === -1 ? '' : `\n${lines.slice(next).join('\n').trimEnd()}\n`
  writeFileSync(file, `${before ? `${before}\n\n` : ''}${section}${after}`)
}
