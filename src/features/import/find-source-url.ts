// The address a saved web page came from, when the page says: browsers write a "saved from url"
// comment, and most sites give a canonical link or an og:url. Re-importing a page saved again
// (under another file name) then updates the same draft.

const PATTERNS = [
  /<!--\s*saved from url=\(\d+\)(https?:\/\/[^\s>]+?)\s*-->/i,
  /<link\b[^>]*\brel=["']?canonical["']?[^>]*\bhref=["']([^"'\s>]+)["']/i,
  /<link\b[^>]*\bhref=["']([^"'\s>]+)["'][^>]*\brel=["']?canonical["']?/i,
  /<meta\b[^>]*\bproperty=["']og:url["'][^>]*\bcontent=["']([^"'\s>]+)["']/i,
  /<meta\b[^>]*\bcontent=["']([^"'\s>]+)["'][^>]*\bproperty=["']og:url["']/i,
]

/** An http(s) address named by the page's head, or null. Looks only at the first 64 KB. */
export function findSourceUrl(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 65_536)).toString('latin1')
  for (const pattern of PATTERNS) {
    const raw = pattern.exec(head)?.[1]
    if (!raw) continue
    try {
      const url = new URL(raw.replace(/&amp;/g, '&'))
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString().slice(0, 2000)
    } catch {
      // Not an absolute address: try the next kind of hint.
    }
  }
  return null
}
