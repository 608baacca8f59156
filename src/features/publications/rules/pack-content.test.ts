import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { CaseStudySnapshot } from '../../case-studies/snapshot.ts'
import { inPeriod, kindOf, selectPack, yearPeriod, type PackCandidate, type PackSelection } from './pack-content.ts'

let nextId = 1
function candidate(
  over: Partial<CaseStudySnapshot> & { region?: string | null; tier?: string; group?: number; language?: 'en' | 'cy'; publishedAt?: Date } = {},
): PackCandidate {
  const id = nextId++
  const snapshot: CaseStudySnapshot = {
    title: over.title ?? `Study ${id}`,
    summary: '',
    body: '',
    kind: over.kind ?? 'case-study',
    yearStart: over.yearStart === undefined ? 2025 : over.yearStart,
    yearEnd: over.yearEnd ?? null,
    outcomes: '',
    principles: over.principles ?? [],
    lead: over.lead === undefined ? { id: 1, name: 'Oldham' } : over.lead,
    participants: [],
    partners: [],
    funders: [],
    themes: [],
    contact: null,
  }
  return {
    caseStudyId: id,
    revisionId: id * 10,
    revisionNumber: 1,
    slug: `study-${id}`,
    snapshot,
    language: over.language ?? 'en',
    translationGroup: over.group ?? null,
    leadRegion: over.region === undefined ? 'North West' : over.region,
    leadTier: over.tier ?? 'full',
    publishedAt: over.publishedAt ?? new Date('2025-06-01'),
  }
}

const selection = (over: Partial<PackSelection> = {}): PackSelection => ({
  period: yearPeriod(2025),
  kinds: ['case-studies', 'policy-labs', 'affiliate-pieces'],
  order: 'council',
  language: 'en',
  principleOrder: [10, 20, 30],
  ...over,
})

test('a case study is in the year when its years overlap it, or, with no years, when it was published in it', () => {
  const period = yearPeriod(2025)
  const cases: Array<[Partial<CaseStudySnapshot> & { publishedAt?: Date }, boolean]> = [
    [{ yearStart: 2025 }, true],
    [{ yearStart: 2023, yearEnd: 2025 }, true],
    [{ yearStart: 2023, yearEnd: 2024 }, false],
    [{ yearStart: 2026 }, false],
    [{ yearStart: null, publishedAt: new Date('2025-12-31T23:00:00Z') }, true],
    [{ yearStart: null, publishedAt: new Date('2026-01-01T00:00:00Z') }, false],
  ]
  for (const [over, expected] of cases) assert.equal(inPeriod(candidate(over), period), expected, JSON.stringify(over))
})

test('kinds: an affiliate member’s piece, a policy lab, a case study', () => {
  assert.equal(kindOf(candidate({ tier: 'affiliate', kind: 'policy-lab' })), 'affiliate-pieces')
  assert.equal(kindOf(candidate({ kind: 'policy-prototype' })), 'policy-labs')
  assert.equal(kindOf(candidate({ kind: 'action-learning-set' })), 'case-studies')
  const sections = selectPack([candidate({ kind: 'policy-lab' }), candidate({ title: 'Kept' })], selection({ kinds: ['case-studies'] }))
  assert.deepEqual(
    sections.flatMap((s) => s.entries.map((e) => e.snapshot.title)),
    ['Kept'],
  )
})

test('by council: councils alphabetical, titles alphabetical within, no lead last', () => {
  const sections = selectPack(
    [
      candidate({ title: 'b', lead: { id: 2, name: 'Preston' } }),
      candidate({ title: 'Z', lead: null }),
      candidate({ title: 'c', lead: { id: 1, name: 'Oldham' } }),
      candidate({ title: 'A', lead: { id: 2, name: 'Preston' } }),
    ],
    selection(),
  )
  assert.deepEqual(
    sections.map((s) => [s.heading, s.entries.map((e) => e.snapshot.title)]),
    [
      ['Oldham', ['c']],
      ['Preston', ['A', 'b']],
      [null, ['Z']],
    ],
  )
})

test('by principle: under the first principle met in the network’s order', () => {
  const sections = selectPack(
    [
      candidate({
        title: 'x',
        principles: [
          { id: 30, name: 'Third' },
          { id: 20, name: 'Second' },
        ],
      }),
      candidate({ title: 'y', principles: [{ id: 10, name: 'First' }] }),
      candidate({ title: 'z' }),
    ],
    selection({ order: 'principle' }),
  )
  assert.deepEqual(
    sections.map((s) => [s.heading, s.entries.map((e) => e.snapshot.title)]),
    [
      ['First', ['y']],
      ['Second', ['x']],
      [null, ['z']],
    ],
  )
})

test('by region; and one language version of translated work, the pack’s own', () => {
  const sections = selectPack(
    [
      candidate({ title: 'Gwaith', group: 7, language: 'cy', region: 'Wales' }),
      candidate({ title: 'Work', group: 7, language: 'en', region: 'Wales' }),
      candidate({ title: 'Other', region: 'London' }),
      candidate({ title: 'None', region: ' ' }),
    ],
    selection({ order: 'region', language: 'cy' }),
  )
  assert.deepEqual(
    sections.map((s) => [s.heading, s.entries.map((e) => e.snapshot.title)]),
    [
      ['London', ['Other']],
      ['Wales', ['Gwaith']],
      [null, ['None']],
    ],
  )
})
