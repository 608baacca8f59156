import { escapeHtml } from '../../lib/html.ts'

/** Markers snippet.ts puts around matched words; control characters never appear in stored text we show. */
export const startMark = '\u0002'
export const stopMark = '\u0003'

/**
 * Turns a headline with markers into safe HTML: everything is escaped, and only balanced marker
 * pairs become <mark> elements, whatever stray markers the text itself contains.
 */
export function highlightToHtml(headline: string): string {
  let html = ''
  let open = false
  let buffer = ''
  for (const char of headline) {
    if (char === startMark) {
      if (!open) {
        html += escapeHtml(buffer)
        buffer = ''
        open = true
      }
    } else if (char === stopMark) {
      if (open) {
        html += buffer ? `<mark>${escapeHtml(buffer)}</mark>` : ''
        buffer = ''
        open = false
      }
    } else {
      buffer += char
    }
  }
  return html + escapeHtml(buffer)
}
