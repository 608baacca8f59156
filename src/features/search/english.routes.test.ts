import assert from 'node:assert/strict'
import { it } from 'node:test'
import { sql } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import * as sentences from '../demo/synthetic/sentences.ts'
import * as themes from '../demo/synthetic/themes.ts'
import * as vocabulary from '../demo/synthetic/vocabulary.ts'
import { englishStopWords, stemOf } from './english.ts'
import { readPlainQuery } from './plain-query.ts'
import { parseTsquery } from './tsquery-text.ts'
import type { TsNode } from './tsquery-text.ts'

// The app reads plain queries and marks snippet words without asking PostgreSQL: its stemmer,
// stop words and websearch_to_tsquery reading must agree with PostgreSQL's, checked here.
const words = [
  ...new Set(
    JSON.stringify([sentences, themes, vocabulary])
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu),
  ),
]

/** A tree as text with every operation in brackets, to compare the app's reading with PostgreSQL's. */
function show(node: TsNode | null | undefined): string {
  if (node === undefined) return 'undefined'
  if (node === null) return ''
  if (node.op === 'word') return node.lexeme
  if (node.op === 'not') return `!${show(node.arg)}`
  if (node.op === 'phrase') return `(${node.args.map((arg, i) => (i === 0 ? '' : ` <${node.distances[i - 1]}> `) + show(arg)).join('')})`
  return `(${node.args.map(show).join(` ${node.op} `)})`
}

function random(seed: number): () => number {
  let s = seed
  return () => (s = (s * 16_807) % 2_147_483_647) / 2_147_483_647
}

describeEachDatabase('English as PostgreSQL reads it', (get) => {
  it(`stems all ${words.length} words of the synthetic text as PostgreSQL's english configuration does`, async () => {
    assert.ok(words.length > 500)
    const result = await get().handle.db.execute<{ word: string; lexemes: string[] | null }>(sql`
      SELECT w AS word, tsvector_to_array(to_tsvector('english', w)) AS lexemes FROM unnest(${`{${words.join(',')}}`}::text[]) AS w`)
    const differ = result.rows
      .filter((r) => r.lexemes && r.lexemes.length > 0 && r.lexemes[0] !== stemOf(r.word))
      .map((r) => `${r.word}: ${stemOf(r.word)} ≠ ${r.lexemes![0]}`)
    assert.deepEqual(differ, [])
  })

  it('has exactly the stop words PostgreSQL has', async () => {
    const candidates = [...new Set([...englishStopWords, ...words])]
    const result = await get().handle.db.execute<{ word: string }>(sql`
      SELECT w AS word FROM unnest(${`{${candidates.join(',')}}`}::text[]) AS w WHERE numnode(to_tsquery('english', w)) = 0`)
    assert.deepEqual(result.rows.map((r) => r.word).sort(), [...englishStopWords].filter((w) => candidates.includes(w)).sort())
    assert.equal(englishStopWords.size, 127)
  })

  it('reads 3,000 generated plain queries, phrases in quotes among them, as websearch_to_tsquery does', async () => {
    const next = random(11)
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!
    const pool = [
      ...words.filter((w) => /^[a-z0-9]+$/.test(w)).slice(0, 300),
      ...englishStopWords,
      'or',
      'OR',
      'Or',
      '2024',
      '1990s',
      'covid19',
      'Council',
      'HOUSING',
      'x',
    ]
    const phrase = () => `"${Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(pool)).join(' ')}"`
    const term = () => `${next() < 0.15 ? '-' : ''}${next() < 0.2 ? phrase() : pick(pool)}`
    const queries = Array.from({ length: 3000 }, () => Array.from({ length: 1 + Math.floor(next() * 6) }, term).join(pick([' ', '  ', ' \t '])))
    assert.ok(queries.filter((q) => readPlainQuery(q)?.op === 'phrase').length > 50, 'some queries are phrases alone')
    const result = await get().handle.db.execute<{ q: string; query: string }>(sql`
      SELECT q, websearch_to_tsquery('english', q)::text AS query FROM json_array_elements_text(${JSON.stringify(queries)}::json) AS q`)
    const differ = result.rows
      .filter((r) => show(readPlainQuery(r.q)) !== show(parseTsquery(r.query)))
      .map((r) => `${r.q} → ${r.query} ≠ ${show(readPlainQuery(r.q))}`)
    assert.deepEqual(differ.slice(0, 10), [])
    assert.equal(result.rows.length, 3000)
  })
})
