import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checkCallForm, type CallForm } from './call-form.ts'

const boxes = (iso: string) => ({ day: iso ? String(Number(iso.slice(8))) : '', month: iso ? String(Number(iso.slice(5, 7))) : '', year: iso.slice(0, 4) })

const labs: CallForm = {
  title: 'Policy Labs 2027',
  slug: '',
  kind: 'policy-lab',
  summary: 'Collaborative labs.',
  pot: '60,000',
  cap: '£20,000.00',
  leadTiers: ['full'],
  minWorkingGroup: '3',
  oneLedProjectAtATime: 'yes',
  themes: 'Housing\n\n Energy \n',
  decisionMethod: 'assessment',
  principleIds: ['2', '1'],
  dates: {
    opensOn: boxes('2027-02-01'),
    closesOn: boxes('2027-03-20'),
    assessmentOn: boxes('2027-04-10'),
    presentationsOn: boxes(''),
    decisionOn: boxes('2027-05-01'),
  },
}

describe('the call form', () => {
  it('reads a Policy Labs round into pence, settings and London days', () => {
    const result = checkCallForm(labs)
    assert.deepEqual(result, {
      ok: true,
      value: {
        title: 'Policy Labs 2027',
        slug: null,
        kind: 'policy-lab',
        summary: 'Collaborative labs.',
        potPence: 6_000_000,
        capPence: 2_000_000,
        settings: { leadTiers: ['full'], minWorkingGroup: 3, oneLedProjectAtATime: true, themes: ['Housing', 'Energy'] },
        decisionMethod: 'assessment',
        principleIds: [2, 1],
        opensOn: '2027-02-01',
        closesOn: '2027-03-20',
        assessmentOn: '2027-04-10',
        presentationsOn: null,
        decisionOn: '2027-05-01',
      },
    })
  })

  const d = labs.dates
  const cases: Array<[string, Partial<CallForm>, Array<[string, string]>]> = [
    ['no title', { title: '  ' }, [['title', 'calls.errors.titleRequired']]],
    ['a long title', { title: 'x'.repeat(201) }, [['title', 'calls.errors.titleTooLong']]],
    ['a bad web address', { slug: 'Policy Labs' }, [['slug', 'admin.slug.format']]],
    ['an unknown kind', { kind: 'grant' }, [['kind', 'calls.errors.kind']]],
    ['no pot', { pot: '' }, [['pot', 'calls.errors.potRequired']]],
    ['a pot in words', { pot: 'sixty thousand' }, [['pot', 'calls.errors.potAmount']]],
    ['a pot with fractions of a penny', { pot: '60000.001' }, [['pot', 'calls.errors.potAmount']]],
    ['a zero cap', { cap: '0' }, [['cap', 'calls.errors.capPositive']]],
    ['a cap above the pot', { cap: '60,000.01' }, [['cap', 'calls.errors.capOverPot']]],
    ['an unknown tier', { leadTiers: ['gold'] }, [['leadTiers', 'calls.errors.leadTiers']]],
    ['a group size in words', { minWorkingGroup: 'three' }, [['minWorkingGroup', 'calls.errors.minWorkingGroup']]],
    ['a repeated theme', { themes: 'Housing\nhousing' }, [['themes', 'calls.errors.themesRepeated']]],
    ['no decision method', { decisionMethod: '' }, [['decisionMethod', 'calls.errors.decisionMethod']]],
    ['a principle that is not an id', { principleIds: ['1', 'x'] }, [['principles', 'calls.errors.principles']]],
    ['no opening date', { dates: { ...d, opensOn: boxes('') } }, [['opensOn-day', 'calls.errors.opensOnRequired']]],
    [
      'a closing date that does not exist',
      { dates: { ...d, closesOn: { day: '30', month: '2', year: '2027' } } },
      [['closesOn-day', 'calls.errors.closesOnReal']],
    ],
    ['a two-digit year', { dates: { ...d, closesOn: { day: '1', month: '3', year: '27' } } }, [['closesOn-day', 'calls.errors.closesOnReal']]],
    ['closing before opening', { dates: { ...d, closesOn: boxes('2027-01-31') } }, [['closesOn-day', 'calls.errors.closesBeforeOpens']]],
    ['assessing before the close', { dates: { ...d, assessmentOn: boxes('2027-03-19') } }, [['assessmentOn-day', 'calls.errors.assessmentOnBeforeClose']]],
  ]
  for (const [name, change, expected] of cases) {
    it(name, () => {
      const result = checkCallForm({ ...labs, ...change })
      assert.equal(result.ok, false)
      if (!result.ok)
        assert.deepEqual(
          result.errors.map((e) => [e.field, e.message]),
          expected,
        )
    })
  }

  it('lists every problem of an empty form', () => {
    const empty = checkCallForm({
      title: '',
      slug: '',
      kind: '',
      summary: '',
      pot: '',
      cap: '',
      leadTiers: [],
      minWorkingGroup: '',
      oneLedProjectAtATime: '',
      themes: '',
      decisionMethod: '',
      principleIds: [],
      dates: { opensOn: boxes(''), closesOn: boxes(''), assessmentOn: boxes(''), presentationsOn: boxes(''), decisionOn: boxes('') },
    })
    assert.equal(empty.ok, false)
    if (!empty.ok)
      assert.deepEqual(
        empty.errors.map((e) => e.field),
        ['title', 'kind', 'pot', 'cap', 'decisionMethod', 'opensOn-day', 'closesOn-day'],
      )
  })
})
