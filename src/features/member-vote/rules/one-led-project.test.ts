import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { secondWinnerOfALead } from './one-led-project.ts'

const project = (id: number, round: number | null) => ({ id: String(id), funded: round !== null, round })

describe('one funded project per lead within a count', () => {
  for (const [what, projects, leads, expected] of [
    ['different leads', [project(1, 1), project(2, 2)], { 1: 10, 2: 20 }, null],
    ['the same lead, funded second', [project(1, 2), project(2, 1)], { 1: 10, 2: 10 }, 1],
    ['the same lead, but one bid not funded', [project(1, 1), project(2, null)], { 1: 10, 2: 10 }, null],
    ['no lead', [project(1, 1), project(2, 2)], { 1: null, 2: null }, null],
    ['the first repeat in funding order', [project(1, 1), project(2, 2), project(3, 3), project(4, 4)], { 1: 10, 2: 20, 3: 20, 4: 10 }, 3],
  ] as const)
    it(what, () => {
      const bids = Object.entries(leads).map(([id, lead]) => ({ id: Number(id), leadOrganisationId: lead }))
      assert.equal(secondWinnerOfALead({ projects: projects as never }, bids), expected)
    })
})
