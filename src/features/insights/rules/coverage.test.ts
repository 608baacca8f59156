import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Facet } from '../../search/search-types.ts'
import { buildCoverage, everyFigure, heatBand, leastCovered, yearsShown, type Counts } from './coverage.ts'

const facet = (name: Facet['name'], values: Record<string, number>): Facet => ({
  name,
  param: name,
  label: name,
  values: Object.entries(values).map(([value, count]) => ({ value, label: value, count, selected: false })),
})
const counts = (total: number, ...facets: Facet[]): Counts => ({ total, facets })

describe('insights coverage', () => {
  it('shows the years from the first with case studies to this year, at most a span', () => {
    assert.deepEqual(yearsShown([2022, 2023], 2026, 10), [2022, 2023, 2024, 2025, 2026])
    assert.deepEqual(yearsShown([1990, 2025], 2026, 3), [2024, 2025, 2026])
    assert.deepEqual(yearsShown([], 2026, 10), [2026])
    assert.deepEqual(yearsShown([2030], 2026, 10), [2026], 'a future year is not shown')
  })

  it('bands counts in four equal steps, none apart', () => {
    const cases: Array<[number, number, number]> = [
      [0, 10, 0],
      [1, 10, 1],
      [3, 10, 2],
      [5, 10, 2],
      [6, 10, 3],
      [10, 10, 4],
      [1, 1, 4],
      [0, 0, 0],
    ]
    for (const [count, max, band] of cases) assert.equal(heatBand(count, max), band, `${count} of ${max}`)
  })

  it('names every principle tied for fewest', () => {
    const a = { value: 'a', label: 'A' }
    const b = { value: 'b', label: 'B' }
    const c = { value: 'c', label: 'C' }
    assert.deepEqual(
      leastCovered([
        { principle: a, count: 2 },
        { principle: b, count: 0 },
        { principle: c, count: 0 },
      ]),
      { principles: [b, c], count: 0 },
    )
    assert.equal(leastCovered([]), null)
  })

  it('makes each figure the count of the search it links to', () => {
    const coverage = buildCoverage({
      year: 2026,
      span: 10,
      principles: [
        { value: 'equal-partners', label: 'Equal partners' },
        { value: 'community-wealth', label: 'Community wealth', labelCy: 'Cyfoeth cymunedol' },
      ],
      all: counts(
        5,
        facet('years', { '2025': 3, '2026': 2 }),
        facet('principles', { 'equal-partners': 4 }),
        facet('nations', { wales: 2 }),
        facet('tiers', { full: 5 }),
        facet('kinds', { project: 1 }),
      ),
      byPrinciple: new Map([['equal-partners', counts(4, facet('years', { '2025': 3, '2026': 1 }))]]),
      byTier: new Map([['full', counts(5, facet('kinds', { project: 1, 'case-study': 4 }))]]),
      byKind: new Map([['project', counts(1, facet('years', { '2026': 1 }))]]),
    })
    assert.deepEqual(coverage.years, [2025, 2026])
    const [partners, wealth] = coverage.principles
    assert.deepEqual(
      partners!.cells.map((c) => [c.year, c.count, c.band, c.href]),
      [
        [2025, 3, 4, '/case-studies?principle=equal-partners&year=2025'],
        [2026, 1, 2, '/case-studies?principle=equal-partners&year=2026'],
      ],
    )
    assert.equal(partners!.total.count, 4)
    assert.equal(wealth!.total.count, 0)
    assert.deepEqual(coverage.leastCovered, { principles: [{ value: 'community-wealth', label: 'Community wealth', labelCy: 'Cyfoeth cymunedol' }], count: 0 })
    assert.deepEqual(coverage.nations, [
      { value: 'wales', label: 'wales', figure: { count: 2, href: '/case-studies?nation=wales', params: coverage.nations[0]!.figure.params } },
    ])
    const full = coverage.tiers.find((t) => t.tier === 'full')!
    assert.equal(full.cells.find((c) => c.kind === 'case-study')!.href, '/case-studies?kind=case-study&tier=full')
    assert.equal(full.cells.find((c) => c.kind === 'case-study')!.count, 4)
    assert.deepEqual(
      coverage.kindsByYear.find((k) => k.kind === 'project')!.cells.map((c) => [c.count, c.href]),
      [
        [0, '/case-studies?kind=project&year=2025'],
        [1, '/case-studies?kind=project&year=2026'],
      ],
    )
    assert.equal(coverage.all.href, '/case-studies')
    assert.ok(everyFigure(coverage).every((f) => f.href.startsWith('/case-studies')))
  })
})
