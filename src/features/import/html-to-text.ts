// A saved web page (or mammoth's HTML of a Word document) → the lines readDocument expects:
// the main content only, headings as Markdown headings, list items as "•" lines, one paragraph
// per line with blank lines between. Site furniture (header, nav, footer, cookie banners) is left out.

import { HTMLElement, parse, TextNode } from 'node-html-parser'
import type { Node } from 'node-html-parser'
import { tidySpaces } from './normalise-text.ts'

const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'header',
  'nav',
  'footer',
  'aside',
  'form',
  'button',
  'select',
  'textarea',
  'input',
  'dialog',
  'head',
  'object',
  'canvas',
  'video',
  'audio',
  'map',
])
const SKIP_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'dialog', 'alertdialog', 'search'])
const SKIP_CLASS = /cookie|consent|gdpr|skip-?link|share|social|breadcrumb|newsletter|related|latest-posts|sidebar|site-header|site-footer|navbar/i
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'blockquote',
  'dd',
  'dt',
  'dl',
  'ul',
  'ol',
  'tr',
  'table',
  'figcaption',
  'figure',
  'address',
  'pre',
  'hr',
  'details',
  'summary',
  'body',
  'html',
  'center',
])
const PARAGRAPH_TAGS = new Set(['p', 'blockquote', 'ul', 'ol', 'table', 'pre', 'figure', 'dl'])

export interface HtmlText {
  text: string
  title?: string
}

function skipped(el: HTMLElement): boolean {
  const tag = el.rawTagName?.toLowerCase() ?? ''
  if (SKIP_TAGS.has(tag)) return true
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true
  const role = el.getAttribute('role')
  if (role && SKIP_ROLES.has(role.toLowerCase())) return true
  const marker = `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`
  return marker.trim().length > 0 && SKIP_CLASS.test(marker)
}

// querySelector and .text recurse, and overflow the stack on deeply nested markup; these walk
// the tree with an explicit stack instead.
function findFirst(root: HTMLElement, wanted: (el: HTMLElement) => boolean): HTMLElement | null {
  const stack: Node[] = [root]
  while (stack.length > 0) {
    const node = stack.pop()
    if (!(node instanceof HTMLElement)) continue
    if (node !== root && wanted(node)) return node
    for (let i = node.childNodes.length - 1; i >= 0; i--) {
      const child = node.childNodes[i]
      if (child) stack.push(child)
    }
  }
  return null
}

function textOf(el: HTMLElement): string {
  const parts: string[] = []
  const stack: Node[] = [el]
  while (stack.length > 0) {
    const node = stack.pop()
    if (node instanceof TextNode) parts.push(node.text)
    else if (node instanceof HTMLElement) {
      for (let i = node.childNodes.length - 1; i >= 0; i--) {
        const child = node.childNodes[i]
        if (child) stack.push(child)
      }
    }
  }
  return tidySpaces(parts.join('').replace(/\s+/g, ' '))
}

const tagIs =
  (name: string) =>
  (el: HTMLElement): boolean =>
    el.rawTagName?.toLowerCase() === name

function mainContent(root: HTMLElement): HTMLElement {
  return (
    findFirst(root, tagIs('main')) ??
    findFirst(root, (el) => el.getAttribute('role')?.toLowerCase() === 'main') ??
    findFirst(root, tagIs('article')) ??
    findFirst(root, tagIs('body')) ??
    root
  )
}

function cleanTitle(raw: string): string {
  const title = tidySpaces(raw)
  // "Right to the Streets | Site name" → the page's own part.
  const parts = title.split(/\s+[|–—-]\s+/)
  const first = parts[0] ?? title
  return parts.length > 1 && first.length >= 3 ? first : title
}

export function htmlToText(html: string): HtmlText {
  const root = parse(html, { comment: false, parseNoneClosedTags: true, blockTextElements: { script: false, style: false, noscript: false, pre: true } })
  const main = mainContent(root)
  const h1 = findFirst(main, tagIs('h1')) ?? findFirst(root, tagIs('h1'))
  const titleElement = findFirst(root, tagIs('title'))
  const titleText = h1 ? textOf(h1) : cleanTitle(titleElement ? textOf(titleElement) : '')

  const out: string[] = []
  let buf = ''
  let prefix = ''
  const flush = (): void => {
    const t = tidySpaces(buf.replace(/\s+/g, ' '))
    if (t) out.push(prefix + t)
    buf = ''
    prefix = ''
  }
  const blank = (): void => {
    if (out.length > 0 && out[out.length - 1] !== '') out.push('')
  }

  // Iterative walk: deeply nested markup must not overflow the stack.
  const stack: { node: Node; exit: boolean }[] = [{ node: main, exit: false }]
  while (stack.length > 0) {
    const item = stack.pop()
    if (!item) break
    const { node, exit } = item
    if (node instanceof TextNode) {
      buf += node.text
      continue
    }
    if (!(node instanceof HTMLElement)) continue
    const tag = node.rawTagName?.toLowerCase() ?? ''
    const heading = /^h([1-6])$/.exec(tag)
    if (exit) {
      if (heading) {
        const t = tidySpaces(buf.replace(/\s+/g, ' '))
        buf = ''
        prefix = ''
        if (t) {
          blank()
          out.push(`${'#'.repeat(Number(heading[1]))} ${t}`)
          out.push('')
        }
      } else if (tag === 'li') flush()
      else if (tag === 'td' || tag === 'th') buf += ' '
      else if (BLOCK_TAGS.has(tag)) {
        flush()
        if (PARAGRAPH_TAGS.has(tag)) blank()
      }
      continue
    }
    if (node !== main && skipped(node)) continue
    if (tag === 'br') {
      flush()
      continue
    }
    if (heading || BLOCK_TAGS.has(tag)) flush()
    if (tag === 'li') {
      flush()
      prefix = '• '
    }
    stack.push({ node, exit: true })
    for (let i = node.childNodes.length - 1; i >= 0; i--) {
      const child = node.childNodes[i]
      if (child) stack.push({ node: child, exit: false })
    }
  }
  flush()
  while (out.length > 0 && out[out.length - 1] === '') out.pop()
  const result: HtmlText = { text: out.join('\n') }
  if (titleText) result.title = titleText
  return result
}
