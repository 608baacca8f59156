import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { blankVoteForm, checkVoteForm, storedElectorate, voteFormOf, type VoteForm } from './vote-settings.ts'

const valid = (): VoteForm => ({
  ...blankVoteForm(6_000_000),
  opensAt: { day: '1', month: '6', year: '2027', time: '09:00' },
  closesAt: { day: '15', month: '6', year: '2027', time: '17:00' },
})

const problems = (change: Partial<VoteForm>): string[] => {
  const result = checkVoteForm({ ...valid(), ...change }, { potPence: 6_000_000 })
  return result.ok ? [] : result.errors.map((e) => `${e.field} ${e.message.replace('memberVote.settings.', '')}`)
}

describe('a vote’s set-up', () => {
  it('reads a valid form: times in London, the budget in pence', () => {
    const result = checkVoteForm(valid(), { potPence: 6_000_000 })
    assert.ok(result.ok)
    assert.equal(result.value.opensAt.toISOString(), '2027-06-01T08:00:00.000Z')
    assert.equal(result.value.closesAt.toISOString(), '2027-06-15T16:00:00.000Z')
    assert.equal(result.value.budgetPence, 6_000_000)
    assert.deepEqual(result.value.electorate, { tiers: ['full', 'associate'] })
    assert.equal(result.value.completion, 'add1')
  })

  const cases: Array<[string, Partial<VoteForm>, string[]]> = [
    ['no ballot type', { ballotType: '' }, ['ballotType ballotTypeMissing']],
    ['an unknown ballot type', { ballotType: 'ranked' }, ['ballotType ballotTypeMissing']],
    ['approval: minimum not a number', { minChoices: 'two' }, ['minChoices minChoicesInvalid']],
    ['approval: maximum below minimum', { minChoices: '3', maxChoices: '2' }, ['maxChoices maxBelowMin']],
    ['approval: maximum of none', { maxChoices: '0' }, ['maxChoices maxChoicesInvalid']],
    ['approval: a maximum equal to the minimum', { minChoices: '2', maxChoices: '2' }, []],
    ['knapsack ignores the numbers of choices', { ballotType: 'knapsack', minChoices: 'x', maxChoices: 'y' }, []],
    ['cumulative needs points', { ballotType: 'cumulative', pointsPerBallot: '' }, ['pointsPerBallot pointsInvalid']],
    ['cumulative with zero points', { ballotType: 'cumulative', pointsPerBallot: '0' }, ['pointsPerBallot pointsInvalid']],
    ['cumulative with ten points', { ballotType: 'cumulative', pointsPerBallot: '10' }, []],
    ['no counting rule', { countingRule: 'borda' }, ['countingRule countingRuleMissing']],
    ['Equal Shares without a completion', { completion: '' }, ['completion completionMissing']],
    ['greedy needs no completion', { countingRule: 'greedy', completion: '' }, []],
    ['a budget that is not money', { budget: 'lots' }, ['budget budgetInvalid']],
    ['a budget of nothing', { budget: '0' }, ['budget budgetInvalid']],
    ['a budget over the pot', { budget: '60,000.01' }, ['budget budgetOverPot']],
    ['the whole pot', { budget: '£60,000' }, []],
    ['no tiers', { tiers: [] }, ['tiers tiersMissing']],
    ['a tier that does not exist', { tiers: ['full', 'gold'] }, ['tiers tiersMissing']],
    ['no time of day', { opensAt: { day: '1', month: '6', year: '2027', time: '' } }, ['opensAt-day opensAtInvalid']],
    ['31 June', { opensAt: { day: '31', month: '6', year: '2027', time: '09:00' } }, ['opensAt-day opensAtInvalid']],
    ['closing before opening', { closesAt: { day: '1', month: '6', year: '2027', time: '08:59' } }, ['closesAt-day closesBeforeOpens']],
    ['closing as it opens', { closesAt: { day: '1', month: '6', year: '2027', time: '9.00' } }, ['closesAt-day closesBeforeOpens']],
  ]
  for (const [name, change, expected] of cases) it(name, () => assert.deepEqual(problems(change), expected))

  it('keeps the comparison for Equal Shares only', () => {
    const greedy = checkVoteForm({ ...valid(), countingRule: 'greedy', compareWithGreedy: true }, { potPence: 6_000_000 })
    assert.ok(greedy.ok && !greedy.value.compareWithGreedy && greedy.value.completion === 'none')
    const shares = checkVoteForm({ ...valid(), compareWithGreedy: true }, { potPence: 6_000_000 })
    assert.ok(shares.ok && shares.value.compareWithGreedy)
  })

  it('gives back the form it read', () => {
    const result = checkVoteForm({ ...valid(), budget: '12,500.50' }, { potPence: 6_000_000 })
    assert.ok(result.ok)
    const form = voteFormOf({ ...result.value, revision: 3 })
    assert.deepEqual(form.opensAt, valid().opensAt && { day: '1', month: '6', year: '2027', time: '09:00' })
    assert.equal(form.budget, '12500.50')
    assert.equal(form.revision, '3')
  })

  it('reads a stored electorate, dropping what it does not know', () => {
    assert.deepEqual(storedElectorate({ tiers: ['associate', 'full', 'gold'] }), { tiers: ['full', 'associate'] })
    assert.deepEqual(storedElectorate(null), { tiers: [] })
  })
})
