import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Actor } from '../accounts/actor.ts'
import { canAdminister, canOpenAdminArea } from '../accounts/policy.ts'
import { canCreateCaseStudy, canEditCaseStudy, canReviewCaseStudies } from './policy.ts'

const actor = (role: Actor['role'], organisationId: number | null = null): Actor => ({ id: 1, email: 'a@example.org', name: 'A', role, organisationId })
const anonymous = null
const officer = actor('officer', 7)
const otherOfficer = actor('officer', 8)
const editor = actor('editor')
const admin = actor('admin')
const owned = { ownerOrganisationId: 7 }
const unowned = { ownerOrganisationId: null }

describe('case-study policy', () => {
  const table: Array<[string, boolean[]]> = [
    // anonymous, officer of owner, officer of another, editor, admin
    ['create', [anonymous, officer, otherOfficer, editor, admin].map(canCreateCaseStudy)],
    ['edit owned', [anonymous, officer, otherOfficer, editor, admin].map((a) => canEditCaseStudy(a, owned))],
    ['edit unowned', [anonymous, officer, otherOfficer, editor, admin].map((a) => canEditCaseStudy(a, unowned))],
    ['review', [anonymous, officer, otherOfficer, editor, admin].map(canReviewCaseStudies)],
    ['administer', [anonymous, officer, otherOfficer, editor, admin].map(canAdminister)],
    ['open admin area', [anonymous, officer, otherOfficer, editor, admin].map(canOpenAdminArea)],
  ]
  const expected: Record<string, boolean[]> = {
    create: [false, true, true, true, true],
    'edit owned': [false, true, false, true, true],
    'edit unowned': [false, false, false, true, true],
    review: [false, false, false, true, true],
    administer: [false, false, false, false, true],
    'open admin area': [false, false, false, true, true],
  }
  for (const [name, actual] of table) it(name, () => assert.deepEqual(actual, expected[name]))

  it('an officer without an organisation can create nothing', () => {
    assert.equal(canCreateCaseStudy(actor('officer', null)), false)
    assert.equal(canEditCaseStudy(actor('officer', null), unowned), false)
  })
})
