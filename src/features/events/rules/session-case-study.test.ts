import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eventKinds } from '../../../db/schema/events.ts'
import { caseStudyKindForEvent, sessionCaseStudySnapshot, type SessionForCaseStudy } from './session-case-study.ts'

const session: SessionForCaseStudy = {
  title: 'Tenants on the board',
  description: 'How tenants joined the **board**.\n\nWhat we learnt along the way.',
  eventTitle: 'Autumn lab',
  eventKind: 'conference',
  day: '2026-10-14',
  principles: [{ id: 4, name: 'Co-production' }],
  organisations: [
    { id: 1, name: 'Northbrook' },
    { id: 2, name: 'Riverside' },
    { id: 1, name: 'Northbrook' },
  ],
}

describe('a case study drafted from a session', () => {
  it('keeps labs and action learning sets, and calls anything else a case study', () => {
    assert.deepEqual(
      eventKinds.map((k) => [k, caseStudyKindForEvent(k)]),
      [
        ['conference', 'case-study'],
        ['policy-lab-workshop', 'policy-lab'],
        ['action-learning-set', 'action-learning-set'],
        ['webinar', 'case-study'],
      ],
    )
  })

  it('takes the title, the first paragraph as summary, the year, the principles and the speakers’ organisations', () => {
    const s = sessionCaseStudySnapshot(session)
    assert.equal(s.title, 'Tenants on the board')
    assert.equal(s.summary, 'How tenants joined the **board**.')
    assert.equal(s.body, 'How tenants joined the **board**.\n\nWhat we learnt along the way.\n\nA session of Autumn lab on 2026-10-14.')
    assert.equal(s.yearStart, 2026)
    assert.equal(s.yearEnd, null)
    assert.deepEqual(s.lead, { id: 1, name: 'Northbrook' })
    assert.deepEqual(s.participants, [{ id: 2, name: 'Riverside' }], 'each organisation once, the lead not again')
    assert.deepEqual(s.principles, [{ id: 4, name: 'Co-production' }])
  })

  it('has no lead when no speaker is from a known organisation, and an empty summary without a description', () => {
    const s = sessionCaseStudySnapshot({ ...session, organisations: [], description: '' })
    assert.equal(s.lead, null)
    assert.deepEqual(s.participants, [])
    assert.equal(s.summary, '')
    assert.equal(s.body, 'A session of Autumn lab on 2026-10-14.')
  })
})
