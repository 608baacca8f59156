import { createRequire } from 'node:module'
import type MarkdownIt from 'markdown-it'

// A Markdown body as plain data the typesetter draws with its own functions: the text is never
// spliced into Typst markup, so nothing a writer types can run as code or break the layout.

export type Inline =
  { t: 'text'; v: string } | { t: 'code'; v: string } | { t: 'br' } | { t: 'em' | 'strong' | 'strike'; c: Inline[] } | { t: 'link'; href: string; c: Inline[] }

export type Block =
  | { t: 'heading'; level: number; c: Inline[] }
  | { t: 'para'; c: Inline[] }
  | { t: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { t: 'quote'; c: Block[] }
  | { t: 'codeblock'; v: string }
  | { t: 'rule' }
  | { t: 'table'; head: Inline[][]; rows: Inline[][][] }

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number]

const require = createRequire(import.meta.url)
let md: InstanceType<typeof MarkdownIt> | undefined
function parser(): InstanceType<typeof MarkdownIt> {
  if (!md) {
    const MarkdownItClass = require('markdown-it') as typeof MarkdownIt
    md = new MarkdownItClass({ html: false, linkify: true, typographer: false })
  }
  return md
}

/** Links a reader may follow from a printed page; anything else (javascript:, data:) becomes text. */
export function safeHref(href: string): string | null {
  return /^(https?:|mailto:)/i.test(href.trim()) ? href.trim() : null
}

/** The blocks of a Markdown source. Headings start at level 2 under the case study's own title. */
export function markdownTree(source: string): Block[] {
  const tokens = parser().parse(source, {})
  const [blocks] = readBlocks(tokens, 0, null)
  levelHeadings(blocks, { last: 1 })
  return blocks
}

/**
 * No heading skips a level (a screen reader's list of headings would have holes, and PDF/UA asks
 * for none): a heading is at most one below the one before it, the first at 2.
 */
function levelHeadings(blocks: Block[], state: { last: number }): void {
  for (const b of blocks) {
    if (b.t === 'heading') {
      b.level = Math.min(b.level, state.last + 1)
      state.last = b.level
    } else if (b.t === 'quote') levelHeadings(b.c, state)
    else if (b.t === 'list') for (const item of b.items) levelHeadings(item, state)
  }
}

/** Long unbroken runs (a URL, a pasted hash) get break opportunities so a line never overflows. */
export function breakLongWords(blocks: Block[], max = 30): Block[] {
  const long = new RegExp(`\\S{${max}}`, 'gu')
  const text = (v: string) => v.replace(long, (run) => `${run}\u200b`)
  const inline = (nodes: Inline[]): Inline[] => nodes.map((n) => (n.t === 'text' ? { t: 'text', v: text(n.v) } : 'c' in n ? { ...n, c: inline(n.c) } : n))
  const block = (b: Block): Block => {
    switch (b.t) {
      case 'heading':
      case 'para':
        return { ...b, c: inline(b.c) }
      case 'list':
        return { ...b, items: b.items.map((i) => i.map(block)) }
      case 'quote':
        return { ...b, c: b.c.map(block) }
      case 'table':
        return { ...b, head: b.head.map(inline), rows: b.rows.map((r) => r.map(inline)) }
      default:
        return b
    }
  }
  return blocks.map(block)
}

