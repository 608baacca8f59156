/** Search engines show about this many characters of a page's description. */
export const descriptionLength = 160

/**
 * A page's meta description from its own text: on one line, and cut at a word with an ellipsis
 * when it is longer than search engines show. '' for no text.
 */
export function metaDescription(text: unknown, limit = descriptionLength): string {
  const line = String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
  if (line.length <= limit) return line
  const cut = line.slice(0, limit - 1)
  const lastSpace = cut.lastIndexOf(' ')
  // A word is cut only when there is no space in the second half of the text kept.
  const kept = lastSpace > limit / 2 ? cut.slice(0, lastSpace) : cut
  return `${kept.replace(/[\s,;:.–—-]+$/, '')}…`
}
