import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { startMark as S, stopMark as E } from './highlight.ts'
import { stemOf } from './english.ts'
import { readPlainQuery } from './plain-query.ts'
import { highlighterOf, plainText, snippetOf } from './snippet.ts'
import { parseTsquery } from './tsquery-text.ts'

describe('snippetOf', () => {
  it('marks every form of a wanted word, as its stem', () => {
    assert.equal(
      snippetOf('Gardens were planted. The gardening group met.', new Set(['garden'])),
      `${S}Gardens${E} were planted. The ${S}gardening${E} group met.`,
    )
  })

  it('gives null when no word is wanted or none is in the text', () => {
    assert.equal(snippetOf('Nothing to see.', new Set(['orchard'])), null)
    assert.equal(snippetOf('Orchard.', new Set()), null)
  })

  it('shows at most two fragments of twenty words around the matches, joined by an ellipsis', () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`)
    words[10] = 'orchard'
    words[12] = 'orchards'
    words[60] = 'orchard'
    words[90] = 'orchard'
    const snippet = snippetOf(words.join(' '), new Set(['orchard']))!
    const fragments = snippet.split(' … ')
    assert.equal(fragments.length, 2)
    assert.equal(fragments[0], [...words.slice(4, 10), `${S}orchard${E}`, 'w11', `${S}orchards${E}`, ...words.slice(13, 24)].join(' '))
    assert.equal(fragments[1]!.split(' ').length, 20)
    assert.ok(fragments[1]!.startsWith('w54 '))
    assert.ok(!snippet.includes('w90'))
  })

  it('never repeats words: a fragment starts where the one before it ended', () => {
    const words = Array.from({ length: 60 }, (_, i) => `w${i}`)
    words[10] = 'orchard'
    words[26] = 'orchard'
    const [first, second] = snippetOf(words.join(' '), new Set(['orchard']))!.split(' … ')
    assert.ok(first!.endsWith(' w23'))
    assert.ok(second!.startsWith('w24 w25 '))
  })

  it('marks a hyphenated word whole when a part of it is wanted, splits at apostrophes, and keeps numbers as written', () => {
    assert.equal(snippetOf("The co-operative's 2024 plan", new Set(['oper', '2024'])), `The ${S}co-operative${E}'s ${S}2024${E} plan`)
    assert.equal(stemOf('2023'), '2023')
    assert.equal(stemOf('Communities'), 'communiti')
  })
})

describe('snippetOf with what a query asks for', () => {
  const text = 'Co-operative councils tried co-production. Later, coproduction and co production spread; the co-op grew.'
  const marked = (q: string) => {
    const tree = readPlainQuery(q) ?? null
    return snippetOf(text, highlighterOf(tree!)!)!
  }

  it('marks a hyphenated word searched for as one word, never the part of another hyphenated word', () => {
    // PostgreSQL's reading of "co-production": the whole word, then its parts.
    const tree = parseTsquery("'co-product' <-> 'co' <-> 'product'")!
    const snippet = snippetOf(text, highlighterOf(tree)!)!
    assert.match(snippet, new RegExp(`${S}co-production${E}`))
    assert.doesNotMatch(snippet, new RegExp(`${S}Co`))
    assert.doesNotMatch(snippet, new RegExp(`${S}co${E}`))
  })

  it('marks the joined, hyphenated and spaced forms a widened query asks for', () => {
    const tree = parseTsquery("'coproduct' | 'co' <-> 'product'")!
    const snippet = snippetOf(text, highlighterOf(tree)!)!
    assert.equal((snippet.match(new RegExp(S, 'g')) ?? []).length, 4, snippet)
    assert.match(snippet, new RegExp(`${S}co-production${E}\\. Later, ${S}coproduction${E} and ${S}co${E} ${S}production${E}`))
    assert.doesNotMatch(snippet, new RegExp(`${S}Co-operative`))
  })

  it('marks a quoted phrase only where its words stand together, and marks nothing a query leaves out', () => {
    assert.match(marked('"co production" -councils'), new RegExp(`${S}co${E} ${S}production${E}`))
    assert.ok(!marked('"co production" -councils').includes(`councils${E}`))
    assert.match(marked('councils'), new RegExp(`${S}councils${E}`))
  })
})

describe('plainText', () => {
  it('drops Markdown headings, bullets, emphasis and link targets', () => {
    assert.equal(plainText('## About\n\n- one *two* [three](https://x.example)\n1. four'), 'About\n\none two three\nfour')
  })
})
