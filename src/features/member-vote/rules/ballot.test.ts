import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checkBallot, type BallotRules } from './ballot.ts'

const bids = [
  { id: 11, costPence: 1_500_000 },
  { id: 12, costPence: 980_000 },
  { id: 13, costPence: 200_000 },
]
const approval: BallotRules = { ballotType: 'approval', minChoices: 1, maxChoices: 2, pointsPerBallot: null, budgetPence: 2_000_000 }
const knapsack: BallotRules = { ...approval, ballotType: 'knapsack', maxChoices: null }
const cumulative: BallotRules = { ...approval, ballotType: 'cumulative', minChoices: 1, maxChoices: null, pointsPerBallot: 10 }

const check = (rules: BallotRules, ticked: string[], points: Record<string, string> = {}) => {
  const { choices, errors } = checkBallot(rules, bids, { ticked, points })
  return {
    choices: choices.map((c) => `${c.bidId}:${c.points}`),
    errors: errors.map((e) => `${e.field} ${e.message.replace('memberVote.ballot.', '')} ${JSON.stringify(e.values ?? {})}`),
  }
}

describe('a ballot', () => {
  const cases: Array<[string, BallotRules, string[], Record<string, string>, string[], string[]]> = [
    ['approval: one bid', approval, ['12'], {}, ['12:1'], []],
    ['approval: two, in the ballot’s order', approval, ['13', '11'], {}, ['11:1', '13:1'], []],
    ['approval: a repeated tick counts once', approval, ['13', '13'], {}, ['13:1'], []],
    ['approval: none', approval, [], {}, [], ['bids tooFew {"min":1}']],
    ['approval: too many', approval, ['11', '12', '13'], {}, ['11:1', '12:1', '13:1'], ['bids tooMany {"max":2}']],
    ['approval: a bid not on the ballot', approval, ['99'], {}, [], [' unknownBid {}']],
    ['knapsack: within the budget', knapsack, ['11', '13'], {}, ['11:1', '13:1'], []],
    ['knapsack: exactly the budget', { ...knapsack, budgetPence: 1_700_000 }, ['11', '13'], {}, ['11:1', '13:1'], []],
    ['knapsack: over the budget', knapsack, ['11', '12'], {}, ['11:1', '12:1'], ['bids overBudget {"total":"£24,800","budget":"£20,000"}']],
    ['cumulative: points add up', cumulative, [], { 11: '7', 12: '3', 13: '' }, ['11:7', '12:3'], []],
    ['cumulative: zero points is no choice', cumulative, [], { 11: '10', 12: '0' }, ['11:10'], []],
    ['cumulative: too few points', cumulative, [], { 11: '7' }, ['11:7'], ['points-11 pointsSum {"points":10,"total":7}']],
    ['cumulative: negative points', cumulative, [], { 11: '-1', 12: '11' }, ['12:11'], ['points-11 pointsNotNumber {}']],
    ['cumulative: fractions', cumulative, [], { 11: '9.5', 12: '0.5' }, [], ['points-11 pointsNotNumber {}', 'points-12 pointsNotNumber {}']],
    ['cumulative: points for a bid not on the ballot', cumulative, [], { 11: '10', 99: '1' }, ['11:10'], [' unknownBid {}']],
  ]
  for (const [name, rules, ticked, points, choices, errors] of cases) it(name, () => assert.deepEqual(check(rules, ticked, points), { choices, errors }))
})
