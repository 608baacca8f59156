import type { CaseStudySnapshot } from '../src/features/case-studies/snapshot.ts'
import type { PackCandidate } from '../src/features/publications/rules/pack-content.ts'

/** A published case study as the pack reads it, without a database (the PDF tests). */
export function packCandidate(id: number, over: Partial<CaseStudySnapshot> = {}): PackCandidate {
  const snapshot: CaseStudySnapshot = {
    language: 'en',
    title: `Case study ${String(id).padStart(3, '0')}`,
    summary: 'What the council did, and with whom.',
    body: '## About the project\n\nResidents and officers designed the service together.',
    kind: 'case-study',
    yearStart: 2025,
    yearEnd: null,
    outcomes: '- Fewer complaints\n- More people involved',
    principles: [{ id: 1, name: 'Citizens as equal partners' }],
    lead: { id: 100 + (id % 7), name: `Council ${id % 7}` },
    participants: [{ id: 200, name: 'Cyngor Gwynedd' }],
    partners: [],
    funders: [],
    themes: [],
    contact: {
      name: 'Siân Ŵyn',
      jobTitle: 'Policy officer',
      organisation: null,
      email: 'sian@example.org',
      phone: '01234 567890',
      publishContact: id % 2 === 0,
    },
    ...over,
  }
  return {
    caseStudyId: id,
    revisionId: id * 10,
    revisionNumber: 1,
    slug: `case-study-${id}`,
    snapshot,
    language: 'en',
    translationGroup: null,
    leadRegion: 'Wales',
    leadTier: 'full',
    publishedAt: new Date('2025-06-01T12:00:00Z'),
  }
}
