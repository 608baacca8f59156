import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { applyRowAction, criteriaFingerprint, filledRows, readCriteria, type CriterionRow } from './criteria.ts'

const row = (title: string, max = '10', guidance = ''): CriterionRow => ({ title, guidance, max })

describe('a call’s criteria', () => {
  const rows = [row('Principles'), row('Feasibility'), row('Reach')]
  const actions: Array<[string, string[]]> = [
    ['save', ['Principles', 'Feasibility', 'Reach']],
    ['remove-1', ['Principles', 'Reach']],
    ['up-1', ['Feasibility', 'Principles', 'Reach']],
    ['up-0', ['Principles', 'Feasibility', 'Reach']],
    ['down-2', ['Principles', 'Feasibility', 'Reach']],
    ['down-0', ['Feasibility', 'Principles', 'Reach']],
    ['remove-9', ['Principles', 'Feasibility', 'Reach']],
    ['remove-x', ['Principles', 'Feasibility', 'Reach']],
  ]
  for (const [action, expected] of actions) {
    it(`${action}: ${expected.join(', ')}`, () =>
      assert.deepEqual(
        applyRowAction(rows, action).map((r) => r.title),
        expected,
      ))
  }

  it('drops blank rows', () => assert.deepEqual(filledRows([row('A'), row('', ''), { title: ' ', guidance: '', max: ' ' }]), [row('A')]))

  const problems: Array<[string, CriterionRow[], string[]]> = [
    ['fine', [row('Principles', '10', 'How well'), row('Reach', '5')], []],
    ['none at all is fine (nothing to score yet)', [], []],
    ['no title', [row('', '10', 'Guidance')], ['criterionTitle-0 assessment.criteria.titleMissing']],
    ['a max of 0', [row('A', '0')], ['criterionMax-0 assessment.criteria.maxInvalid']],
    ['a max over 100', [row('A', '101')], ['criterionMax-0 assessment.criteria.maxInvalid']],
    ['a max in words', [row('A', 'ten')], ['criterionMax-0 assessment.criteria.maxInvalid']],
    ['a negative max', [row('A', '-5')], ['criterionMax-0 assessment.criteria.maxInvalid']],
    ['a decimal max', [row('A', '2.5')], ['criterionMax-0 assessment.criteria.maxInvalid']],
    ['the same title twice', [row('Reach'), row('reach ')], ['criterionTitle-1 assessment.criteria.titleTwice']],
    ['a long title', [row('x'.repeat(201))], ['criterionTitle-0 assessment.criteria.titleTooLong']],
    ['long guidance', [row('A', '5', 'g'.repeat(2001))], ['criterionGuidance-0 assessment.criteria.guidanceTooLong']],
    ['too many', Array.from({ length: 21 }, (_, i) => row(`C${i}`)), ['criterionTitle-0 assessment.criteria.tooMany']],
  ]
  for (const [name, input, expected] of problems) {
    it(`checks ${name}`, () => {
      const { criteria, errors } = readCriteria(input)
      assert.deepEqual(
        errors.map((e) => `${e.field} ${e.message}`),
        expected,
      )
      if (expected.length === 0) assert.equal(criteria.length, input.length)
    })
  }

  it('reads the numbers and trims', () =>
    assert.deepEqual(readCriteria([row(' Reach ', ' 5 ', ' Who ')]).criteria, [{ title: 'Reach', guidance: 'Who', maxScore: 5 }]))

  it('fingerprints a list: any change to it changes the fingerprint', () => {
    const list = [{ id: 1, title: 'A', guidance: '', maxScore: 5 }]
    assert.equal(criteriaFingerprint(list), criteriaFingerprint([...list]))
    assert.notEqual(criteriaFingerprint(list), criteriaFingerprint([{ ...list[0]!, maxScore: 6 }]))
    assert.notEqual(criteriaFingerprint(list), criteriaFingerprint([]))
  })
})
