import type { ApplicationInput } from '../../membership/application-rules.ts'

// A fictional town council's request to join, waiting for an administrator: the demo's
// applications page is never empty, and its confirmation email sits in the outbox like a real one.
export const demoApplication: ApplicationInput = {
  tier: 'associate',
  kind: 'town-or-parish-council',
  authorityCode: null,
  sitsOnAuthorityCode: null,
  organisationName: 'Millbrook Town Council',
  contact: { name: 'Joanne Ellery', jobTitle: 'Town clerk', email: 'clerk@millbrook-tc.example.org', phone: '' },
  sponsor: null,
  decisionMaker: null,
}

/** The reason written in each demo member's history: the demo did not see them join. */
export const recordedInDemo = 'Recorded as a member in the demo'

/** The reason written when the demo's former member lapsed. */
export const lapsedInDemo = 'Lapsed in the demo: the renewal invoice was not paid'
