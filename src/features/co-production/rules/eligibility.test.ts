import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { defaultCallSettings } from './call-settings.ts'
import { eligibilityProblems, type EligibilityBid, type EligibilityCall } from './eligibility.ts'

const policyLab: EligibilityCall = {
  settings: { leadTiers: ['full'], minWorkingGroup: 3, oneLedProjectAtATime: true, themes: ['Housing', 'Energy'] },
  capPence: 2_000_000,
  principles: [
    { id: 1, name: 'Sharing power' },
    { id: 2, name: 'Innovation' },
  ],
}

const goodBid: EligibilityBid = {
  leadTier: 'full',
  acceptedMembers: 3,
  ledProjectsUnderway: 0,
  title: 'Co-operative housing lab',
  summary: 'Four councils test …',
  problem: 'Tenants have no say …',
  sharing: 'A toolkit in month 12.',
  theme: 'Housing',
  differences: [
    { principleId: 1, difference: 'Tenants set the agenda.' },
    { principleId: 2, difference: 'New contracts.' },
  ],
  milestones: [{ title: 'Launch' }],
  budgetLines: [
    { description: 'Facilitation', amountPence: 1_500_000 },
    { description: 'Venues', amountPence: 500_000 },
  ],
}

describe('bid eligibility', () => {
  const cases: Array<[string, Partial<EligibilityBid>, EligibilityCall, string[]]> = [
    ['a complete bid', {}, policyLab, []],
    ['an associate member may not lead a lab', { leadTier: 'associate' }, policyLab, ['bids.eligibility.leadTier']],
    ['a bid with no lead organisation, where tiers are set', { leadTier: null }, policyLab, ['bids.eligibility.leadTier']],
    ['anyone may lead when no tiers are set', { leadTier: null }, { ...policyLab, settings: { ...policyLab.settings, leadTiers: [] } }, []],
    ['a lead already leading a project', { ledProjectsUnderway: 1 }, policyLab, ['bids.eligibility.oneLedProject']],
    [
      'a project underway, where the call allows it',
      { ledProjectsUnderway: 1 },
      { ...policyLab, settings: { ...policyLab.settings, oneLedProjectAtATime: false } },
      [],
    ],
    ['a working group one short', { acceptedMembers: 2 }, policyLab, ['bids.eligibility.workingGroup']],
    [
      'blank title, summary and problem',
      { title: ' ', summary: '', problem: '\n' },
      policyLab,
      ['bids.eligibility.titleRequired', 'bids.eligibility.summaryRequired', 'bids.eligibility.problemRequired'],
    ],
    ['no theme', { theme: null }, policyLab, ['bids.eligibility.theme']],
    ['a theme not of this round', { theme: 'Transport' }, policyLab, ['bids.eligibility.theme']],
    ['one principle not addressed', { differences: [{ principleId: 1, difference: 'Yes.' }] }, policyLab, ['bids.eligibility.principle']],
    [
      'a principle addressed with blanks',
      {
        differences: [
          { principleId: 1, difference: 'Yes.' },
          { principleId: 2, difference: '  ' },
        ],
      },
      policyLab,
      ['bids.eligibility.principle'],
    ],
    ['no milestone with a title', { milestones: [{ title: '' }] }, policyLab, ['bids.eligibility.milestones']],
    ['no budget', { budgetLines: [] }, policyLab, ['bids.eligibility.budgetEmpty']],
    ['exactly the cap', { budgetLines: [{ description: 'All', amountPence: 2_000_000 }] }, policyLab, []],
    ['a penny over the cap', { budgetLines: [{ description: 'All', amountPence: 2_000_001 }] }, policyLab, ['bids.eligibility.overCap']],
    ['nothing said of sharing', { sharing: '' }, policyLab, ['bids.eligibility.sharingRequired']],
    [
      'a prototype call with no settings',
      { leadTier: 'supporter', acceptedMembers: 0, theme: null, differences: [], budgetLines: [{ description: 'Print', amountPence: 150_000 }] },
      { settings: defaultCallSettings, capPence: 200_000, principles: [] },
      [],
    ],
  ]
  for (const [name, change, call, expected] of cases) {
    it(name, () =>
      assert.deepEqual(
        eligibilityProblems(call, { ...goodBid, ...change }).map((p) => p.message),
        expected,
      ),
    )
  }

  it('skips the plan, the budget and sharing for the short form, and calls the problem why it matters', () => {
    const eoi: EligibilityCall = { ...policyLab, formLength: 'short' }
    const short: Array<[string, Partial<EligibilityBid>, string[]]> = [
      ['a note with no milestone, budget or sharing', { milestones: [], budgetLines: [], sharing: '' }, []],
      ['a budget over the cap is not read', { budgetLines: [{ description: 'All', amountPence: 9_000_000 }] }, []],
      ['why it matters left blank', { problem: ' ' }, ['bidSocial.eligibility.whyRequired']],
      ['the call’s other rules still hold', { acceptedMembers: 0, theme: null }, ['bids.eligibility.workingGroup', 'bids.eligibility.theme']],
    ]
    for (const [name, change, expected] of short) {
      assert.deepEqual(
        eligibilityProblems(eoi, { ...goodBid, ...change }).map((p) => p.message),
        expected,
        name,
      )
    }
    assert.deepEqual(
      eligibilityProblems({ ...policyLab, formLength: 'full' }, { ...goodBid, milestones: [], sharing: '' }).map((p) => p.message),
      ['bids.eligibility.milestones', 'bids.eligibility.sharingRequired'],
    )
  })

  it('names the rule’s figures and the field it is about', () => {
    const [group] = eligibilityProblems(policyLab, { ...goodBid, acceptedMembers: 1 })
    assert.deepEqual(group, { field: 'workingGroup', message: 'bids.eligibility.workingGroup', values: { min: 3, count: 1 } })
    const [over] = eligibilityProblems(policyLab, { ...goodBid, budgetLines: [{ description: 'All', amountPence: 2_500_050 }] })
    assert.deepEqual(over, { field: 'budget', message: 'bids.eligibility.overCap', values: { total: '25,000.50', cap: '20,000' } })
    const [principle] = eligibilityProblems(policyLab, { ...goodBid, differences: [{ principleId: 2, difference: 'x' }] })
    assert.deepEqual(principle, { field: 'difference-1', message: 'bids.eligibility.principle', values: { principle: 'Sharing power' } })
  })
})
