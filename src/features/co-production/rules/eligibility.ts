// Whether a bid meets its call's rules, checked as the bid is written: each problem names the rule
// it breaks (a catalogue key of bids.json) and the field of the bid form it is about, so the same
// list is the "as you write" panel and the error summary when submitting.
import type { MembershipTier } from '../../../db/schema/enums.ts'
import type { FieldError } from '../../../lib/result.ts'
import { formatPounds, type Pence } from '../../membership/rules/money.ts'
import { budgetTotal, isWithinCap, type BudgetLine } from './budget.ts'
import type { BidFormLength } from './bid-form-length.ts'
import type { CallSettings } from './call-settings.ts'

export interface EligibilityCall {
  settings: CallSettings
  capPence: Pence
  /** The principles the call asks every bid to address, with names for the messages. */
  principles: ReadonlyArray<{ id: number; name: string }>
  /** The short form (expressions of interest, ideas, sessions) asks for no plan, budget or sharing; full when not said. */
  formLength?: BidFormLength
}

export interface EligibilityBid {
  /** The lead organisation's tier; null for a bid with no lead organisation. */
  leadTier: MembershipTier | null
  /** Members of the working group who have accepted, the lead not counted. */
  acceptedMembers: number
  /** Funded projects the lead leads that have not ended (none until projects are built). */
  ledProjectsUnderway: number
  title: string
  summary: string
  problem: string
  sharing: string
  theme: string | null
  differences: ReadonlyArray<{ principleId: number; difference: string }>
  milestones: ReadonlyArray<{ title: string }>
  budgetLines: ReadonlyArray<BudgetLine>
}

const blank = (s: string) => s.trim() === ''

/** Every rule of the call the bid does not yet meet; empty when it may be submitted. */
export function eligibilityProblems(call: EligibilityCall, bid: EligibilityBid): FieldError[] {
  const problems: FieldError[] = []
  const { settings } = call
  if (settings.leadTiers.length > 0 && (bid.leadTier === null || !(settings.leadTiers as readonly string[]).includes(bid.leadTier))) {
    problems.push({ field: 'lead', message: 'bids.eligibility.leadTier' })
  }
  if (settings.oneLedProjectAtATime && bid.ledProjectsUnderway > 0) problems.push({ field: 'lead', message: 'bids.eligibility.oneLedProject' })
  if (bid.acceptedMembers < settings.minWorkingGroup) {
    problems.push({ field: 'workingGroup', message: 'bids.eligibility.workingGroup', values: { min: settings.minWorkingGroup, count: bid.acceptedMembers } })
  }
  for (const [field, value] of [
    ['title', bid.title],
    ['summary', bid.summary],
    ['problem', bid.problem],
  ] as const) {
    if (!blank(value)) continue
    // The short form calls the problem "why it matters", and says so.
    problems.push({
      field,
      message: field === 'problem' && call.formLength === 'short' ? 'bidSocial.eligibility.whyRequired' : `bids.eligibility.${field}Required`,
    })
  }
  if (settings.themes.length > 0 && (bid.theme === null || !settings.themes.includes(bid.theme)))
    problems.push({ field: 'theme', message: 'bids.eligibility.theme' })
  const differences = new Map(bid.differences.map((d) => [d.principleId, d.difference]))
  for (const principle of call.principles) {
    if (blank(differences.get(principle.id) ?? '')) {
      problems.push({ field: `difference-${principle.id}`, message: 'bids.eligibility.principle', values: { principle: principle.name } })
    }
  }
  if (call.formLength === 'short') return problems
  if (!bid.milestones.some((m) => !blank(m.title))) problems.push({ field: 'milestones', message: 'bids.eligibility.milestones' })
  const total = budgetTotal(bid.budgetLines)
  if (total === 0) problems.push({ field: 'budget', message: 'bids.eligibility.budgetEmpty' })
  else if (!isWithinCap(total, call.capPence)) {
    problems.push({ field: 'budget', message: 'bids.eligibility.overCap', values: { total: wholeOrPence(total), cap: wholeOrPence(call.capPence) } })
  }
  if (blank(bid.sharing)) problems.push({ field: 'sharing', message: 'bids.eligibility.sharingRequired' })
  return problems
}

/** Pounds as the call's page shows them: £20,000 for whole pounds, £24,250.50 with pence. */
const wholeOrPence = (pence: number): string => formatPounds(pence).replace(/\.00$/, '')
