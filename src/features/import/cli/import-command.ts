import type { Database } from '../../../db/client.ts'
import type { AuditActor } from '../../audit/record-audit.ts'
import { DocumentStore } from '../commands/store-documents.ts'
import type { ImportDocument, Outcome } from '../commands/store-documents.ts'
import { toDryRunJson } from '../dry-run.ts'
import { extractText } from '../extract-text.ts'
import { createDocumentExtractor } from '../extraction/document-extractor.ts'
import { openImportSession, type ImportSession } from '../import-session.ts'
import { expandFiles } from './expand-files.ts'
import { createProgress } from './progress.ts'
import type { Output } from './progress.ts'
import { readMany } from './read-documents.ts'
import type { Extract, ReadResult } from './read-documents.ts'
import { formatSummary, summarise } from './summary.ts'
import type { ImportSummary } from './summary.ts'

export interface ImportOptions {
  dryRun?: boolean
  json?: boolean
  /** Documents per write transaction. */
  batchSize?: number
  cwd?: string
  /** Show a progress bar (a terminal) rather than a line per document. */
  tty?: boolean
}

// Measured on 10,000 documents: 100 a batch 900/s, 250 950/s, 500 1,050/s, 1,000 1,000/s.
export const BATCH_SIZE = 500

/** What to load first when the database lacks it, said once rather than as a warning on every document. */
export function missingReferenceNotices(reference: ImportSession['reference']): string[] {
  const notices: string[] = []
  if (reference.principles === 0) {
    notices.push('The database holds no principles yet, so no "Principles met" entry can match one. Load them first: coophub principles import FILE.json')
  }
  if (reference.authorities === 0) {
    notices.push(
      'The database holds no local authorities register, so councils are matched against members only. Load it first: coophub authorities import FILE.csv',
    )
  }
  return notices
}

function outcomeLine(o: Outcome): string {
  if (o.status === 'failed') return `failed     ${o.file}: ${o.error}`
  const notes = [
    o.warnings.length ? `${o.warnings.length} warning${o.warnings.length === 1 ? '' : 's'}` : '',
    o.published ? 'published: new revision awaits review' : '',
  ]
  const extra = notes.filter(Boolean).join('; ')
  return `${o.status.padEnd(10)} ${o.file} → /case-studies/${o.slug}${extra ? ` (${extra})` : ''}`
}

/**
 * `coophub import FILE_OR_GLOB...`: reads every file against the database's principles, members
 * and register (loaded once), and stores each as a draft, a batch at a time. Reading the next
 * batch overlaps writing this one. Returns the summary; the caller sets the exit code.
 */
export async function runImport(db: Database, actor: AuditActor, args: readonly string[], options: ImportOptions, output: Output): Promise<ImportSummary> {
  // Word documents are unzipped in a worker thread with a memory and a time limit, as uploads
  // are, so a zip bomb fails alone; text and pages are read here, where they are read fastest.
  // Files are read one at a time, so the workers are never busy.
  const extractor = createDocumentExtractor({ queueLimit: Number.POSITIVE_INFINITY })
  const extract: Extract = (bytes, file) => (/\.docx$/i.test(file) ? extractor.extract(bytes, file) : extractText(bytes, file))
  try {
    return await importFiles(db, actor, args, options, output, extract)
  } finally {
    await extractor.close()
  }
}

async function importFiles(
  db: Database,
  actor: AuditActor,
  args: readonly string[],
  options: ImportOptions,
  output: Output,
  extract: Extract,
): Promise<ImportSummary> {
  const began = performance.now()
  const cwd = options.cwd ?? process.cwd()
  const { files, missing } = expandFiles(args, cwd)
  const batchSize = Math.max(1, options.batchSize ?? BATCH_SIZE)
  const session = await openImportSession(db)
  for (const notice of missingReferenceNotices(session.reference)) output.err(notice)
  const outcomes: Outcome[] = missing.map((m) => ({ file: m.file, status: 'failed', error: m.error }))

  if (options.dryRun) {
    for (const m of missing) output.out(options.json ? JSON.stringify(m) : `failed     ${m.file}: ${m.error}`)
    for (let start = 0; start < files.length; start += batchSize) {
      for (const r of await readMany(files.slice(start, start + batchSize), session.ctx, cwd, extract)) {
        if (!r.ok) outcomes.push({ file: r.file, status: 'failed', error: r.error })
        output.out(dryRunLine(r, options.json === true))
      }
    }
    const summary = summarise(outcomes, (performance.now() - began) / 1000)
    if (!options.json) for (const line of formatSummary(summary)) output.out(line)
    return summary
  }

  const progress = createProgress(output, 'Importing', options.tty)
  progress.start(files.length + missing.length)
  for (const m of missing) progress.tick(options.json ? JSON.stringify(m) : outcomeLine({ ...m, status: 'failed' }))
  const store = new DocumentStore(db, actor, session, () => openImportSession(db))
  const batches: string[][] = []
  for (let start = 0; start < files.length; start += batchSize) batches.push(files.slice(start, start + batchSize))
  // Reading on a worker thread was measured slower (870–900/s against 940–950/s): on two cores
  // the reader, the main thread and the database then fight for them. Reading in small slices
  // between the database's answers uses the waits instead.
  const read = (files: string[]) => readMany(files, store.currentSession.ctx, cwd, extract)
  try {
    let reading: Promise<ReadResult[]> | null = batches[0] ? read(batches[0]) : null
    for (let b = 0; reading; b++) {
      const results = await reading
      // Start reading the next batch now: it runs while this one is written.
      reading = batches[b + 1] ? read(batches[b + 1]!) : null
      const documents: ImportDocument[] = []
      for (const r of results) {
        if (r.ok) documents.push(r.document)
        else {
          outcomes.push({ file: r.file, status: 'failed', error: r.error })
          progress.tick(options.json ? JSON.stringify({ file: r.file, error: r.error }) : outcomeLine(outcomes.at(-1)!))
        }
      }
      for (const o of await store.store(documents)) {
        outcomes.push(o)
        progress.tick(options.json ? JSON.stringify(o) : outcomeLine(o))
      }
      progress.flush()
    }
  } finally {
    progress.stop()
  }
  const summary = summarise(outcomes, (performance.now() - began) / 1000)
  if (!options.json) for (const line of formatSummary(summary)) output.out(line)
  return summary
}

function dryRunLine(r: ReadResult, json: boolean): string {
  if (!r.ok) return json ? JSON.stringify({ file: r.file, error: r.error }) : `failed     ${r.file}: ${r.error}`
  const out = toDryRunJson(r.document.file, r.document.reading)
  if (json) return JSON.stringify(out)
  const facts = [`${out.principles.length} principles`, out.leadMember ? `lead ${out.leadMember}` : 'no lead', `${out.warnings.length} warnings`]
  return `read       ${out.file}: “${out.title ?? '(no title)'}” — ${facts.join(', ')}`
}
