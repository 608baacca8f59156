// What people mostly type — plain words, "or" between them, "-word" to leave one out — read into
// the tree PostgreSQL's websearch_to_tsquery('english', …) gives for it, without a round trip to
// the database: on the embedded database every query waits its turn. Anything else (quotes,
// hyphenated or accented words, punctuation) is left to PostgreSQL. english.routes.test.ts
// checks thousands of generated queries against PostgreSQL itself. Pure.
import { lexemeOf } from './english.ts'
import type { TsNode } from './tsquery-text.ts'

/** One term: an optional "-", then ASCII letters and digits only. */
const plainTerm = /^(-?)([A-Za-z0-9]{1,100})$/

/**
 * The tree of a plain query; null when it has no searchable word (only stop words); undefined
 * when it is not plain, and PostgreSQL must read it.
 */
export function readPlainQuery(q: string): TsNode | null | undefined {
  // websearch_to_tsquery: OR between groups of words that must all be there; a stop word drops
  // out of its group, and an empty group out of the OR.
  const groups: TsNode[][] = [[]]
  for (const token of q.split(/\s+/)) {
    if (token === '') continue
    if (token.toLowerCase() === 'or') {
      groups.push([])
      continue
    }
    const term = plainTerm.exec(token)
    if (!term) return undefined
    const lexeme = lexemeOf(term[2]!)
    if (lexeme === null) continue
    const word: TsNode = { op: 'word', lexeme }
    groups[groups.length - 1]!.push(term[1] ? { op: 'not', arg: word } : word)
  }
  const alternatives = groups.filter((g) => g.length > 0).map((g): TsNode => (g.length === 1 ? g[0]! : { op: 'and', args: g }))
  if (alternatives.length === 0) return null
  return alternatives.length === 1 ? alternatives[0]! : { op: 'or', args: alternatives }
}