/** Blocks from `start` until the closing token of type `until`; returns the index after it. */
function readBlocks(tokens: Token[], start: number, until: string | null): [Block[], number] {
  const blocks: Block[] = []
  let i = start
  while (i < tokens.length) {
    const token = tokens[i]!
    if (until !== null && token.type === until) return [blocks, i + 1]
    switch (token.type) {
      case 'heading_open': {
        const level = Math.min(4, Math.max(2, Number(token.tag.slice(1)) + 1))
        blocks.push({ t: 'heading', level, c: readInline(tokens[i + 1]?.children ?? []) })
        i += 3
        break
      }
      case 'paragraph_open': {
        const c = readInline(tokens[i + 1]?.children ?? [])
        if (c.length > 0) blocks.push({ t: 'para', c })
        i += 3
        break
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = token.type === 'ordered_list_open'
        const close = ordered ? 'ordered_list_close' : 'bullet_list_close'
        const items: Block[][] = []
        i += 1
        while (i < tokens.length && tokens[i]!.type !== close) {
          if (tokens[i]!.type === 'list_item_open') {
            const [item, next] = readBlocks(tokens, i + 1, 'list_item_close')
            items.push(item)
            i = next
          } else i += 1
        }
        blocks.push({ t: 'list', ordered, start: Number(token.attrGet('start') ?? 1) || 1, items })
        i += 1
        break
      }
      case 'blockquote_open': {
        const [c, next] = readBlocks(tokens, i + 1, 'blockquote_close')
        blocks.push({ t: 'quote', c })
        i = next
        break
      }
      case 'fence':
      case 'code_block':
        blocks.push({ t: 'codeblock', v: token.content.replace(/\n$/, '') })
        i += 1
        break
      case 'hr':
        blocks.push({ t: 'rule' })
        i += 1
        break
      case 'table_open': {
        const [table, next] = readTable(tokens, i + 1)
        blocks.push(table)
        i = next
        break
      }
      case 'inline':
        // A tight list item's text comes without a paragraph around it.
        blocks.push({ t: 'para', c: readInline(token.children ?? []) })
        i += 1
        break
      default:
        i += 1
    }
  }
  return [blocks, i]
}

function readTable(tokens: Token[], start: number): [Block, number] {
  const head: Inline[][] = []
  const rows: Inline[][][] = []
  let row: Inline[][] | null = null
  let inHead = false
  let i = start
  for (; i < tokens.length && tokens[i]!.type !== 'table_close'; i++) {
    const token = tokens[i]!
    if (token.type === 'thead_open') inHead = true
    else if (token.type === 'thead_close') inHead = false
    else if (token.type === 'tr_open') row = []
    else if (token.type === 'tr_close' && row) {
      if (inHead) head.push(...row)
      else rows.push(row)
      row = null
    } else if (token.type === 'inline' && row) row.push(readInline(token.children ?? []))
  }
  // Every row as wide as the header, so the typeset grid never loses a cell.
  const width = Math.max(head.length, ...rows.map((r) => r.length))
  while (head.length < width) head.push([])
  for (const r of rows) while (r.length < width) r.push([])
  return [{ t: 'table', head, rows }, i + 1]
}

function readInline(tokens: Token[]): Inline[] {
  const root: Inline[] = []
  const stack: Inline[][] = [root]
  // A level that is not a node of its own (an unsafe link): its words join its parent on closing.
  const detached = new Set<Inline[]>()
  const top = () => stack[stack.length - 1]!
  const open = (node: Extract<Inline, { c: Inline[] }>) => {
    top().push(node)
    stack.push(node.c)
  }
  const close = () => {
    if (stack.length <= 1) return
    const level = stack.pop()!
    if (!detached.has(level)) return
    for (const node of level) {
      if (node.t === 'text') pushText(top(), node.v)
      else top().push(node)
    }
  }
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
        if (token.content) pushText(top(), token.content)
        break
      case 'code_inline':
        top().push({ t: 'code', v: token.content })
        break
      case 'softbreak':
        pushText(top(), ' ')
        break
      case 'hardbreak':
        top().push({ t: 'br' })
        break
      case 'em_open':
        open({ t: 'em', c: [] })
        break
      case 'strong_open':
        open({ t: 'strong', c: [] })
        break
      case 's_open':
        open({ t: 'strike', c: [] })
        break
      case 'link_open': {
        const href = safeHref(String(token.attrGet('href') ?? ''))
        if (href) open({ t: 'link', href, c: [] })
        else {
          const level: Inline[] = []
          detached.add(level)
          stack.push(level)
        }
        break
      }
      case 'em_close':
      case 'strong_close':
      case 's_close':
      case 'link_close':
        close()
        break
      case 'image':
        // Images in bodies are not carried into the pack: their alternative text stands in.
        if (token.content) pushText(top(), token.content)
        break
      default:
        if (token.content) pushText(top(), token.content)
    }
  }
  return root
}

function pushText(into: Inline[], v: string): void {
  const last = into[into.length - 1]
  if (last && last.t === 'text') last.v += v
  else into.push({ t: 'text', v })
}

/** The words of inline content, for the HTML edition's headings and the bookmarks. */
export function inlineText(nodes: Inline[]): string {
  return nodes.map((n) => ('v' in n ? n.v : 'c' in n ? inlineText(n.c) : ' ')).join('')
}
