import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Role } from '../../db/schema/enums.ts'
import { canCloseProject, canReportOnProject, canTurnIntoCaseStudy } from './policy.ts'

const person = (role: Role, organisationId: number | null = null) => ({ id: 1, email: 'a@example.org', name: 'A', role, organisationId })
const project = { leadOrganisationId: 5 }

describe('who may do what with a project', () => {
  it('gives reports to the lead’s officers, closing also to administrators, the case study also to editors', () => {
    const table: Array<[string, ReturnType<typeof person> | null, [boolean, boolean, boolean]]> = [
      ['nobody signed in', null, [false, false, false]],
      ['the lead’s officer', person('officer', 5), [true, true, true]],
      ['another member’s officer', person('officer', 6), [false, false, false]],
      ['an officer of no organisation', person('officer'), [false, false, false]],
      ['an editor', person('editor'), [false, false, true]],
      ['an administrator', person('admin'), [false, true, true]],
    ]
    for (const [name, actor, expected] of table) {
      assert.deepEqual([canReportOnProject(actor, project), canCloseProject(actor, project), canTurnIntoCaseStudy(actor, project)], expected, name)
    }
  })

  it('gives no officer a project led by a person', () => {
    const ledByPerson = { leadOrganisationId: null }
    assert.equal(canReportOnProject(person('officer'), ledByPerson), false)
    assert.equal(canCloseProject(person('admin'), ledByPerson), true)
  })
})
