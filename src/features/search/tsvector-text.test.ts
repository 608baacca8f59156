import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { readLexemePositions, readWeightedLexemes } from './tsvector-text.ts'

const read = (text: string) => {
  const out: Array<[string, number]> = []
  readWeightedLexemes(text, (lexeme, weight) => out.push([lexeme, Math.round(weight * 10) / 10]))
  return out
}

describe('readWeightedLexemes', () => {
  it('sums the weights of every occurrence (A 1, B 0.4, C 0.2, no letter 0.1)', () => {
    assert.deepEqual(read("'council':1A,2A,4B 'hous':5B 'peopl':3"), [
      ['council', 2.4],
      ['hous', 0.4],
      ['peopl', 0.1],
    ])
    assert.deepEqual(read("'a':1C 'b'"), [
      ['a', 0.2],
      ['b', 0.1],
    ])
  })

  it('reads quotes and backslashes inside a lexeme', () => {
    assert.deepEqual(read("'o''brien':1A 'back\\\\slash':2B 'two words':3A"), [
      ["o'brien", 1],
      ['back\\slash', 0.4],
      ['two words', 1],
    ])
  })

  it('stops at what it cannot read instead of looping or throwing', () => {
    assert.deepEqual(read(''), [])
    assert.deepEqual(read("'a':1A 'b"), [['a', 1]])
    assert.deepEqual(read("'a':1x 'b':2A"), [])
    assert.deepEqual(read("nonsense 'a':1A"), [])
  })
})

const positionsOf = (text: string) => {
  const out: Array<[string, number[]]> = []
  const ok = readLexemePositions(text, (lexeme, positions, count) => out.push([lexeme, [...positions.subarray(0, count)]]))
  return { ok, out }
}

describe('readLexemePositions', () => {
  it('reads every lexeme with its positions, weights left out', () => {
    assert.deepEqual(positionsOf("'co-op':3 'council':1A,4B,16383 'peopl':2C"), {
      ok: true,
      out: [
        ['co-op', [3]],
        ['council', [1, 4, 16383]],
        ['peopl', [2]],
      ],
    })
  })

  it('reads quotes and backslashes inside a lexeme, and a lexeme without positions', () => {
    assert.deepEqual(positionsOf("'o''brien':1A 'back\\\\slash':2 'two words':3D 'bare'"), {
      ok: true,
      out: [
        ["o'brien", [1]],
        ['back\\slash', [2]],
        ['two words', [3]],
        ['bare', []],
      ],
    })
  })

  it('says when the text is not a tsvector', () => {
    for (const text of ["'a':1A 'b", "'a':x", "'a':1,", "'a':1E", 'nonsense', "'a':99999"]) {
      assert.equal(positionsOf(text).ok, false, text)
    }
    assert.deepEqual(positionsOf(''), { ok: true, out: [] })
  })
})
