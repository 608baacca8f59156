import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { callKinds } from '../../../db/schema/enums.ts'
import { caseStudyKindFor, caseStudySnapshotFrom, type ProjectForCaseStudy } from './case-study-draft.ts'

const project: ProjectForCaseStudy = {
  title: 'Tenants steer the retrofit',
  summary: 'Councils retrofit homes with tenants.',
  callKind: 'policy-lab',
  startsOn: '2026-05-01',
  endedOn: '2028-06-10',
  theme: 'Housing',
  lead: { id: 1, name: 'Northbrook' },
  members: [
    { id: 2, name: 'Riverside' },
    { id: 3, name: 'Eastmoor' },
  ],
  partners: [{ id: 9, name: 'Tenants Federation' }],
  principles: [{ id: 4, name: 'Co-production' }],
  finalReport: { whatHappened: 'We ran **twelve** workshops.', outcomes: 'Tenants sit on the board.' },
}

describe('a case study drafted from a project', () => {
  it('keeps labs and prototypes, and calls anything else a project', () => {
    assert.deepEqual(
      callKinds.map((k) => [k, caseStudyKindFor(k)]),
      [
        ['policy-lab', 'policy-lab'],
        ['policy-prototype', 'policy-prototype'],
        ['action-learning-eoi', 'project'],
        ['work-programme-idea', 'project'],
        ['event-session', 'project'],
      ],
    )
  })

  it('takes the title, members, principles, years and the final report', () => {
    const s = caseStudySnapshotFrom(project)
    assert.equal(s.title, 'Tenants steer the retrofit')
    assert.equal(s.kind, 'policy-lab')
    assert.deepEqual([s.yearStart, s.yearEnd], [2026, 2028])
    assert.deepEqual(s.lead, { id: 1, name: 'Northbrook' })
    assert.deepEqual(
      s.participants.map((p) => p.name),
      ['Riverside', 'Eastmoor'],
    )
    assert.deepEqual(s.partners, [{ id: 9, name: 'Tenants Federation' }])
    assert.deepEqual(s.principles, [{ id: 4, name: 'Co-production' }])
    assert.equal(s.body, 'We ran **twelve** workshops.')
    assert.equal(s.outcomes, 'Tenants sit on the board.')
    assert.deepEqual(s.themes, ['Housing'])
  })

  it('gives one year when it ended in the year it began', () => {
    const s = caseStudySnapshotFrom({ ...project, callKind: 'event-session', endedOn: '2026-11-30', theme: null })
    assert.deepEqual([s.kind, s.yearStart, s.yearEnd, s.themes], ['project', 2026, null, []])
  })

  it('names partners known only by name at the end of the body', () => {
    const s = caseStudySnapshotFrom({ ...project, namedPartners: ['Hillside Tenants', 'the Youth Forum', 'a university'] })
    assert.match(s.body, /\n\nWorked with Hillside Tenants, the Youth Forum and a university\.$/)
    assert.equal(caseStudySnapshotFrom({ ...project, namedPartners: [] }).body, project.finalReport.whatHappened)
  })
})
