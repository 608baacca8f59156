import { parse } from 'node-html-parser'

/**
 * What in an HTML fragment could run script: script, iframe, object and embed elements, event
 * handler attributes, and javascript:/data: links. Escaped text and attribute values are inert
 * and are not reported.
 */
export function unsafeMarkup(html: string): string[] {
  const found: string[] = []
  for (const element of parse(html).querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase()
    if (['script', 'iframe', 'object', 'embed', 'img'].includes(tag) && !element.getAttribute('nonce')) found.push(`<${tag}>`)
    for (const [name, value] of Object.entries(element.attributes)) {
      if (/^on/i.test(name)) found.push(`${tag} ${name}="${value}"`)
      if (['href', 'src', 'action', 'formaction'].includes(name.toLowerCase()) && /^\s*(javascript|data|vbscript):/i.test(value)) {
        found.push(`${tag} ${name}="${value}"`)
      }
    }
  }
  return found
}

/** The <main> element of a page, where content appears. */
export function mainOf(page: string): string {
  const start = page.indexOf('<main')
  const end = page.indexOf('</main>')
  return start >= 0 && end > start ? page.slice(start, end + 7) : page
}
