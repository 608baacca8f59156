import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { availableActions, stateLabel } from './rules.ts'

describe('review rules', () => {
  const cases: Array<[string, Parameters<typeof availableActions>[0], string[], string]> = [
    ['a new draft', { status: 'draft', reviewState: 'none', revision: 1, publishedRevision: null }, ['publish', 'archive'], 'Draft'],
    [
      'a submitted draft',
      { status: 'draft', reviewState: 'submitted', revision: 2, publishedRevision: null },
      ['publish', 'request-changes', 'archive'],
      'Waiting for review',
    ],
    [
      'changes requested',
      { status: 'draft', reviewState: 'changes-requested', revision: 2, publishedRevision: null },
      ['publish', 'archive'],
      'Changes requested',
    ],
    ['published, up to date', { status: 'published', reviewState: 'none', revision: 3, publishedRevision: 3 }, ['unpublish', 'archive'], 'Published'],
    [
      'published with edits',
      { status: 'published', reviewState: 'none', revision: 4, publishedRevision: 3 },
      ['publish', 'unpublish', 'archive'],
      'Published, with unpublished changes',
    ],
    [
      'published, edits submitted',
      { status: 'published', reviewState: 'submitted', revision: 4, publishedRevision: 3 },
      ['publish', 'request-changes', 'unpublish', 'archive'],
      'Waiting for review',
    ],
    ['archived', { status: 'archived', reviewState: 'none', revision: 4, publishedRevision: null }, ['publish'], 'Archived'],
  ]
  for (const [name, state, actions, label] of cases) {
    it(name, () => {
      assert.deepEqual(availableActions(state), actions)
      assert.equal(stateLabel(state).text, label)
    })
  }
})
