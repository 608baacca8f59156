import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { roundsByYear, type CallOutcome } from './rounds.ts'

const call = (slug: string, closesOn: string, over: Partial<CallOutcome> = {}): CallOutcome => ({
  slug,
  title: slug,
  closesOn,
  bidsSubmitted: 0,
  funded: 0,
  awardedPence: 0,
  projects: 0,
  closedProjects: 0,
  ...over,
})

describe('the round history', () => {
  it('groups calls by the year they close, newest year first, and sums each year exactly', () => {
    const rounds = roundsByYear([
      call('labs-2025', '2025-03-31', { bidsSubmitted: 5, funded: 2, awardedPence: 3_999_999, projects: 2, closedProjects: 1 }),
      call('prototypes-2026', '2026-06-30', { bidsSubmitted: 3, funded: 1, awardedPence: 200_000, projects: 1 }),
      call('labs-2026', '2026-03-31', { bidsSubmitted: 4, funded: 3, awardedPence: 6_000_001, projects: 3, closedProjects: 0 }),
      call('ideas-2026', '2026-01-01'),
    ])
    assert.deepEqual(
      rounds.map((r) => [r.year, r.calls.map((c) => c.slug)]),
      [
        [2026, ['ideas-2026', 'labs-2026', 'prototypes-2026']],
        [2025, ['labs-2025']],
      ],
    )
    assert.deepEqual(rounds[0]!.totals, { calls: 3, bidsSubmitted: 7, funded: 4, awardedPence: 6_200_001, projects: 4, closedProjects: 0 })
    assert.deepEqual(rounds[1]!.totals, { calls: 1, bidsSubmitted: 5, funded: 2, awardedPence: 3_999_999, projects: 2, closedProjects: 1 })
  })

  it('has no rounds without calls', () => {
    assert.deepEqual(roundsByYear([]), [])
  })
})
