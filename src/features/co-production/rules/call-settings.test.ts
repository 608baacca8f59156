import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseCallSettings, storedCallSettings } from './call-settings.ts'

describe('call settings', () => {
  const cases: Array<[string, unknown, string[] | Record<string, unknown>]> = [
    ['empty object: defaults', {}, { leadTiers: [], minWorkingGroup: 0, oneLedProjectAtATime: false, themes: [] }],
    [
      'a policy-lab round',
      { leadTiers: ['full'], minWorkingGroup: 3, oneLedProjectAtATime: true, themes: [' Housing ', 'Energy'] },
      { leadTiers: ['full'], minWorkingGroup: 3, oneLedProjectAtATime: true, themes: ['Housing', 'Energy'] },
    ],
    [
      'tiers sorted and deduplicated',
      { leadTiers: ['associate', 'full', 'full'] },
      { leadTiers: ['full', 'associate'], minWorkingGroup: 0, oneLedProjectAtATime: false, themes: [] },
    ],
    ['not an object', 'full', ['settings']],
    ['an array', [], ['settings']],
    ['unknown tier', { leadTiers: ['gold'] }, ['leadTiers']],
    ['tiers not a list', { leadTiers: 'full' }, ['leadTiers']],
    ['negative group', { minWorkingGroup: -1 }, ['minWorkingGroup']],
    ['fractional group', { minWorkingGroup: 1.5 }, ['minWorkingGroup']],
    ['group as text', { minWorkingGroup: '3' }, ['minWorkingGroup']],
    ['huge group', { minWorkingGroup: 51 }, ['minWorkingGroup']],
    ['one-led as text', { oneLedProjectAtATime: 'yes' }, ['oneLedProjectAtATime']],
    ['blank theme', { themes: ['Housing', ' '] }, ['themes']],
    ['repeated theme', { themes: ['Housing', 'housing'] }, ['themes']],
    [
      'every problem at once',
      { leadTiers: [1], minWorkingGroup: null, oneLedProjectAtATime: 1, themes: {} },
      ['leadTiers', 'minWorkingGroup', 'oneLedProjectAtATime', 'themes'],
    ],
  ]
  for (const [name, raw, expected] of cases) {
    it(name, () => {
      const result = parseCallSettings(raw)
      if (Array.isArray(expected)) {
        assert.equal(result.ok, false)
        if (!result.ok)
          assert.deepEqual(
            result.errors.map((e) => e.field),
            expected,
          )
      } else {
        assert.deepEqual(result, { ok: true, value: expected })
      }
    })
  }

  it('refuses to read back settings that no longer parse', () => {
    assert.throws(() => storedCallSettings({ leadTiers: ['gold'] }), /leadTiers/)
    assert.deepEqual(storedCallSettings({ minWorkingGroup: 2 }).minWorkingGroup, 2)
  })
})
