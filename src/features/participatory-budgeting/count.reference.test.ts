import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { countElection } from './count.ts'
import { formatAmount } from './election.ts'
import { parsePabulib } from './pabulib.ts'
import { addRationals, compareRationals, rational } from './rational.ts'

// Real elections from pabulib and pabutools' outputs for them, in ../shared (see its README).
const sharedData = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/data/pabulib')
const skip = existsSync(sharedData) ? false : `../shared/data/pabulib is absent (${sharedData}): the real elections are not counted`
const read = (file: string) => parsePabulib(readFileSync(path.join(sharedData, file), 'utf8'))

/**
 * The published outcomes of the three greedy elections. These copies of the files carry no
 * `selected` column, so the outcomes are the rule applied to the support the files publish (the
 * `votes` column, or `score` for cumulative points), which the first test checks the ballots give.
 */
const greedyElections = [
  { file: 'France_Toulouse_2022_17_-_Mirail-Universite_Reynerie_Bellefontaine.pb', column: 'votes', winners: ['183', '182'], cost: '400000.0' },
  { file: 'Poland_Czestochowa_2020_Grabowka.pb', column: 'score', winners: ['196', '443', '463', '47', '198'], cost: '215294' },
  { file: 'Netherlands_Amsterdam_643.pb', column: 'votes', winners: ['44251'], cost: '5000' },
]

describe('greedy on real elections', { skip }, () => {
  for (const { file, column, winners, cost } of greedyElections) {
    it(`reproduces ${file}`, () => {
      const election = read(file)
      const result = countElection(election, { rule: 'greedy' })
      for (const project of result.projects)
        assert.equal(String(project.support), election.projects.find((p) => p.id === project.id)?.fields[column], `support of ${project.id}`)
      assert.deepEqual(result.winners, winners)
      assert.equal(formatAmount(result.cost, result.decimals), cost)
    })
  }
})

interface Reference {
  tie_breaking_order: string[]
  winners: string[]
  total_cost: number
  budget_limit: string
}

describe('Equal Shares on real elections, against pabutools', { skip }, () => {
  const references = skip ? {} : (JSON.parse(readFileSync(path.join(sharedData, 'equal-shares-reference.json'), 'utf8')) as Record<string, Reference>)
  for (const [file, reference] of Object.entries(references))
    it(`reproduces ${file}`, () => {
      const election = read(file)
      const result = countElection(election, { rule: 'equal-shares', tieOrder: reference.tie_breaking_order })
      assert.equal(String(result.budget), reference.budget_limit)
      assert.deepEqual([...result.winners].sort(), [...reference.winners].sort())
      assert.equal(result.cost, BigInt(reference.total_cost))
      // Every funded project was paid for exactly by its supporters, each within their share.
      for (const project of result.projects.filter((p) => p.funded)) {
        const paid = project.payments.reduce(
          (sum, p) => addRationals(sum, rational(p.perVoter.exact.num * BigInt(p.voters), p.perVoter.exact.den)),
          rational(0n),
        )
        assert.deepEqual(paid, rational(project.cost), project.id)
        assert.ok(project.payments.every((p) => compareRationals(p.perVoter.exact, result.share!.exact) <= 0))
        assert.ok(project.payments.reduce((n, p) => n + p.voters, 0) <= project.supporters)
      }
      // The published tie rule gives the same outcome on these elections.
      assert.deepEqual(countElection(election, { rule: 'equal-shares' }).winners, result.winners)
    })
})
