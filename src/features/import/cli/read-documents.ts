import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import path from 'node:path'
import type { ImportDocument } from '../commands/store-documents.ts'
import { extractText } from '../extract-text.ts'
import { MAX_FILE_BYTES } from '../file-limits.ts'
import { findSourceUrl } from '../find-source-url.ts'
import type { ReadingContext } from '../reading-context.ts'
import { readDocument } from '../read-document.ts'
import type { ExtractResult } from '../types.ts'

/** A file's bytes → its text: extractText here, or the same in a worker thread. */
export type Extract = (bytes: Uint8Array, fileName: string) => Promise<ExtractResult>

export type ReadResult = { ok: true; document: ImportDocument } | { ok: false; file: string; error: string }

const HTML = /\.x?html?$/i

/**
 * Reads a file no bigger than the limit, without loading a huge one to find out. Synchronous on
 * purpose: a case study is a few kilobytes, and four system calls cost less than the promise and
 * thread-pool hops of the asynchronous calls (measured: a second per 10,000 files).
 */
function readBytes(file: string): { ok: true; bytes: Uint8Array } | { ok: false; error: string } {
  const name = path.basename(file)
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'cannot be opened (permission denied)' : 'cannot be opened'
    return { ok: false, error: `"${name}" ${why}.` }
  }
  try {
    const stat = fstatSync(fd)
    if (stat.isDirectory()) return { ok: false, error: `"${name}" is a folder.` }
    if (stat.size > MAX_FILE_BYTES) {
      return {
        ok: false,
        error: `"${name}" is ${(stat.size / (1024 * 1024)).toFixed(1)} MB; the importer reads files up to 5 MB. Save only the case study's text (without images) and try again.`,
      }
    }
    // One byte more than the limit, in case the file grew since fstat.
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, MAX_FILE_BYTES) + 1)
    let length = 0
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null)
    return { ok: true, bytes: buffer.subarray(0, length) }
  } catch (error) {
    return { ok: false, error: `"${name}" could not be read: ${(error as Error).message}` }
  } finally {
    closeSync(fd)
  }
}

/**
 * One file → its reading. The source is the page's own address when a saved page names one, else
 * the file's absolute path, so importing the same file again finds the draft it made.
 */
export async function readOne(file: string, ctx: ReadingContext, cwd = process.cwd(), extract: Extract = extractText): Promise<ReadResult> {
  const read = readBytes(path.resolve(cwd, file))
  if (!read.ok) return { ok: false, file, error: read.error }
  const extracted = await extract(read.bytes, file)
  if (!extracted.ok) return { ok: false, file, error: extracted.error }
  try {
    const reading = readDocument(extracted.text, ctx, extracted.title ? { title: extracted.title } : {})
    const sourceUrl = (HTML.test(file) ? findSourceUrl(read.bytes) : null) ?? path.resolve(cwd, file)
    return { ok: true, document: { file, sourceUrl, reading } }
  } catch (error) {
    // The reader is fuzzed not to throw; should it ever, the file fails and the run goes on.
    return { ok: false, file, error: `"${path.basename(file)}" could not be read: ${(error as Error).message}` }
  }
}

/**
 * Reads a batch of files, one after another, letting the event loop run every few documents: the
 * import reads the next batch while the database writes this one, and the database's answers
 * must not wait for the whole batch to be read.
 */
export async function readMany(files: readonly string[], ctx: ReadingContext, cwd = process.cwd(), extract: Extract = extractText): Promise<ReadResult[]> {
  const results: ReadResult[] = []
  for (const file of files) {
    results.push(await readOne(file, ctx, cwd, extract))
    if (results.length % 5 === 0) await new Promise((resolve) => setImmediate(resolve))
  }
  return results
}
