// A stable fingerprint of a document's text, so re-importing the same case study saved with
// other line endings, a byte-order mark or straight instead of curly quotes is recognised.

import { createHash } from 'node:crypto'
import { foldPunctuation } from './normalise-text.ts'

export function normaliseForHash(text: string): string {
  // Composing always: ICU's quick check makes it a few microseconds on text already composed,
  // several times cheaper than a regular expression looking for combining marks (measured).
  const lines = foldPunctuation(text.normalize('NFC')).split(/\r\n|[\r\n\u2028\u2029\f]/)
  const kept: string[] = []
  for (const line of lines) {
    const trimmed = line.trim()
    if (trimmed) kept.push(trimmed.includes('  ') ? trimmed.replace(/ {2,}/g, ' ') : trimmed)
  }
  return kept.join('\n')
}

export function contentHash(text: string): string {
  return createHash('sha256').update(normaliseForHash(text)).digest('hex')
}
