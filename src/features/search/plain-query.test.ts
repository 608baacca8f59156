import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { readPlainQuery, wordNode } from './plain-query.ts'
import { hasWelshForms, wantedLexemes, welshTree } from './tsquery-text.ts'

describe('readPlainQuery', () => {
  it('reads words, "or" and "-word" as websearch_to_tsquery does', () => {
    assert.deepEqual(readPlainQuery('Gardens'), { op: 'word', lexeme: 'garden', simple: 'gardens' })
    assert.deepEqual(readPlainQuery('food -bank'), {
      op: 'and',
      args: [
        { op: 'word', lexeme: 'food' },
        { op: 'not', arg: { op: 'word', lexeme: 'bank' } },
      ],
    })
    assert.deepEqual(readPlainQuery('a food or the bank'), {
      op: 'or',
      args: [
        { op: 'word', lexeme: 'food' },
        { op: 'word', lexeme: 'bank' },
      ],
    })
    assert.deepEqual(readPlainQuery('2024 Covid19'), {
      op: 'and',
      args: [
        { op: 'word', lexeme: '2024' },
        { op: 'word', lexeme: 'covid19' },
      ],
    })
  })

  it('reads a phrase in quotes, its stop words keeping their places', () => {
    const word = (lexeme: string) => ({ op: 'word', lexeme })
    assert.deepEqual(readPlainQuery('"right to the streets"'), {
      op: 'phrase',
      args: [word('right'), { op: 'word', lexeme: 'street', simple: 'streets' }],
      distances: [3],
    })
    assert.deepEqual(readPlainQuery('council -"food bank"'), {
      op: 'and',
      args: [word('council'), { op: 'not', arg: { op: 'phrase', args: [word('food'), word('bank')], distances: [1] } }],
    })
    assert.deepEqual(readPlainQuery('"the community"'), { op: 'word', lexeme: 'communiti', simple: 'community' })
    assert.equal(readPlainQuery('"the of"'), null)
  })

  it('gives null for only stop words and undefined for anything PostgreSQL must read', () => {
    assert.equal(readPlainQuery('the and of'), null)
    assert.equal(readPlainQuery('or'), null)
    for (const q of [
      '"food bank',
      '"food"bank',
      '""',
      '"co-operative"',
      'co-operative',
      "O'Brien",
      'café',
      '--food',
      '- food',
      'food,',
      'a.b',
      'x'.repeat(101),
    ])
      assert.equal(readPlainQuery(q), undefined, q)
  })

  it('gives each word its form as typed, lower-cased, for Welsh case studies, indexed unstemmed', () => {
    assert.deepEqual(wordNode('Cynghorau', 'cynghorau'), { op: 'word', lexeme: 'cynghorau' })
    // The English stemmer turns a final y after a consonant into i: "mwy" (more) stays "mwy" in Welsh text.
    assert.deepEqual(readPlainQuery('tai mwy'), {
      op: 'and',
      args: [
        { op: 'word', lexeme: 'tai' },
        { op: 'word', lexeme: 'mwi', simple: 'mwy' },
      ],
    })
    const tree = readPlainQuery('"cynghorau cymuned" -councils')!
    assert.ok(hasWelshForms(tree))
    assert.deepEqual(welshTree(tree), {
      op: 'and',
      args: [
        {
          op: 'phrase',
          args: [
            { op: 'word', lexeme: 'cynghorau' },
            { op: 'word', lexeme: 'cymuned' },
          ],
          distances: [1],
        },
        { op: 'not', arg: { op: 'word', lexeme: 'councils' } },
      ],
    })
    assert.equal(hasWelshForms(readPlainQuery('food bank')!), false)
    // Both forms rank: the English stem for English case studies, the word as typed for Welsh ones.
    assert.deepEqual([...wantedLexemes(readPlainQuery('Gardens')!)], ['garden', 'gardens'])
  })
})
