import assert from 'node:assert/strict'
import { it } from 'node:test'
import { sql } from 'drizzle-orm'
import { describeEachDatabase } from '../../../test/app.ts'
import * as sentences from '../demo/synthetic/sentences.ts'
import * as themes from '../demo/synthetic/themes.ts'
import * as vocabulary from '../demo/synthetic/vocabulary.ts'
import { stemOf } from './snippet.ts'

// Snippets mark a word when its stem, worked out here, is one PostgreSQL found in the query: the
// two stemmers must agree. Every word of the synthetic generator's text is checked.
const words = [...new Set(JSON.stringify([sentences, themes, vocabulary]).toLowerCase().match(/[\p{L}\p{N}]+/gu))]

describeEachDatabase('snippet stems against PostgreSQL', (get) => {
  it(`stems all ${words.length} words of the synthetic text as PostgreSQL's english configuration does`, async () => {
    assert.ok(words.length > 500)
    const result = await get().handle.db.execute<{ word: string; lexemes: string[] | null }>(sql`
      SELECT w AS word, tsvector_to_array(to_tsvector('english', w)) AS lexemes FROM unnest(${`{${words.join(',')}}`}::text[]) AS w`)
    const differ = result.rows.filter((r) => r.lexemes && r.lexemes.length > 0 && r.lexemes[0] !== stemOf(r.word)).map((r) => `${r.word}: ${stemOf(r.word)} ≠ ${r.lexemes![0]}`)
    assert.deepEqual(differ, [])
  })
})
