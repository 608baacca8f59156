import { sql } from 'drizzle-orm'
import { bigint, check, date, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, unique } from 'drizzle-orm/pg-core'
import { users } from './accounts.ts'
import { bidParticipantRoles, bidStatuses, bidVersionActions, callKinds, callStatuses, decisionMethods, spaceKinds, sqlList } from './enums.ts'
import { organisations } from './organisations.ts'
import { principles } from './principles.ts'

/**
 * Whose process a call belongs to. The network's work programme has no owner organisation; a
 * member council running a participatory budget with its residents owns its own space, so nothing
 * below assumes that the people taking part are member organisations.
 */
export const spaces = pgTable(
  'spaces',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    /** Null: the network itself. */
    ownerOrganisationId: integer('owner_organisation_id').references(() => organisations.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: spaceKinds }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('spaces_kind_check', sql.raw(`kind IN (${sqlList(spaceKinds)})`)),
    check('spaces_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    // The network's programme is the one space without an owner; a member's process always has one.
    check('spaces_owner_check', sql`(${t.kind} = 'network-programme') = (${t.ownerOrganisationId} IS NULL)`),
  ],
)

/**
 * A call for bids (or ideas, or expressions of interest). Everything that changes from one round
 * to the next is here as data: money, eligibility, timetable, principles and how it decides.
 */
export const calls = pgTable(
  'calls',
  {
    id: serial('id').primaryKey(),
    spaceId: integer('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'restrict' }),
    /** Unique across spaces: the public address is /calls/:slug whoever runs the call. */
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    kind: text('kind', { enum: callKinds }).notNull(),
    /** Markdown. */
    summary: text('summary').notNull().default(''),
    /** In pence; bigint because a council's participatory budget can pass what 32 bits hold. */
    potPence: bigint('pot_pence', { mode: 'number' }).notNull(),
    capPence: bigint('cap_pence', { mode: 'number' }).notNull(),
    /** The eligibility rules (tiers that may lead, working-group size, …), as validated by the call-settings rules. */
    settings: jsonb('settings').notNull(),
    /** Days in London. Bids may be submitted from opensOn to the end of closesOn. */
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    assessmentOn: date('assessment_on', { mode: 'string' }),
    presentationsOn: date('presentations_on', { mode: 'string' }),
    decisionOn: date('decision_on', { mode: 'string' }),
    decisionMethod: text('decision_method', { enum: decisionMethods }).notNull(),
    status: text('status', { enum: callStatuses }).notNull().default('draft'),
    /** Raised by every save: a form carries the revision it was opened on, so a second editor's save is detected. */
    revision: integer('revision').notNull().default(1),
    createdByUserId: integer('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('calls_kind_check', sql.raw(`kind IN (${sqlList(callKinds)})`)),
    check('calls_status_check', sql.raw(`status IN (${sqlList(callStatuses)})`)),
    check('calls_decision_method_check', sql.raw(`decision_method IN (${sqlList(decisionMethods)})`)),
    check('calls_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('calls_money_check', sql`${t.capPence} > 0 AND ${t.capPence} <= ${t.potPence}`),
    check('calls_dates_check', sql`${t.closesOn} >= ${t.opensOn}`),
    check('calls_revision_check', sql`${t.revision} >= 1`),
    index('calls_space_idx').on(t.spaceId),
  ],
)

/** The principles a call's bids must address, in the order the call lists them. */
export const callPrinciples = pgTable(
  'call_principles',
  {
    callId: integer('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    principleId: integer('principle_id')
      .notNull()
      .references(() => principles.id, { onDelete: 'restrict' }),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.callId, t.principleId] })],
)

/** A bid to a call: its working copy. Every saved version is also in bid_versions. */
export const bids = pgTable(
  'bids',
  {
    id: serial('id').primaryKey(),
    callId: integer('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'restrict' }),
    /** Null for a bid by a person rather than an organisation (a resident, in a member's own process). */
    leadOrganisationId: integer('lead_organisation_id').references(() => organisations.id, { onDelete: 'restrict' }),
    createdByUserId: integer('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: bidStatuses }).notNull().default('draft'),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    problem: text('problem').notNull().default(''),
    /** One of the call's themes, when the call sets themes. */
    theme: text('theme'),
    /** What will be shared with the network, and when. */
    sharing: text('sharing').notNull().default(''),
    revision: integer('revision').notNull().default(1),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('bids_status_check', sql.raw(`status IN (${sqlList(bidStatuses)})`)),
    check('bids_revision_check', sql`${t.revision} >= 1`),
    check('bids_submitted_check', sql`${t.status} <> 'submitted' OR ${t.submittedAt} IS NOT NULL`),
    index('bids_call_idx').on(t.callId),
    index('bids_lead_idx').on(t.leadOrganisationId),
  ],
)

/** The co-operative difference a bid makes, one row per principle it chose to address. */
export const bidPrinciples = pgTable(
  'bid_principles',
  {
    bidId: integer('bid_id')
      .notNull()
      .references(() => bids.id, { onDelete: 'cascade' }),
    principleId: integer('principle_id')
      .notNull()
      .references(() => principles.id, { onDelete: 'restrict' }),
    difference: text('difference').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bidId, t.principleId] })],
)

