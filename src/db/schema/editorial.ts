import { sql } from 'drizzle-orm'
import { check, index, integer, jsonb, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core'
import { users } from './accounts.ts'
import { caseStudies } from './case-studies.ts'
import { revisionActions, sqlList } from './enums.ts'

/** Every saved version of a case study, whole: fields, principles, organisations, themes, contact. */
export const caseStudyRevisions = pgTable(
  'case_study_revisions',
  {
    id: serial('id').primaryKey(),
    caseStudyId: integer('case_study_id')
      .notNull()
      .references(() => caseStudies.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    authorUserId: integer('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    authorLabel: text('author_label').notNull(),
    action: text('action', { enum: revisionActions }).notNull(),
    snapshot: jsonb('snapshot').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('case_study_revisions_number_unique').on(t.caseStudyId, t.number),
    check('case_study_revisions_action_check', sql.raw(`action IN (${sqlList(revisionActions)})`)),
    check('case_study_revisions_number_check', sql`${t.number} >= 1`),
  ],
)

/** An editor's request for changes, kept with the revision it was about. */
export const reviewComments = pgTable(
  'review_comments',
  {
    id: serial('id').primaryKey(),
    caseStudyId: integer('case_study_id')
      .notNull()
      .references(() => caseStudies.id, { onDelete: 'cascade' }),
    revisionNumber: integer('revision_number').notNull(),
    authorUserId: integer('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    authorLabel: text('author_label').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('review_comments_case_study_idx').on(t.caseStudyId)],
)

/**
 * An uploaded document's reading while a person checks it (the import review): kept here, not in
 * the page, so that what is saved — above all the new organisations it proposes — is exactly
 * what this person was shown. The form carries only the id; a review belongs to one account and
 * lapses after a day.
 */
export const importReviews = pgTable(
  'import_reviews',
  {
    /** A random token, unguessable: the form's only handle on the review. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    state: jsonb('state').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('import_reviews_expires_idx').on(t.expiresAt)],
)
