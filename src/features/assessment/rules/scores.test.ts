import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { readScores, totalOf } from './scores.ts'

const criteria = [
  { id: 1, title: 'Principles', maxScore: 10 },
  { id: 2, title: 'Reach', maxScore: 5 },
]

describe('an assessor’s scores', () => {
  const cases: Array<[string, Record<number, string>, boolean, string[]]> = [
    ['complete, submitted', { 1: '7', 2: '5' }, true, []],
    ['zero is a score', { 1: '0', 2: '0' }, true, []],
    ['a draft with one missing', { 1: '7' }, false, []],
    ['submitted with one missing', { 1: '7', 2: ' ' }, true, ['score-2 assessment.score.missing']],
    ['over the most', { 1: '11', 2: '5' }, true, ['score-1 assessment.score.outOfRange']],
    ['negative', { 1: '-1', 2: '5' }, false, ['score-1 assessment.score.outOfRange']],
    ['a fraction', { 1: '7.5', 2: '5' }, false, ['score-1 assessment.score.outOfRange']],
    ['words', { 1: 'seven', 2: '5' }, false, ['score-1 assessment.score.outOfRange']],
    ['huge', { 1: '99999999999999999999', 2: '5' }, false, ['score-1 assessment.score.outOfRange']],
  ]
  for (const [name, scores, submitting, expected] of cases) {
    it(name, () =>
      assert.deepEqual(
        readScores({ scores, comments: {}, comment: '' }, criteria, submitting).errors.map((e) => `${e.field} ${e.message}`),
        expected,
      ),
    )
  }

  it('names the criterion and its most in the message', () => {
    const [error] = readScores({ scores: { 2: '9' }, comments: {}, comment: '' }, criteria, false).errors
    assert.deepEqual(error!.values, { criterion: 'Reach', max: 5 })
  })

  it('keeps comments, trimmed, and refuses very long ones', () => {
    const read = readScores({ scores: { 1: '3', 2: '4' }, comments: { 1: ' Clear ' }, comment: ' Good ' }, criteria, true)
    assert.deepEqual(read.value, {
      scores: [
        { criterionId: 1, score: 3, comment: 'Clear' },
        { criterionId: 2, score: 4, comment: '' },
      ],
      comment: 'Good',
    })
    assert.equal(totalOf(read.value.scores), 7)
    const long = readScores({ scores: {}, comments: { 1: 'x'.repeat(5001) }, comment: 'y'.repeat(5001) }, criteria, false)
    assert.deepEqual(
      long.errors.map((e) => e.field),
      ['comment-1', 'comment'],
    )
  })
})