export const bidMilestones = pgTable(
  'bid_milestones',
  {
    id: serial('id').primaryKey(),
    bidId: integer('bid_id')
      .notNull()
      .references(() => bids.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
  },
  (t) => [unique('bid_milestones_position_unique').on(t.bidId, t.position)],
)

export const bidBudgetLines = pgTable(
  'bid_budget_lines',
  {
    id: serial('id').primaryKey(),
    bidId: integer('bid_id')
      .notNull()
      .references(() => bids.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    amountPence: bigint('amount_pence', { mode: 'number' }).notNull(),
  },
  (t) => [unique('bid_budget_lines_position_unique').on(t.bidId, t.position), check('bid_budget_lines_amount_check', sql`${t.amountPence} >= 0`)],
)

/**
 * A bid's working group. Members are invited by the lead and accept through their own officers;
 * partners need not be members (or organisations in coophub at all: then only their name is kept).
 */
export const bidParticipants = pgTable(
  'bid_participants',
  {
    id: serial('id').primaryKey(),
    bidId: integer('bid_id')
      .notNull()
      .references(() => bids.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id').references(() => organisations.id, { onDelete: 'restrict' }),
    /** A partner not recorded as an organisation. */
    name: text('name'),
    role: text('role', { enum: bidParticipantRoles }).notNull(),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    invitedByUserId: integer('invited_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    check('bid_participants_role_check', sql.raw(`role IN (${sqlList(bidParticipantRoles)})`)),
    check('bid_participants_who_check', sql`${t.organisationId} IS NOT NULL OR (${t.role} = 'partner' AND ${t.name} IS NOT NULL)`),
    unique('bid_participants_organisation_unique').on(t.bidId, t.organisationId),
  ],
)

/** Every saved version of a bid, whole, as case_study_revisions keeps case studies'. */
export const bidVersions = pgTable(
  'bid_versions',
  {
    id: serial('id').primaryKey(),
    bidId: integer('bid_id')
      .notNull()
      .references(() => bids.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    authorUserId: integer('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    authorLabel: text('author_label').notNull(),
    action: text('action', { enum: bidVersionActions }).notNull(),
    snapshot: jsonb('snapshot').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('bid_versions_number_unique').on(t.bidId, t.number),
    check('bid_versions_action_check', sql.raw(`action IN (${sqlList(bidVersionActions)})`)),
    check('bid_versions_number_check', sql`${t.number} >= 1`),
  ],
)

/**
 * Support for a bid. In the network's programme a member organisation backs a bid (once, through
 * any of its officers); in a member's own process a person may, so the organisation is optional.
 */
export const bidBackings = pgTable(
  'bid_backings',
  {
    id: serial('id').primaryKey(),
    bidId: integer('bid_id')
      .notNull()
      .references(() => bids.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('bid_backings_who_check', sql`${t.organisationId} IS NOT NULL OR ${t.userId} IS NOT NULL`),
    unique('bid_backings_organisation_unique').on(t.bidId, t.organisationId),
    index('bid_backings_bid_idx').on(t.bidId),
  ],
)

/** A thread of comments on a bid. Hiding keeps the row: the page shows the reason in its place. */
export const bidComments = pgTable(
  'bid_comments',
  {
    id: serial('id').primaryKey(),
    bidId: integer('bid_id')
      .notNull()
      .references(() => bids.id, { onDelete: 'cascade' }),
    /** The comment this one answers; null starts a thread. */
    parentId: integer('parent_id'),
    authorUserId: integer('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The organisation the author spoke for, when they spoke for one. */
    authorOrganisationId: integer('author_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    /** Kept even when the account goes, so a thread still reads. */
    authorLabel: text('author_label').notNull(),
    body: text('body').notNull(),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenByUserId: integer('hidden_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    hiddenReason: text('hidden_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('bid_comments_hidden_check', sql`(${t.hiddenAt} IS NULL) = (${t.hiddenReason} IS NULL)`),
    check('bid_comments_body_check', sql`length(${t.body}) > 0`),
    index('bid_comments_bid_idx').on(t.bidId),
  ],
)
