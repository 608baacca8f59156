import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseTsquery, wantedLexemes } from './tsquery-text.ts'
import type { TsNode } from './tsquery-text.ts'

/** The tree written back with every operation in brackets, to compare shapes at a glance. */
function show(node: TsNode | null): string {
  if (!node) return 'null'
  switch (node.op) {
    case 'word':
      return node.lexeme
    case 'not':
      return `!${show(node.arg)}`
    case 'phrase':
      return `(${node.args.map((arg, i) => (i === 0 ? '' : ` <${node.distances[i - 1]}> `) + show(arg)).join('')})`
    default:
      return `(${node.args.map(show).join(node.op === 'and' ? ' & ' : ' | ')})`
  }
}

describe('parseTsquery', () => {
  // Left: what websearch_to_tsquery('english', …)::text prints; right: the tree with PostgreSQL's precedence.
  const cases: Array<[string, string]> = [
    ["'council'", 'council'],
    ["'communiti' & !'energi' | 'local' <-> 'food' <-> 'group' & 'council'", '((communiti & !energi) | ((local <1> food <1> group) & council))'],
    ["!'council'", '!council'],
    ["'council' <3> 'peopl'", '(council <3> peopl)'],
    ["'right' <3> 'street' <-> 'parti'", '(right <3> street <1> parti)'],
    ["'food' | !( 'local' <-> 'council' ) & 'hous'", '(food | (!(local <1> council) & hous))'],
    ["'a' & 'b' & 'c'", '(a & b & c)'],
    ["'o''brien' & 'back\\\\slash' & 'café'", "(o'brien & back\\slash & café)"],
    ["'two words'", 'two words'],
  ]
  for (const [text, tree] of cases) {
    it(`reads ${text}`, () => assert.equal(show(parseTsquery(text)), tree))
  }

  it('reads thousands of words into a wide tree, not a deep one', () => {
    const tree = parseTsquery(Array.from({ length: 5000 }, (_, i) => `'w${i}'`).join(' & '))
    assert.equal(tree?.op, 'and')
    assert.equal(tree.op === 'and' && tree.args.length, 5000)
    const phrase = parseTsquery(Array.from({ length: 5000 }, (_, i) => `'w${i}'`).join(' <-> '))
    assert.equal(phrase?.op === 'phrase' && phrase.args.length, 5000)
  })

  it('gives null for an empty query and for what it does not know, never throwing', () => {
    for (const text of [
      '',
      '   ',
      "'council':*",
      "'council':A",
      "'unterminated",
      "'a' &",
      "'a' <x> 'b'",
      "'a' <123456> 'b'",
      "( 'a'",
      "'a' )",
      '&',
      'council',
      "'a' 'b'",
    ]) {
      assert.equal(parseTsquery(text), null, text)
    }
  })
})

describe('wantedLexemes', () => {
  it('ranks by the words wanted, not by the words asked to be absent (a double NOT wants the word)', () => {
    assert.deepEqual([...wantedLexemes(parseTsquery("'a' & !'b' | !( 'c' <-> 'd' ) & 'e'")!)], ['a', 'e'])
    assert.deepEqual([...wantedLexemes(parseTsquery("!!'a'")!)], ['a'])
  })
})
