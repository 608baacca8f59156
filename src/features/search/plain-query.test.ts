import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { readPlainQuery } from './plain-query.ts'

describe('readPlainQuery', () => {
  it('reads words, "or" and "-word" as websearch_to_tsquery does', () => {
    assert.deepEqual(readPlainQuery('Gardens'), { op: 'word', lexeme: 'garden' })
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
    assert.deepEqual(readPlainQuery('"right to the streets"'), { op: 'phrase', args: [word('right'), word('street')], distances: [3] })
    assert.deepEqual(readPlainQuery('council -"food bank"'), {
      op: 'and',
      args: [word('council'), { op: 'not', arg: { op: 'phrase', args: [word('food'), word('bank')], distances: [1] } }],
    })
    assert.deepEqual(readPlainQuery('"the community"'), word('communiti'))
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
})
