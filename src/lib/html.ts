const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** For the few places a presenter builds HTML for a GOV.UK macro's `html` option. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c]!)
}

/**
 * A web address or path as HTML that a narrow screen may wrap only between its parts: after each
 * "/", and before each "?" and "&" (and after hyphens, as browsers do anyway), never mid-word.
 */
export function addressHtml(address: string): string {
  return escapeHtml(address)
    .replace(/\//g, '/<wbr>')
    .replace(/(\?|&amp;)/g, '<wbr>$1')
}
