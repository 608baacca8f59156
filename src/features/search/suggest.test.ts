import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { applyCorrections, wordsToCheck } from './suggest.ts'

describe('did you mean', () => {
  it('checks real words only: not operators, short words or words left out', () => {
    assert.deepEqual(wordsToCheck('"comunity enrgy" or fod -housng at'), [
      { text: 'comunity', word: 'comunity', start: 1 },
      { text: 'enrgy', word: 'enrgy', start: 10 },
      { text: 'fod', word: 'fod', start: 20 },
    ])
    assert.deepEqual(wordsToCheck('Co-operative’s'), [{ text: 'Co-operative’s', word: 'co-operative’s', start: 0 }])
    assert.deepEqual(wordsToCheck('12 -- ""'), [])
  })

  it('puts corrections back where they were typed, keeping quotes and operators', () => {
    const q = '"comunity enrgy" or food -housng'
    const words = wordsToCheck(q)
    assert.equal(
      applyCorrections(
        q,
        words,
        new Map([
          ['comunity', 'community'],
          ['enrgy', 'energy'],
        ]),
      ),
      '"community energy" or food -housng',
    )
    assert.equal(applyCorrections(q, words, new Map()), null)
    assert.equal(applyCorrections(q, words, new Map([['food', 'food']])), null)
  })
})
