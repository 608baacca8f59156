import type { Outcome } from '../commands/store-documents.ts'
import type { LikelyDuplicate } from '../queries.ts'

export interface ImportSummary {
  imported: number
  updated: number
  unchanged: number
  failed: number
  warnings: number
  documentsWithWarnings: number
  failures: Array<{ file: string; error: string }>
  duplicates: Array<{ file: string; title: string; duplicate: LikelyDuplicate }>
  seconds: number
}

export function summarise(outcomes: readonly Outcome[], seconds: number): ImportSummary {
  const s: ImportSummary = { imported: 0, updated: 0, unchanged: 0, failed: 0, warnings: 0, documentsWithWarnings: 0, failures: [], duplicates: [], seconds }
  for (const o of outcomes) {
    if (o.status === 'failed') {
      s.failed++
      s.failures.push({ file: o.file, error: o.error })
      continue
    }
    s[o.status]++
    s.warnings += o.warnings.length
    if (o.warnings.length > 0) s.documentsWithWarnings++
    for (const d of o.duplicates) s.duplicates.push({ file: o.file, title: o.title, duplicate: d })
  }
  return s
}

const LISTED = 50

function table(rows: Array<[string, string]>): string[] {
  const width = Math.max(...rows.map(([k]) => k.length))
  return rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`)
}

const n = (x: number) => x.toLocaleString('en-GB')

/** The table printed at the end of `coophub import`, then each failure and likely duplicate. */
export function formatSummary(s: ImportSummary): string[] {
  const total = s.imported + s.updated + s.unchanged + s.failed
  const rate = s.seconds > 0 ? ` (${n(Math.round(total / s.seconds))} a second)` : ''
  const lines = [
    '',
    `Import summary: ${n(total)} document${total === 1 ? '' : 's'} in ${s.seconds.toFixed(1)} s${rate}`,
    ...table([
      ['Imported', n(s.imported)],
      ['Updated', n(s.updated)],
      ['Unchanged', n(s.unchanged)],
      ['Warnings', `${n(s.warnings)}${s.warnings ? ` in ${n(s.documentsWithWarnings)} document${s.documentsWithWarnings === 1 ? '' : 's'}` : ''}`],
      ['Likely duplicates', n(s.duplicates.length)],
      ['Failed', n(s.failed)],
    ]),
  ]
  const more = (count: number) => (count > LISTED ? [`  … and ${n(count - LISTED)} more`] : [])
  if (s.failures.length > 0) {
    lines.push('', 'Failed (nothing was stored for these):')
    // Every failure is listed: each is a file someone has to fix.
    for (const f of s.failures) lines.push(`  ${f.file}: ${f.error}`)
  }
  if (s.duplicates.length > 0) {
    lines.push('', 'Likely duplicates (imported; check before publishing):')
    for (const d of s.duplicates.slice(0, LISTED)) {
      lines.push(`  ${d.file}: “${d.title}” looks like “${d.duplicate.title}” (/case-studies/${d.duplicate.slug})`)
    }
    lines.push(...more(s.duplicates.length))
  }
  return lines
}
