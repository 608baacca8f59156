import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { phraseEnds } from './phrase-match.ts'
import { TextIndexBuilder } from './text-index.ts'
import type { Bits, TextIndex } from './text-index.ts'
import { readPlainQuery } from './plain-query.ts'
import { parseTsquery, wantedLexemes } from './tsquery-text.ts'

/** Case studies as their lexemes in order (word n at position n + 1) and their weighted title-and-summary vector. */
const docs: Array<{ words: string[]; ranked: string | null }> = [
  { words: ['orchard', 'council', 'food'], ranked: "'orchard':1A 'food':2B" },
  { words: ['council', 'librari'], ranked: "'council':1A,3A" },
  { words: ['food', 'bicycl'], ranked: "'bicycl':1B" },
  { words: ['council', 'food', 'harbour'], ranked: "'harbour':1A 'council':2B" },
  { words: [], ranked: null },
  { words: ['orchard'], ranked: "'orchard':1B" },
]

/** The words as PostgreSQL prints a tsvector: each lexeme once, with its positions. */
function vectorOf(words: readonly string[]): string {
  const at = new Map<string, number[]>()
  words.forEach((word, n) => at.set(word, [...(at.get(word) ?? []), n + 1]))
  return [...at].map(([word, positions]) => `'${word.replaceAll("'", "''")}':${positions.join(',')}`).join(' ')
}

function build(): TextIndex {
  const builder = new TextIndexBuilder()
  for (const d of docs) builder.add(vectorOf(d.words), d.ranked)
  return builder.build()
}

const positions = (bits: Bits, size: number) => Array.from({ length: size }, (_, p) => p).filter((p) => (bits[p >>> 5]! & (1 << (p & 31))) !== 0)

/** What PostgreSQL's @@ gives without positions, worked out over the lists above. */
function bruteForce(query: string): number[] {
  const tree = parseTsquery(query)!
  const holds = (words: string[], node: typeof tree): boolean => {
    switch (node.op) {
      case 'word':
        return words.includes(node.lexeme)
      case 'not':
        return !holds(words, node.arg)
      case 'or':
        return node.args.some((arg) => holds(words, arg))
      default:
        return node.args.every((arg) => holds(words, arg))
    }
  }
  return docs.flatMap((d, p) => (holds(d.words, tree) ? [p] : []))
}

