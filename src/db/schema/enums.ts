// Enumerations are text columns with CHECK constraints (not PostgreSQL enums) so adding a value is a
// one-line migration on both databases. The lists live here so rules, forms and checks share them.
export const organisationKinds = ['council', 'combined-authority', 'town-or-parish-council', 'councillor-group', 'organisation', 'individual'] as const
export type OrganisationKind = (typeof organisationKinds)[number]

export const membershipTiers = ['full', 'associate', 'affiliate', 'supporter', 'none'] as const
export type MembershipTier = (typeof membershipTiers)[number]

/** The tiers one can join (and pay for). */
export const paidTiers = ['full', 'associate', 'affiliate', 'supporter'] as const
export type PaidTier = (typeof paidTiers)[number]

/** Where a membership stands; the status rules in features/membership say how each is reached. */
export const membershipStatuses = ['applied', 'approved', 'current', 'renewal-due', 'overdue', 'lapsed', 'resigned', 'refused', 'converted'] as const
export type MembershipStatus = (typeof membershipStatuses)[number]

export const applicationStatuses = ['received', 'approved', 'refused', 'withdrawn'] as const
export type ApplicationStatus = (typeof applicationStatuses)[number]

export const invoiceKinds = ['joining', 'renewal', 'conversion'] as const
export type InvoiceKind = (typeof invoiceKinds)[number]

export const invoiceStatuses = ['issued', 'paid', 'cancelled'] as const
export type InvoiceStatus = (typeof invoiceStatuses)[number]

export const paymentMethods = ['bank-transfer', 'bacs', 'card', 'cheque', 'other'] as const
export type PaymentMethod = (typeof paymentMethods)[number]

export const reminderKinds = ['renewal-notice', 'po-number-missing', 'unpaid-30', 'unpaid-60', 'overdue', 'lapse'] as const
export type ReminderKind = (typeof reminderKinds)[number]

export const caseStudyKinds = ['case-study', 'policy-lab', 'policy-prototype', 'action-learning-set', 'project'] as const
export type CaseStudyKind = (typeof caseStudyKinds)[number]

/**
 * Where a piece of work stands in the network's programme, as documents state it ("Bid",
 * "Funded"): recorded beside the kind, never instead of it.
 */
export const caseStudyStages = ['idea', 'bid', 'funded', 'in-progress', 'completed'] as const
export type CaseStudyStage = (typeof caseStudyStages)[number]

export const publicationStatuses = ['draft', 'published', 'archived'] as const
export type PublicationStatus = (typeof publicationStatuses)[number]

export const organisationRoles = ['lead', 'participant', 'partner', 'funder'] as const
export type OrganisationRole = (typeof organisationRoles)[number]

/** A SQL `IN (...)` list for a CHECK constraint; the values are our own constants, never input. */
export function sqlList(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(', ')
}

export const roles = ['admin', 'editor', 'officer'] as const
export type Role = (typeof roles)[number]

export const accountStatuses = ['invited', 'active', 'disabled'] as const
export type AccountStatus = (typeof accountStatuses)[number]

export const tokenPurposes = ['password-reset', 'invitation'] as const
export type TokenPurpose = (typeof tokenPurposes)[number]

/** How an editor hears of submissions: an email for each, or one digest an hour at most. */
export const submissionEmailChoices = ['each', 'hourly'] as const
export type SubmissionEmailChoice = (typeof submissionEmailChoices)[number]

export const emailStatuses = ['queued', 'sent', 'failed'] as const
export type EmailStatus = (typeof emailStatuses)[number]

/** Where the working copy of a case study is in review. */
export const reviewStates = ['none', 'submitted', 'changes-requested'] as const
export type ReviewState = (typeof reviewStates)[number]

export const revisionActions = ['created', 'saved', 'restored', 'imported', 'loaded'] as const
export type RevisionAction = (typeof revisionActions)[number]

/**
 * Who runs a co-production process: the network's own work programme, or a member's own process
 * with its residents (the same calls and bids, other participants).
 */
export const spaceKinds = ['network-programme', 'member-process'] as const
export type SpaceKind = (typeof spaceKinds)[number]

export const callKinds = ['policy-lab', 'policy-prototype', 'action-learning-eoi', 'work-programme-idea', 'event-session'] as const
export type CallKind = (typeof callKinds)[number]

/** How a call decides which bids go ahead; the result page says which. */
export const decisionMethods = ['assessment', 'member-vote', 'assessment-then-vote'] as const
export type DecisionMethod = (typeof decisionMethods)[number]

export const callStatuses = ['draft', 'open', 'closed', 'decided'] as const
export type CallStatus = (typeof callStatuses)[number]

export const bidStatuses = ['draft', 'submitted', 'withdrawn'] as const
export type BidStatus = (typeof bidStatuses)[number]

/** In a bid's working group: a member of the network, or a partner that need not be one. */
export const bidParticipantRoles = ['member', 'partner'] as const
export type BidParticipantRole = (typeof bidParticipantRoles)[number]

export const bidVersionActions = ['created', 'saved', 'submitted', 'withdrawn'] as const
export type BidVersionAction = (typeof bidVersionActions)[number]

/** What an assessor's panel, or a count, decided for a bid. `shortlisted` goes on to a member vote. */
export const bidOutcomes = ['fund', 'fund-with-conditions', 'decline', 'shortlisted'] as const
export type BidOutcome = (typeof bidOutcomes)[number]

/** How a member vote asks: approve bids, choose bids within the pot, or share out points. */
export const ballotTypes = ['approval', 'knapsack', 'cumulative'] as const
export type BallotType = (typeof ballotTypes)[number]

export const countingRules = ['greedy', 'equal-shares'] as const
export type CountingRule = (typeof countingRules)[number]

export const countCompletions = ['none', 'add1'] as const
export type CountCompletion = (typeof countCompletions)[number]

export const voteStatuses = ['draft', 'open', 'closed', 'counted'] as const
export type VoteStatus = (typeof voteStatuses)[number]

export const projectStatuses = ['underway', 'closed'] as const
export type ProjectStatus = (typeof projectStatuses)[number]

export const milestoneStatuses = ['not-started', 'on-track', 'at-risk', 'done', 'dropped'] as const
export type MilestoneStatus = (typeof milestoneStatuses)[number]

export const projectReportKinds = ['progress', 'final'] as const
export type ProjectReportKind = (typeof projectReportKinds)[number]

/** Reminders about a report that is due: some days before, and again once it is late. */
export const projectReminderKinds = ['report-due-soon', 'report-overdue'] as const
export type ProjectReminderKind = (typeof projectReminderKinds)[number]
