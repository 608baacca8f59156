import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { freeRuns, widenCompounds } from './compound-words.ts'
import { readPlainQuery } from './plain-query.ts'
import { parseTsquery, tsqueryText } from './tsquery-text.ts'
import type { TsNode } from './tsquery-text.ts'

// Lexemes "the index" has: co-production written three ways, co-operative two.
const known = new Set(['co-product', 'co', 'product', 'coproduct', 'co-op', 'oper', 'hous', 'cooper', 'well-b', 'well'])
const has = (lexeme: string) => known.has(lexeme)
const widened = (q: string, tree: TsNode | null = readPlainQuery(q) ?? null) => tsqueryText(widenCompounds(tree!, q, has))

describe('widenCompounds', () => {
  it('lets a joined word find the hyphenated and the spaced forms', () => {
    assert.equal(widened('coproduction'), "('coproduct' | ('co' <1> 'product'))")
    assert.equal(widened('cooperative'), "('cooper' | ('co' <1> 'oper'))")
  })

  it('lets a hyphenated word (as PostgreSQL reads it) find the joined and spaced forms', () => {
    const tree = parseTsquery("'co-product' <-> 'co' <-> 'product' & 'hous'")!
    assert.equal(widened('co-production housing', tree), "((('co-product' <1> 'co' <1> 'product') | 'coproduct' | ('co' <1> 'product')) & 'hous')")
  })

  it('lets two words typed side by side find the joined form', () => {
    assert.equal(widened('co production'), "((('co' & 'product') | 'coproduct'))".slice(1, -1))
  })

  it('finds the hyphenated form of a joined word whose second part is a stop word', () => {
    assert.equal(widened('wellbeing'), "('wellb' | 'well-b')")
  })

  it('keeps quoted phrases and words left out strict', () => {
    assert.equal(widened('"coproduction" housing'), "('coproduct' & 'hous')")
    assert.equal(widened('housing -coproduction'), "('hous' & !('coproduct'))")
  })

  it('adds nothing the index does not have', () => {
    assert.equal(widened('orchards'), "'orchard'")
    assert.equal(widened('production'), "'product'")
  })

  it('reads the runs of words typed side by side, outside quotes', () => {
    assert.deepEqual(freeRuns('co production "in a" phrase -not this or that co-op'), [['co', 'production'], ['phrase'], ['co-op']])
  })
})

describe('tsqueryText', () => {
  it('writes a tree PostgreSQL reads back the same, quoting lexemes', () => {
    for (const text of ["'a' & !'b' | 'c' <-> 'd'", "'o''brien' & 'x\\\\y'", "'right' <3> 'street'"]) {
      const tree = parseTsquery(text)!
      assert.deepEqual(parseTsquery(tsqueryText(tree)), tree)
    }
  })
})
