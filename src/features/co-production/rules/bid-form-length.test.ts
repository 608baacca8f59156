import assert from 'node:assert/strict'
import { it } from 'node:test'
import { callKinds, type CallKind } from '../../../db/schema/enums.ts'
import { bidFormLength, type BidFormLength } from './bid-form-length.ts'

it('gives money-spending calls the full bid form and the others the short one', () => {
  const expected: Record<CallKind, BidFormLength> = {
    'policy-lab': 'full',
    'policy-prototype': 'full',
    'action-learning-eoi': 'short',
    'work-programme-idea': 'short',
    'event-session': 'short',
  }
  for (const kind of callKinds) assert.equal(bidFormLength(kind), expected[kind], kind)
})