describe('TextIndex', () => {
  const index = build()
  const order = Int32Array.from([5, 4, 3, 2, 1, 0])

  for (const query of [
    "'council'",
    "'council' & 'food'",
    "'orchard' | 'bicycl'",
    "!'council'",
    "'food' & !'council'",
    "!( 'council' | 'food' )",
    "'unknown'",
    "!'unknown'",
  ]) {
    it(`matches ${query} as a boolean search over the lexemes would`, () => {
      assert.deepEqual(positions(index.evaluate(parseTsquery(query)!), index.size), bruteForce(query))
    })
  }

  it('matches a phrase only where its words stand as it says', () => {
    // council then food: 0 (council 2, food 3) and 3 (council 1, food 2).
    assert.deepEqual(positions(index.evaluate(parseTsquery("'council' <-> 'food'")!), index.size), [0, 3])
    assert.deepEqual(positions(index.evaluate(parseTsquery("'food' <-> 'council'")!), index.size), [])
    assert.deepEqual(positions(index.evaluate(parseTsquery("'orchard' <2> 'food'")!), index.size), [0])
    assert.deepEqual(positions(index.evaluate(parseTsquery("'council' <-> 'food' <-> 'harbour'")!), index.size), [3])
    assert.deepEqual(positions(index.evaluate(parseTsquery("'council' <-> ( 'food' <-> 'harbour' )")!), index.size), [3])
    assert.deepEqual(positions(index.evaluate(parseTsquery("( 'orchard' <-> 'council' ) <-> 'food'")!), index.size), [0])
    assert.deepEqual(positions(index.evaluate(parseTsquery("!( 'council' <-> 'food' )")!), index.size), [1, 2, 4, 5])
    assert.deepEqual(positions(index.evaluate(parseTsquery("'council' <-> 'unknown'")!), index.size), [])
    assert.equal(index.answers(parseTsquery("'council' <-> 'food' & !'orchard'")!), true)
    assert.equal(index.answers(parseTsquery("'council' <-> ( 'food' | 'orchard' )")!), false)
  })

  it('works out phrase ends as PostgreSQL does, nested phrases included', () => {
    // a b c a b: positions 1 2 3 4 5.
    const at: Record<string, number[]> = { a: [1, 4], b: [2, 5], c: [3] }
    const ends = (query: string) => phraseEnds(parseTsquery(query)!, (lexeme) => at[lexeme] ?? [])
    assert.deepEqual(ends("'a' <-> 'b'"), { ends: [2, 5], width: 1 })
    assert.deepEqual(ends("'a' <-> 'b' <-> 'c'"), { ends: [3], width: 2 })
    assert.deepEqual(ends("'a' <-> ( 'b' <-> 'c' )"), { ends: [3], width: 2 })
    assert.deepEqual(ends("'a' <3> 'a'"), { ends: [4], width: 3 })
    assert.deepEqual(ends("'c' <-> 'a' <-> 'b'"), { ends: [5], width: 2 })
    assert.deepEqual(ends("'b' <-> 'a'"), { ends: [], width: 1 })
  })

  it('answers nothing alone when a vector could not be read', () => {
    const builder = new TextIndexBuilder()
    builder.add("'council':1", null)
    builder.add("'broken", null)
    const broken = builder.build()
    assert.equal(broken.complete, false)
    assert.equal(broken.answers(parseTsquery("'council'")!), false)
  })

  it('ranks by weights in the title and summary; ties and body-only matches keep the tie order', () => {
    const rank = (query: string) => [...index.rank(index.evaluate(parseTsquery(query)!), wantedLexemes(parseTsquery(query)!), order)]
    // council: 1 has it twice in its title (2), 3 in its summary (0.4), 0 only in its body.
    assert.deepEqual(rank("'council'"), [1, 3, 0])
    // orchard: 0 in its title, 5 in its summary.
    assert.deepEqual(rank("'orchard'"), [0, 5])
    // food without council: 2 has food only in its body; not ranked by the word left out.
    assert.deepEqual(rank("'food' & !'council'"), [2])
    assert.deepEqual(rank("!'unknown'"), [5, 4, 3, 2, 1, 0])
    // Ranking leaves nothing behind: the same call twice gives the same answer.
    assert.deepEqual(rank("'council'"), [1, 3, 0])
  })

  it('sizes its bit sets to the case studies it holds, also past a multiple of 32', () => {
    const builder = new TextIndexBuilder()
    for (let i = 0; i < 70; i++) builder.add(i % 2 === 0 ? "'even':1" : "'odd':1", null)
    const big = builder.build()
    const notEven = big.evaluate(parseTsquery("!'even'")!)
    assert.equal(notEven.length, 3)
    assert.deepEqual(
      positions(notEven, 96),
      Array.from({ length: 35 }, (_, i) => i * 2 + 1),
    )
  })
})

describe('TextIndex with Welsh case studies', () => {
  // English case studies hold english lexemes; Welsh ones (the simple configuration) the words as written.
  const builder = new TextIndexBuilder()
  builder.add(vectorOf(['council', 'hous', 'cooper']), "'council':1A")
  builder.add(vectorOf(['tai', 'cydweithredol', 'cynghorau', 'mwy']), "'tai':1A 'cydweithredol':2A", true)
  builder.add(vectorOf(['councils', 'housing']), "'councils':1A", true)
  builder.add(vectorOf(['mwi', 'food']), null)
  const index = builder.build()
  const found = (q: string) => {
    const tree = readPlainQuery(q)!
    const bits = index.evaluate(tree)
    return [0, 1, 2, 3].filter((p) => (bits[p >>> 5]! & (1 << (p & 31))) !== 0)
  }

  it('matches a query word by its english lexeme in English case studies and as typed in Welsh ones', () => {
    assert.ok(index.hasWelsh)
    assert.deepEqual(found('cydweithredol'), [1])
    assert.deepEqual(found('Cynghorau'), [1])
    // "councils": the stem "council" in English text, the word itself in Welsh text.
    assert.deepEqual(found('councils'), [0, 2])
    // "mwy" stems to "mwi": English text is matched by that stem only, Welsh text by "mwy" only.
    assert.deepEqual(found('mwy'), [1, 3])
    assert.deepEqual(found('"tai cydweithredol"'), [1])
    assert.deepEqual(found('"cydweithredol tai"'), [])
    assert.deepEqual(found('councils -housing'), [])
    assert.deepEqual(found('councils -cooperative'), [2])
  })

  it('ranks Welsh case studies by the words as typed', () => {
    const tree = readPlainQuery('cydweithredol')!
    const ranked = index.rank(index.evaluate(tree), wantedLexemes(tree), new Int32Array([0, 1, 2, 3]))
    assert.deepEqual([...ranked], [1])
  })

  it('costs an English-only index nothing', () => {
    assert.equal(build().hasWelsh, false)
  })
})
