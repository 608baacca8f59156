import assert from 'node:assert/strict'
import { XMLParser, XMLValidator } from 'fast-xml-parser'

export interface AtomLink {
  '@_rel'?: string
  '@_type'?: string
  '@_href': string
  '@_hreflang'?: string
}

export interface ParsedEntry {
  id: string[]
  title: Array<string | { '#text': string }>
  updated: string[]
  published?: string[]
  link?: AtomLink[]
  author?: Array<{ name: string[] }>
  summary?: Array<string | { '#text': string }>
  content?: unknown[]
  category?: Array<{ '@_term': string; '@_label'?: string; '@_scheme'?: string }>
}

export interface ParsedFeed {
  '@_xmlns': string
  id: string[]
  title: Array<string | { '#text': string }>
  updated: string[]
  link?: AtomLink[]
  author?: Array<{ name: string[] }>
  entry?: ParsedEntry[]
}

/** Parses an Atom document, every element as a list so that "exactly one" can be counted. */
export function parseAtom(xml: string): ParsedFeed {
  const valid = XMLValidator.validate(xml)
  assert.equal(valid, true, `not well-formed XML: ${JSON.stringify(valid)}`)
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    isArray: (_name, jpath, _leaf, isAttribute) => !isAttribute && String(jpath) !== 'feed',
    parseTagValue: false,
    trimValues: false,
  })
  const doc = parser.parse(xml) as { feed?: ParsedFeed }
  assert.ok(doc.feed && !Array.isArray(doc.feed), 'one feed element')
  return doc.feed
}

export const textOf = (t: string | { '#text': string } | undefined): string => (typeof t === 'string' ? t : (t?.['#text'] ?? ''))

const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

function assertIri(value: string | undefined, what: string) {
  assert.ok(value, `${what} is missing`)
  assert.doesNotThrow(() => new URL(value), `${what} "${value}" is not an absolute IRI`)
}

function assertAlternatesUnique(links: AtomLink[] | undefined, what: string) {
  const alternates = (links ?? []).filter((l) => (l['@_rel'] ?? 'alternate') === 'alternate')
  const keys = alternates.map((l) => `${l['@_type'] ?? ''}|${l['@_hreflang'] ?? ''}`)
  assert.equal(new Set(keys).size, keys.length, `${what}: more than one alternate link with the same type and hreflang`)
}

/** Every MUST of RFC 4287 that a feed of ours could break. */
export function assertAtomMusts(feed: ParsedFeed): void {
  assert.equal(feed['@_xmlns'], 'http://www.w3.org/2005/Atom')
  assert.equal(feed.id?.length, 1, 'feed: exactly one id')
  assertIri(feed.id[0], 'feed id')
  assert.equal(feed.title?.length, 1, 'feed: exactly one title')
  assert.equal(feed.updated?.length, 1, 'feed: exactly one updated')
  assert.match(feed.updated[0]!, rfc3339, 'feed updated is an RFC 3339 date-time')
  assertAlternatesUnique(feed.link, 'feed')
  const self = (feed.link ?? []).filter((l) => l['@_rel'] === 'self')
  assert.equal(self.length, 1, 'feed: one self link')
  for (const l of feed.link ?? []) assertIri(l['@_href'], 'feed link')
  const entries = feed.entry ?? []
  const feedHasAuthor = (feed.author?.length ?? 0) > 0
  for (const entry of entries) {
    const name = textOf(entry.title?.[0])
    assert.equal(entry.id?.length, 1, `entry ${name}: exactly one id`)
    assertIri(entry.id[0], `entry ${name} id`)
    assert.equal(entry.title?.length, 1, `entry ${name}: exactly one title`)
    assert.equal(entry.updated?.length, 1, `entry ${name}: exactly one updated`)
    assert.match(entry.updated[0]!, rfc3339)
    assert.ok(feedHasAuthor || (entry.author?.length ?? 0) > 0, `entry ${name}: an author, or the feed has one`)
    for (const a of entry.author ?? []) assert.equal(a.name?.length, 1, 'author: exactly one name')
    const alternate = (entry.link ?? []).filter((l) => (l['@_rel'] ?? 'alternate') === 'alternate')
    assert.ok((entry.content?.length ?? 0) > 0 || alternate.length > 0, `entry ${name}: content or an alternate link`)
    assertAlternatesUnique(entry.link, `entry ${name}`)
    assert.ok((entry.summary?.length ?? 0) <= 1, `entry ${name}: at most one summary`)
    for (const c of entry.category ?? []) assert.ok(c['@_term'], 'category: a term')
  }
  const ids = entries.map((e) => e.id[0])
  assert.equal(new Set(ids).size, ids.length, 'entry ids are unique in the feed')
}
