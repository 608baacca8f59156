// What people mostly type — plain words, "or" between them, "-word" to leave one out, "a phrase"
// in quotes — read into the tree PostgreSQL's websearch_to_tsquery('english', …) gives for it,
// without a round trip to the database: on the embedded database every query waits its turn.
// Anything else (hyphenated or accented words, punctuation, a quote left open) is left to
// PostgreSQL. english.routes.test.ts checks thousands of generated queries against PostgreSQL
// itself. Pure.
import { lexemeOf } from './english.ts'
import type { TsNode } from './tsquery-text.ts'

/**
 * A query word as a node: its english lexeme, which English case studies are indexed by, and the
 * word lower-cased where that differs — Welsh case studies are indexed unstemmed (the simple
 * configuration), so "cynghorau" must find "cynghorau" whatever the English stemmer makes of it.
 */
export function wordNode(word: string, lexeme: string): TsNode {
  const simple = word.toLowerCase()
  return simple === lexeme ? { op: 'word', lexeme } : { op: 'word', lexeme, simple }
}

/** One term: an optional "-", then ASCII letters and digits only. */
const plainTerm = /^(-?)([A-Za-z0-9]{1,100})$/
const plainWord = /^[A-Za-z0-9]{1,100}$/

/** The lexeme of a plain word (null: a stop word); undefined for any other word, which only PostgreSQL can read. */
export function plainLexeme(word: string): string | null | undefined {
  return plainWord.test(word) ? lexemeOf(word) : undefined
}

/**
 * The words of a phrase from tokens[at] (which opens it with a quote) to the token that closes
 * it; undefined unless every word is plain and the quote closes.
 */
function readPhrase(tokens: readonly string[], at: number): { node: TsNode | null; next: number } | undefined {
  const words: string[] = []
  for (let i = at; i < tokens.length; i++) {
    let token = i === at ? tokens[i]!.replace(/^-?"/, '') : tokens[i]!
    const closes = token.endsWith('"')
    if (closes) token = token.slice(0, -1)
    if (!plainWord.test(token)) return undefined
    words.push(token)
    if (!closes) continue
    // Stop words drop out but keep their place: "right to the streets" is right <3> street.
    const args: TsNode[] = []
    const distances: number[] = []
    let last = 0
    words.forEach((word, n) => {
      const lexeme = lexemeOf(word)
      if (lexeme === null) return
      if (args.length > 0) distances.push(n - last)
      args.push(wordNode(word, lexeme))
      last = n
    })
    const node: TsNode | null = args.length === 0 ? null : args.length === 1 ? args[0]! : { op: 'phrase', args, distances }
    return { node, next: i + 1 }
  }
  return undefined
}

/**
 * The tree of a plain query; null when it has no searchable word (only stop words); undefined
 * when it is not plain, and PostgreSQL must read it.
 */
export function readPlainQuery(q: string): TsNode | null | undefined {
  // websearch_to_tsquery: OR between groups of words that must all be there; a stop word drops
  // out of its group, and an empty group out of the OR.
  const groups: TsNode[][] = [[]]
  const tokens = q.split(/\s+/).filter((token) => token !== '')
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at]!
    if (token.toLowerCase() === 'or') {
      groups.push([])
      continue
    }
    if (token.startsWith('"') || token.startsWith('-"')) {
      const phrase = readPhrase(tokens, at)
      if (!phrase) return undefined
      if (phrase.node) groups[groups.length - 1]!.push(token.startsWith('-') ? { op: 'not', arg: phrase.node } : phrase.node)
      at = phrase.next - 1
      continue
    }
    const term = plainTerm.exec(token)
    if (!term) return undefined
    const lexeme = lexemeOf(term[2]!)
    if (lexeme === null) continue
    const word = wordNode(term[2]!, lexeme)
    groups[groups.length - 1]!.push(term[1] ? { op: 'not', arg: word } : word)
  }
  const alternatives = groups.filter((g) => g.length > 0).map((g): TsNode => (g.length === 1 ? g[0]! : { op: 'and', args: g }))
  if (alternatives.length === 0) return null
  return alternatives.length === 1 ? alternatives[0]! : { op: 'or', args: alternatives }
}
