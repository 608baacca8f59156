import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { diffLines, diffSnapshots, type CaseStudySnapshot } from './snapshot.ts'

const base: CaseStudySnapshot = {
  title: 'Food for all',
  summary: 'A partnership.',
  body: 'one\ntwo\nthree',
  kind: 'case-study',
  yearStart: 2020,
  yearEnd: null,
  outcomes: '',
  principles: [{ id: 1, name: 'Co-production' }],
  lead: { id: 5, name: 'North Council' },
  participants: [],
  partners: [],
  funders: [],
  themes: ['Food'],
  contact: null,
}

describe('diffSnapshots', () => {
  it('names the kind in words, as the form does', () => {
    assert.deepEqual(
      diffSnapshots(base, { ...base, kind: 'policy-lab' }).map((d) => [d.label, d.before, d.after]),
      [['Kind', 'Case study', 'Policy lab']],
    )
  })

  it('lists only the fields that changed, by name', () => {
    const after = {
      ...base,
      title: 'Food for everyone',
      principles: [...base.principles, { id: 2, name: 'Learning' }],
      contact: { name: 'Kim', jobTitle: 'Officer', organisation: null, email: '', phone: '', publishContact: false },
    }
    assert.deepEqual(
      diffSnapshots(base, after).map((d) => [d.label, d.before, d.after]),
      [
        ['Title', 'Food for all', 'Food for everyone'],
        ['Principles met', 'Co-production', 'Co-production, Learning'],
        ['Contact', '', 'Kim · Officer · not published'],
      ],
    )
  })
  it('against nothing, every filled field is new', () => {
    assert.ok(diffSnapshots(null, base).some((d) => d.key === 'title' && d.after === 'Food for all'))
  })
  it('no differences for the same version', () => assert.deepEqual(diffSnapshots(base, structuredClone(base)), []))
})

describe('diffLines', () => {
  it('marks added and removed lines and keeps the rest', () => {
    assert.deepEqual(diffLines('one\ntwo\nthree', 'one\n2\nthree\nfour'), [
      { kind: 'same', text: 'one' },
      { kind: 'removed', text: 'two' },
      { kind: 'added', text: '2' },
      { kind: 'same', text: 'three' },
      { kind: 'added', text: 'four' },
    ])
  })
  it('stays bounded on huge texts', () => {
    const big = Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n')
    const changes = diffLines(big, `${big}\nmore`)
    assert.equal(changes.filter((c) => c.kind === 'added').length, 1001)
  })
})
