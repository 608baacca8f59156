import { sql } from 'drizzle-orm'
import { bigint, boolean, check, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, unique } from 'drizzle-orm/pg-core'
import { users } from './accounts.ts'
import { bids, calls } from './co-production.ts'
import { ballotTypes, countCompletions, countingRules, sqlList, voteStatuses } from './enums.ts'
import { organisations } from './organisations.ts'

/** A call's member vote (participatory budgeting): how it asks, who votes, and how it counts. */
export const votes = pgTable(
  'votes',
  {
    id: serial('id').primaryKey(),
    callId: integer('call_id')
      .notNull()
      .unique()
      .references(() => calls.id, { onDelete: 'restrict' }),
    ballotType: text('ballot_type', { enum: ballotTypes }).notNull(),
    /** Approval: the fewest and most bids a ballot may choose (no maximum when null). */
    minChoices: integer('min_choices').notNull().default(1),
    maxChoices: integer('max_choices'),
    /** Cumulative: the points each ballot shares out. */
    pointsPerBallot: integer('points_per_ballot'),
    countingRule: text('counting_rule', { enum: countingRules }).notNull(),
    completion: text('completion', { enum: countCompletions }).notNull().default('none'),
    /** Publish the greedy outcome instead when more voters prefer it. */
    compareWithGreedy: boolean('compare_with_greedy').notNull().default(false),
    /** The money the vote shares out, in pence (normally the call's pot, less what a panel already awarded). */
    budgetPence: bigint('budget_pence', { mode: 'number' }).notNull(),
    /** Who may vote, as validated by the vote-settings rules (e.g. { "tiers": ["full", "associate"] }). */
    electorate: jsonb('electorate').notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: voteStatuses }).notNull().default('draft'),
    revision: integer('revision').notNull().default(1),
    /** The count as it was published (the rule's outcome with every bid's explanation), kept so the result page never recounts. */
    result: jsonb('result'),
    countedAt: timestamp('counted_at', { withTimezone: true }),
    countedByUserId: integer('counted_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('votes_ballot_type_check', sql.raw(`ballot_type IN (${sqlList(ballotTypes)})`)),
    check('votes_counting_rule_check', sql.raw(`counting_rule IN (${sqlList(countingRules)})`)),
    check('votes_completion_check', sql.raw(`completion IN (${sqlList(countCompletions)})`)),
    check('votes_status_check', sql.raw(`status IN (${sqlList(voteStatuses)})`)),
    check('votes_choices_check', sql`${t.minChoices} >= 0 AND (${t.maxChoices} IS NULL OR ${t.maxChoices} >= ${t.minChoices})`),
    check(
      'votes_points_check',
      sql`(${t.ballotType} = 'cumulative') = (${t.pointsPerBallot} IS NOT NULL) AND (${t.pointsPerBallot} IS NULL OR ${t.pointsPerBallot} > 0)`,
    ),
    check('votes_times_check', sql`${t.closesAt} > ${t.opensAt}`),
    check('votes_budget_check', sql`${t.budgetPence} > 0`),
    check('votes_counted_check', sql`(${t.status} = 'counted') = (${t.result} IS NOT NULL)`),
  ],
)

/**
 * Who has voted: a member organisation (one ballot each, cast by one of its officers) or, in a
 * member's own process, a person. Never what they chose: that is in ballots, with nothing linking the two.
 */
export const voteVoters = pgTable(
  'vote_voters',
  {
    id: serial('id').primaryKey(),
    voteId: integer('vote_id')
      .notNull()
      .references(() => votes.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id').references(() => organisations.id, { onDelete: 'restrict' }),
    castByUserId: integer('cast_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    votedAt: timestamp('voted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('vote_voters_who_check', sql`${t.organisationId} IS NOT NULL OR ${t.castByUserId} IS NOT NULL`),
    unique('vote_voters_organisation_unique').on(t.voteId, t.organisationId),
    index('vote_voters_vote_idx').on(t.voteId),
  ],
)

/**
 * A secret ballot. Its key is the receipt code given to the voter, random, and it has no time and
 * no serial number, so neither its order nor its clock can be matched with vote_voters.
 */
export const ballots = pgTable(
  'ballots',
  {
    receiptCode: text('receipt_code').primaryKey(),
    voteId: integer('vote_id')
      .notNull()
      .references(() => votes.id, { onDelete: 'cascade' }),
  },
  (t) => [index('ballots_vote_idx').on(t.voteId), check('ballots_receipt_format', sql`${t.receiptCode} ~ '^[A-Z0-9-]{8,40}$'`)],
)

/** The bids a ballot chose; points are 1 for approval and knapsack ballots. */
export const ballotChoices = pgTable(
  'ballot_choices',
  {
    receiptCode: text('receipt_code')
      .notNull()
      .references(() => ballots.receiptCode, { onDelete: 'cascade' }),
    bidId: integer('bid_id')
      .notNull()
      .references(() => bids.id, { onDelete: 'restrict' }),
    points: integer('points').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.receiptCode, t.bidId] }), check('ballot_choices_points_check', sql`${t.points} > 0`)],
)
