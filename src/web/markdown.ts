import { createRequire } from 'node:module'
import type MarkdownIt from 'markdown-it'
import type sanitizeHtml from 'sanitize-html'

// Loaded when first used (a case-study page), not at start-up, which they lengthened by a tenth.
const require = createRequire(import.meta.url)
type Libraries = { md: InstanceType<typeof MarkdownIt>; sanitize: typeof sanitizeHtml }
let libraries: Libraries | undefined
function load(): Libraries {
  if (!libraries) {
    const MarkdownItClass = require('markdown-it') as typeof MarkdownIt
    // Raw HTML in Markdown is shown as text (html: false); the sanitiser is a second wall in case a
    // plugin or a future option lets markup through.
    libraries = { md: new MarkdownItClass({ html: false, linkify: true, typographer: false }), sanitize: require('sanitize-html') as typeof sanitizeHtml }
  }
  return libraries
}

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'a',
    'blockquote',
    'code',
    'pre',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'class'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    // The page has one h1 (the title): Markdown headings start at h2.
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, class: 'govuk-link' } }),
  },
}
export function renderMarkdown(source: string): string {
  const { md, sanitize } = load()
  return sanitize(md.render(source), allowed)
}

/** Plain text of a Markdown source, for summaries and snippets. */
export function markdownToText(source: string): string {
  const { md, sanitize } = load()
  return sanitize(md.render(source), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
}
