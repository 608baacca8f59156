// One word written three ways — hyphenated (co-production), joined (coproduction) or spaced (co
// production) — finds the case studies that use any of them. PostgreSQL reads each way apart: a
// hyphenated word is the whole word then its parts in a row ('co-product' <-> 'co' <-> 'product'),
// a joined one a single lexeme, spaced ones two words. So the query's tree gets the other ways as
// alternatives, made from the words typed (outside quotes and not left out with "-", which keep
// their strict meaning) and kept only where the index has them. Pure.
import { lexemeOf, stemOf } from './english.ts'
import type { TsNode } from './tsquery-text.ts'

/** Whether some case study has the lexeme (the search index's `has`). */
export type KnownLexeme = (lexeme: string) => boolean

const word = (lexeme: string): TsNode => ({ op: 'word', lexeme })
const phraseOf = (lexemes: string[]): TsNode => ({ op: 'phrase', args: lexemes.map(word), distances: lexemes.slice(1).map(() => 1) })

/** Most alternatives one joined word gets: each is a phrase to check. */
const maxSplits = 4
/** A joined word is split only into a first part of two letters or more and a second of three or more. */
const minFirst = 2
const minSecond = 3

/**
 * Runs of words typed next to each other, outside quotes, none left out with "-": a stop word,
 * "or", punctuation inside a word or a quote ends a run.
 */
export function freeRuns(q: string): string[][] {
  const runs: string[][] = []
  q.split('"').forEach((part, i) => {
    if (i % 2 === 1) return
    let run: string[] = []
    const end = () => {
      if (run.length > 0) runs.push(run)
      run = []
    }
    for (const token of part.split(/\s+/)) {
      const m = /^([A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)[.,;:!?]*$/.exec(token)
      if (!m || lexemeOf(m[1]!.replace(/-/g, '')) === null) end()
      else run.push(m[1]!)
    }
    end()
  })
  return runs
}

/** Lexemes of a phrase node of words only, or null. */
function phraseLexemes(node: TsNode): string[] | null {
  if (node.op !== 'phrase') return null
  const out: string[] = []
  for (const arg of node.args) {
    if (arg.op !== 'word') return null
    out.push(arg.lexeme)
  }
  return out
}

interface Alternatives {
  /** PostgreSQL's phrase for a hyphenated word (its lexemes joined by spaces) → the other ways of writing it. */
  hyphenated: Map<string, TsNode[]>
  /** A joined word's lexeme → the other ways. */
  joined: Map<string, TsNode[]>
  /** Two words typed side by side ("a b" as lexemes) → the joined word. */
  pairs: Map<string, TsNode>
}

function alternativesOf(q: string, has: KnownLexeme): Alternatives {
  const out: Alternatives = { hyphenated: new Map(), joined: new Map(), pairs: new Map() }
  for (const run of freeRuns(q)) {
    run.forEach((typed, i) => {
      if (typed.includes('-')) {
        const parts = typed.split('-').map(lexemeOf)
        const key = [stemOf(typed), ...parts.filter((p) => p !== null)].join(' ')
        const alternatives: TsNode[] = []
        const joined = lexemeOf(typed.replace(/-/g, ''))
        if (joined && has(joined)) alternatives.push(word(joined))
        if (parts.length >= 2 && parts.every((p) => p !== null)) alternatives.push(phraseOf(parts as string[]))
        if (alternatives.length > 0) out.hyphenated.set(key, alternatives)
        return
      }
      const lexeme = lexemeOf(typed)
      if (lexeme && !/\d/.test(typed) && typed.length >= minFirst + minSecond) {
        const alternatives: TsNode[] = []
        for (let at = minFirst; at <= typed.length - minSecond && alternatives.length < maxSplits; at++) {
          const first = lexemeOf(typed.slice(0, at))
          const second = lexemeOf(typed.slice(at))
          if (first && second && has(first) && has(second)) alternatives.push(phraseOf([first, second]))
          else {
            const hyphenated = stemOf(`${typed.slice(0, at)}-${typed.slice(at)}`)
            if (has(hyphenated)) alternatives.push(word(hyphenated))
          }
        }
        if (alternatives.length > 0) out.joined.set(lexeme, alternatives)
      }
      const next = run[i + 1]
      if (lexeme && next && !next.includes('-')) {
        const nextLexeme = lexemeOf(next)
        const joined = lexemeOf(typed + next)
        if (nextLexeme && joined && has(joined)) out.pairs.set(`${lexeme} ${nextLexeme}`, word(joined))
      }
    })
  }
  return out
}

const anyOf = (node: TsNode, alternatives: readonly TsNode[]): TsNode => (alternatives.length === 0 ? node : { op: 'or', args: [node, ...alternatives] })

/**
 * The query's tree with each compound word's other forms as alternatives (see the file's
 * comment); the tree itself when it has none.
 */
export function widenCompounds(tree: TsNode, q: string, has: KnownLexeme): TsNode {
  const alternatives = alternativesOf(q, has)
  if (alternatives.hyphenated.size + alternatives.joined.size + alternatives.pairs.size === 0) return tree
  const widen = (node: TsNode): TsNode => {
    switch (node.op) {
      case 'word':
        return anyOf(node, alternatives.joined.get(node.lexeme) ?? [])
      case 'phrase': {
        const lexemes = phraseLexemes(node)
        return anyOf(node, (lexemes && alternatives.hyphenated.get(lexemes.join(' '))) || [])
      }
      case 'not':
        return node
      case 'or':
        return { op: 'or', args: node.args.map(widen) }
      case 'and': {
        const args: TsNode[] = []
        for (let i = 0; i < node.args.length; i++) {
          const a = node.args[i]!
          const b = node.args[i + 1]
          const joined = a.op === 'word' && b?.op === 'word' ? alternatives.pairs.get(`${a.lexeme} ${b.lexeme}`) : undefined
          if (joined && b) {
            args.push({ op: 'or', args: [{ op: 'and', args: [widen(a), widen(b)] }, joined] })
            i++
          } else args.push(widen(a))
        }
        return args.length === 1 ? args[0]! : { op: 'and', args }
      }
    }
  }
  return widen(tree)
}
