import { sql } from 'drizzle-orm'
import { bigint, check, index, integer, pgTable, primaryKey, serial, text, timestamp, unique } from 'drizzle-orm/pg-core'
import { users } from './accounts.ts'
import { bids, calls } from './co-production.ts'
import { bidOutcomes, sqlList } from './enums.ts'

/** What a call's assessors score each bid against, in the order the call lists them. */
export const callCriteria = pgTable(
  'call_criteria',
  {
    id: serial('id').primaryKey(),
    callId: integer('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    /** What a high score means, for the assessor. */
    guidance: text('guidance').notNull().default(''),
    maxScore: integer('max_score').notNull(),
  },
  (t) => [unique('call_criteria_position_unique').on(t.callId, t.position), check('call_criteria_max_check', sql`${t.maxScore} BETWEEN 1 AND 100`)],
)

/** Accounts given the assessor's role for one call (the role is per call, not site-wide). */
export const callAssessors = pgTable(
  'call_assessors',
  {
    callId: integer('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    addedByUserId: integer('added_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.callId, t.userId] }), index('call_assessors_user_idx').on(t.userId)],
)

/**
 * A conflict of interest an assessor declared on a bid. Conflicts that follow from the data (the
 * assessor's organisation leads the bid or is in its working group) are found by the rules, not stored.
 */
export const assessorConflicts = pgTable(
  'assessor_conflicts',
  {
    bidId: integer('bid_id')
      .notNull()
      .references(() => bids.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.bidId, t.userId] })],
)

/** One assessor's assessment of one bid; its scores are in assessment_scores. */
export const assessments = pgTable(
  'assessments',
  {
    id: serial('id').primaryKey(),
    bidId: integer('bid_id')
      .notNull()
      .references(() => bids.id, { onDelete: 'cascade' }),
    assessorUserId: integer('assessor_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    comment: text('comment').notNull().default(''),
    /** Null while the assessor is still working on it; the panel view counts submitted ones. */
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    revision: integer('revision').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('assessments_bid_assessor_unique').on(t.bidId, t.assessorUserId), check('assessments_revision_check', sql`${t.revision} >= 1`)],
)

export const assessmentScores = pgTable(
  'assessment_scores',
  {
    assessmentId: integer('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    criterionId: integer('criterion_id')
      .notNull()
      .references(() => callCriteria.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
    comment: text('comment').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.criterionId] }), check('assessment_scores_score_check', sql`${t.score} >= 0`)],
)

/**
 * What was decided for a bid, by a panel or by a count, with the feedback its lead is sent. One row
 * per bid: a later decision (a shortlisted bid funded by the vote) replaces it, and the audit log keeps the first.
 */
export const bidDecisions = pgTable(
  'bid_decisions',
  {
    bidId: integer('bid_id')
      .primaryKey()
      .references(() => bids.id, { onDelete: 'cascade' }),
    outcome: text('outcome', { enum: bidOutcomes }).notNull(),
    /** What the network awards, in pence; null unless funded. */
    awardedPence: bigint('awarded_pence', { mode: 'number' }),
    conditions: text('conditions').notNull().default(''),
    feedback: text('feedback').notNull().default(''),
    decidedByUserId: integer('decided_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('bid_decisions_outcome_check', sql.raw(`outcome IN (${sqlList(bidOutcomes)})`)),
    check('bid_decisions_award_check', sql`(${t.outcome} IN ('fund', 'fund-with-conditions')) = (${t.awardedPence} IS NOT NULL)`),
    check('bid_decisions_award_positive', sql`${t.awardedPence} IS NULL OR ${t.awardedPence} > 0`),
    check('bid_decisions_conditions_check', sql`${t.outcome} = 'fund-with-conditions' OR ${t.conditions} = ''`),
  ],
)
